import { aanbodKeuzes } from '$lib/server/aanbod-beheer';
import { verwerkAanbodFormulier } from '$lib/server/aanbod-formulier';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => ({
	keuzes: await aanbodKeuzes(requireUser(event))
})) satisfies PageServerLoad;

export const actions = {
	default: (event) => verwerkAanbodFormulier(event, null)
} satisfies Actions;
