import { asUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { OnbekendePlaats, zoekAanbod, type Zoekuitkomst } from '$lib/server/zoeken';
import { queryAlsObject, zoekSchema } from '$lib/schemas/zoeken';
import { z } from '$lib/schemas/zod';
import type { PageServerLoad } from './$types';

type Fouten = Partial<Record<string, string[]>>;

/**
 * The search lives in the URL (a GET form), so it is shareable, the back button works and it needs no
 * JavaScript. Invalid filters come back with their Dutch messages and the raw values, so nothing
 * typed is lost.
 */
export const load = (async (event) => {
	event.depends('app:beschikbaarheid');
	const user = requireUser(event);
	const hulpvormen = await asUser(user.claims, (tx) =>
		tx.query<{ code: string; naam: string }>(
			'select code, naam from public.hulpvormen where actief order by volgorde'
		)
	);
	const ruw = queryAlsObject(event.url.searchParams);
	const leeg = { hulpvormen, ruw, fouten: {} as Fouten, uitkomst: null as Zoekuitkomst | null };
	if (Object.keys(ruw).length === 0) return leeg;

	const filters = zoekSchema.safeParse(ruw);
	if (!filters.success) return { ...leeg, fouten: z.flattenError(filters.error).fieldErrors as Fouten };
	try {
		return { ...leeg, uitkomst: await zoekAanbod(user.claims, filters.data) };
	} catch (error) {
		if (error instanceof OnbekendePlaats) return { ...leeg, fouten: { plaats: [error.message] } };
		throw error;
	}
}) satisfies PageServerLoad;
