import { requireRol } from '$lib/server/guards';
import { eigenHulpvragen } from '$lib/server/hulpvragen';
import type { PageServerLoad } from './$types';

/** The GI's own hulpvragen: open ones by norm deadline first, then concepts, then closed. */
export const load = (async (event) => {
	const user = requireRol(event, ['jeugdbeschermer', 'gi_coordinator']);
	event.depends('app:hulpvragen');
	return { hulpvragen: await eigenHulpvragen(user.claims) };
}) satisfies PageServerLoad;
