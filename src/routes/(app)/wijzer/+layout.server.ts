import { requireRol } from '$lib/server/guards';
import { zoekers } from '$lib/domain/rollen';
import type { LayoutServerLoad } from './$types';

// Searchers, and region users: the wijzer shows statuses and counts of offerings, never children.
export const load = ((event) => {
	requireRol(event, [...zoekers, 'regio_analist']);
}) satisfies LayoutServerLoad;
