import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

// A hulpvraag's page is for everyone RLS lets see it (its GI, the region's brokers, providers it was
// proposed to, the expertteam it was escalated to); the list and the form guard their own roles.
export const load = ((event) => {
	requireUser(event);
}) satisfies LayoutServerLoad;
