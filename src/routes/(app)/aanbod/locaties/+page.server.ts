import { lijstLocaties } from '$lib/server/aanbod-beheer';
import { verwerkLocatieFormulier } from '$lib/server/aanbod-formulier';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => ({
	locaties: await lijstLocaties(requireUser(event))
})) satisfies PageServerLoad;

export const actions = {
	default: (event) => verwerkLocatieFormulier(event, null)
} satisfies Actions;
