import { json } from '@sveltejs/kit';
import { apiClaims, apiHandler, ApiWeigering, zodWeigering } from '$lib/server/api';
import { OnbekendePlaats, zoekAanbod } from '$lib/server/zoeken';
import { queryAlsObject, zoekSchema } from '$lib/schemas/zoeken';
import type { RequestHandler } from './$types';

/** The search page's results as JSON: same filters (same zod schema), same ranking. */
export const GET: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = await apiClaims(event);
		const filters = zoekSchema.safeParse(queryAlsObject(event.url.searchParams));
		if (!filters.success) throw zodWeigering(filters.error);
		try {
			const { resultaten, totaal, pagina, paginas, herkomst } = await zoekAanbod(claims, filters.data);
			return json(
				{
					totaal,
					pagina,
					paginas,
					herkomst: herkomst && { gemeente: herkomst.gemeente, pc4: herkomst.pc4 },
					resultaten: resultaten.map(({ totaal, ...r }) => r)
				},
				{ headers: { 'cache-control': 'no-store' } }
			);
		} catch (error) {
			if (error instanceof OnbekendePlaats) throw new ApiWeigering(400, error.message, { veld: error.veld });
			throw error;
		}
	});
