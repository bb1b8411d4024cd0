import { fail } from '@sveltejs/kit';
import { z } from '$lib/schemas/zod';
import { lijstApiTokens, maakApiToken, trekApiTokenIn } from '$lib/server/api-token';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const naamSchema = z
	.string({ error: 'Geef het token een naam.' })
	.trim()
	.min(2, 'Geef het token een naam van minstens 2 tekens, bijvoorbeeld de naam van het planningssysteem.')
	.max(80, 'De naam mag hoogstens 80 tekens zijn.');

export const load = (async (event) => {
	const user = requireUser(event);
	return { tokens: await lijstApiTokens(user) };
}) satisfies PageServerLoad;

export const actions = {
	maak: async (event) => {
		const user = requireUser(event);
		const invoer = (await event.request.formData()).get('naam');
		const naam = naamSchema.safeParse(invoer);
		if (!naam.success) {
			return fail(400, {
				naam: typeof invoer === 'string' ? invoer : '',
				fout: naam.error.issues[0]?.message
			});
		}
		const { token } = await maakApiToken(user, naam.data);
		// Returned once, in this response only: the database keeps nothing but its hash.
		return { nieuwToken: token, nieuwNaam: naam.data };
	},
	intrekken: async (event) => {
		const user = requireUser(event);
		const id = z.uuid().safeParse((await event.request.formData()).get('id'));
		if (!id.success || !(await trekApiTokenIn(user, id.data))) {
			return fail(404, { intrekFout: 'Dit token bestaat niet of is al ingetrokken.' });
		}
		return { ingetrokken: true };
	}
} satisfies Actions;
