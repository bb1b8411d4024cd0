import { requireRol } from '$lib/server/guards';
import { expertteamZaken } from '$lib/server/hulpvragen';
import type { PageServerLoad } from './$types';

/** The expertteam's escalated cases, running first. Live. */
export const load = (async (event) => {
	const user = requireRol(event, ['expertteam']);
	event.depends('app:hulpvragen');
	return { zaken: await expertteamZaken(user.claims) };
}) satisfies PageServerLoad;
