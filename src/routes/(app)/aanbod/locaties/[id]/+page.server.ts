import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { lijstLocaties, verwijderLocatie } from '$lib/server/aanbod-beheer';
import { verwerkLocatieFormulier } from '$lib/server/aanbod-formulier';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const locatie = (await lijstLocaties(requireUser(event))).find((l) => l.id === event.params.id);
	if (!locatie) error(404, { message: 'Deze locatie bestaat niet, of is niet van uw organisatie.' });
	return { locatie };
}) satisfies PageServerLoad;

export const actions = {
	bewaar: (event) => verwerkLocatieFormulier(event, event.params.id),
	verwijder: async (event) => {
		const uitkomst = await verwijderLocatie(requireUser(event), event.params.id);
		if (!uitkomst.ok) return fail(uitkomst.weigering.status, { verwijderFout: uitkomst.weigering.bericht });
		redirect(303, resolve('/aanbod/locaties'));
	}
} satisfies Actions;
