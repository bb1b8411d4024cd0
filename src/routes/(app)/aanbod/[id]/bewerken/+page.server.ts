import { error } from '@sveltejs/kit';
import { aanbodKeuzes, laadAanbod } from '$lib/server/aanbod-beheer';
import { verwerkAanbodFormulier } from '$lib/server/aanbod-formulier';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	const aanbod = await laadAanbod(user, event.params.id);
	if (!aanbod) error(404, { message: 'Dit aanbod bestaat niet, of is niet van uw organisatie.' });
	return { aanbod, keuzes: await aanbodKeuzes(user) };
}) satisfies PageServerLoad;

export const actions = {
	default: (event) => verwerkAanbodFormulier(event, event.params.id)
} satisfies Actions;
