import { asUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { OnbekendePlaats, zoekIn, type Zoekuitkomst } from '$lib/server/zoeken';
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
	const ruw = queryAlsObject(event.url.searchParams);
	const filters = Object.keys(ruw).length === 0 ? null : zoekSchema.safeParse(ruw);
	// One transaction for the form's choices and the search: each one costs a turn on the embedded database.
	return asUser(user.claims, async (tx) => {
		const hulpvormen = await tx.query<{ code: string; naam: string }>(
			'select code, naam from public.hulpvormen where actief order by volgorde'
		);
		const leeg = { hulpvormen, ruw, fouten: {} as Fouten, uitkomst: null as Zoekuitkomst | null };
		if (!filters) return leeg;
		if (!filters.success) return { ...leeg, fouten: z.flattenError(filters.error).fieldErrors as Fouten };
		try {
			return { ...leeg, uitkomst: await zoekIn(tx, filters.data) };
		} catch (error) {
			if (error instanceof OnbekendePlaats) return { ...leeg, fouten: { plaats: [error.message] } };
			throw error;
		}
	});
}) satisfies PageServerLoad;
