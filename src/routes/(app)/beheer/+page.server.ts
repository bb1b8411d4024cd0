import { listOrganisaties } from '$lib/server/beheer';
import { requireRol } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRol(event, ['beheerder']);
	return { organisaties: await listOrganisaties(user) };
}) satisfies PageServerLoad;
