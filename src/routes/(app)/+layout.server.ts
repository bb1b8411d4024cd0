import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

// Everything in (app) is for signed-in people; sections add their role guard in their own layout.
export const load = ((event) => {
	requireUser(event);
}) satisfies LayoutServerLoad;
