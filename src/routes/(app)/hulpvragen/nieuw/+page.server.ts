import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { hulpvraagSchema, hulpvraagUitFormulier } from '$lib/schemas/hulpvraag';
import { z } from '$lib/schemas/zod';
import { requireRol } from '$lib/server/guards';
import { keuzesVoorHulpvraag, plaatsHulpvraag } from '$lib/server/hulpvragen';
import type { Actions, PageServerLoad } from './$types';

const GI = ['jeugdbeschermer', 'gi_coordinator'] as const;

export const load = (async (event) => {
	const user = requireRol(event, GI);
	return { keuzes: await keuzesVoorHulpvraag(user.claims) };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireRol(event, GI);
		const waarden = hulpvraagUitFormulier(await event.request.formData());
		const invoer = hulpvraagSchema.safeParse(waarden);
		if (!invoer.success) {
			return fail(400, {
				waarden,
				fouten: z.flattenError(invoer.error).fieldErrors as Record<string, string[]>
			});
		}
		const u = await plaatsHulpvraag(user.claims, invoer.data);
		if (!u.ok) {
			const { status, bericht, veld } = u.weigering;
			return fail(status, {
				waarden,
				fouten: { [veld ?? 'algemeen']: [bericht] } as Record<string, string[]>
			});
		}
		redirect(303, resolve('/(app)/hulpvragen/[referentie]', { referentie: u.waarde.referentie }));
	}
} satisfies Actions;
