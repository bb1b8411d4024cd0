import { wachtrijSchema } from '$lib/schemas/hulpvraag';
import { requireRol } from '$lib/server/guards';
import { keuzesVoorHulpvraag, wachtrij } from '$lib/server/hulpvragen';
import type { PageServerLoad } from './$types';

/** The zorgmakelaar's queue: every open hulpvraag of the region, by norm deadline and urgency. Live. */
export const load = (async (event) => {
	const user = requireRol(event, ['zorgmakelaar']);
	event.depends('app:hulpvragen');
	const filter = wachtrijSchema.parse(Object.fromEntries(event.url.searchParams));
	const [rij, keuzes] = await Promise.all([wachtrij(user.claims, filter), keuzesVoorHulpvraag(user.claims)]);
	return { rij, filter, hulpvormen: keuzes.hulpvormen };
}) satisfies PageServerLoad;
