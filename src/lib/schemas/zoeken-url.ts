import type { ZoekFilters } from './zoeken';

// The search as a URL query, both ways, without zod: the search page and the wijzer build their links with
// these in the browser, and importing them from zoeken.ts would ship zod (about 85 KB) with those pages.
// zoeken.ts re-exports them, next to the schema that reads the same query.

const lijstVelden = new Set(['hulpvorm', 'tag']);

/** The raw query of a URL as an object: repeated keys (hulpvorm, tag) as arrays, the rest as text. */
export function queryAlsObject(params: URLSearchParams): Record<string, string | string[]> {
	const uit: Record<string, string | string[]> = {};
	for (const sleutel of new Set(params.keys())) {
		uit[sleutel] = lijstVelden.has(sleutel)
			? params.getAll(sleutel).filter((v) => v !== '')
			: (params.get(sleutel) ?? '');
	}
	return uit;
}

/** Filters back to a URL query (only what is set), for links: the wijzer's cells, paging, the map. */
export function filtersAlsQuery(filters: Partial<ZoekFilters>): URLSearchParams {
	const q = new URLSearchParams();
	for (const [sleutel, waarde] of Object.entries(filters)) {
		if (waarde === undefined || waarde === null || waarde === '') continue;
		if (Array.isArray(waarde)) for (const v of waarde) q.append(sleutel, String(v));
		else if (!(sleutel === 'regio' && waarde === 'alle') && !(sleutel === 'pagina' && waarde === 1)) {
			q.set(sleutel, String(waarde));
		}
	}
	return q;
}
