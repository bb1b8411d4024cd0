import { listEigenAanbod } from '$lib/server/aanbod';
import { requireRol } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRol(event, ['aanbieder']);
	return { aanbod: await listEigenAanbod(user) };
}) satisfies PageServerLoad;
