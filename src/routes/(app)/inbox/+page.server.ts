import { metInbox } from '$lib/domain/rollen';
import { requireRol } from '$lib/server/guards';
import { inboxVoor } from '$lib/server/inbox';
import type { PageServerLoad } from './$types';

/** What needs this person now, live. */
export const load = (async (event) => {
	const user = requireRol(event, metInbox);
	event.depends('app:hulpvragen');
	return { items: await inboxVoor(user) };
}) satisfies PageServerLoad;
