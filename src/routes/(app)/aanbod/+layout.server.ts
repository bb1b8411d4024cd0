import { requireRol } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

export const load = ((event) => {
	requireRol(event, ['aanbieder']);
}) satisfies LayoutServerLoad;
