import { requireRol } from '$lib/server/guards';
import { zoekers } from '$lib/domain/rollen';
import type { LayoutServerLoad } from './$types';

export const load = ((event) => {
	requireRol(event, zoekers);
}) satisfies LayoutServerLoad;
