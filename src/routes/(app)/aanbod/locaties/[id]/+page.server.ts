import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { bewaarLocatie, lijstLocaties, verwijderLocatie } from '$lib/server/aanbod-beheer';
import { requireUser } from '$lib/server/guards';
import { locatieSchema, locatieUitFormulier } from '$lib/schemas/aanbod';
import { z } from '$lib/schemas/zod';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const locatie = (await lijstLocaties(requireUser(event))).find((l) => l.id === event.params.id);
	if (!locatie) error(404, { message: 'Deze locatie bestaat niet, of is niet van uw organisatie.' });
	return { locatie };
}) satisfies PageServerLoad;

export const actions = {
	bewaar: async (event) => {
		const user = requireUser(event);
		const waarden = locatieUitFormulier(await event.request.formData());
		const invoer = locatieSchema.safeParse(waarden);
		if (!invoer.success) return fail(400, { waarden, fouten: z.flattenError(invoer.error).fieldErrors });
		const uitkomst = await bewaarLocatie(user, event.params.id, invoer.data);
		if (!uitkomst.ok) {
			const { status, bericht, veld } = uitkomst.weigering;
			return fail(status, { waarden, fouten: { [veld ?? 'naam']: [bericht] } as Record<string, string[]> });
		}
		redirect(303, resolve('/aanbod/locaties'));
	},
	verwijder: async (event) => {
		const uitkomst = await verwijderLocatie(requireUser(event), event.params.id);
		if (!uitkomst.ok) return fail(uitkomst.weigering.status, { verwijderFout: uitkomst.weigering.bericht });
		redirect(303, resolve('/aanbod/locaties'));
	}
} satisfies Actions;
