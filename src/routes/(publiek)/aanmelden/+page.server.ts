import { fail, redirect } from '@sveltejs/kit';
import { z } from '$lib/schemas/zod';
import { aanmeldSchema } from '$lib/schemas/aanmelden';
import { authMode } from '$lib/server/auth/mode';
import { signInWithPassword } from '$lib/server/auth/embedded';
import { createSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { supabaseSignIn } from '$lib/server/auth/supabase';
import { readDbConfig } from '$lib/server/db/config';
import { demoAccounts, DEMO_PASSWORD } from '$lib/server/db/seed';
import { veiligTerugpad } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, veiligTerugpad(url.searchParams.get('terug')));
	const demo = readDbConfig().demo;
	return {
		demo: demo
			? {
					accounts: demoAccounts.map(({ email, omschrijving }) => ({ email, omschrijving })),
					wachtwoord: DEMO_PASSWORD
				}
			: null
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const invoer = { email: form.get('email'), wachtwoord: form.get('wachtwoord') };
		// Only the e-mail goes back to the page; a password is never echoed.
		const email = typeof invoer.email === 'string' ? invoer.email : '';
		const parsed = aanmeldSchema.safeParse(invoer);
		if (!parsed.success) {
			const fouten = z.flattenError(parsed.error).fieldErrors;
			return fail(400, { email, fouten: { email: fouten.email?.[0], wachtwoord: fouten.wachtwoord?.[0] } });
		}

		if (authMode() === 'supabase') {
			if (!(await supabaseSignIn(event, parsed.data.email, parsed.data.wachtwoord))) {
				return fail(400, {
					email,
					melding: 'Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer opnieuw.'
				});
			}
		} else {
			const resultaat = await signInWithPassword(
				parsed.data.email,
				parsed.data.wachtwoord,
				event.getClientAddress()
			);
			if (resultaat.status === 'geblokkeerd') {
				const minuten = Math.ceil(resultaat.wachtSeconden / 60);
				return fail(429, {
					email,
					melding: `Te vaak een onjuist wachtwoord. Om uw account te beschermen kunt u het over ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'} opnieuw proberen.`
				});
			}
			if (resultaat.status !== 'ok') {
				return fail(400, {
					email,
					melding: 'Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer opnieuw.'
				});
			}
			const token = await createSessionToken({ id: resultaat.userId, email: parsed.data.email });
			setSessionCookie(event.cookies, token, event.url.protocol === 'https:');
		}
		redirect(303, veiligTerugpad(event.url.searchParams.get('terug')));
	}
} satisfies Actions;
