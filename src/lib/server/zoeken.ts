import { asUser, type Claims, type Queryable, type TokenClaims } from '$lib/server/db';
import { RESULTATEN_PER_PAGINA, type ZoekFilters } from '$lib/schemas/zoeken';
import {
	HERKOMST_SQL,
	normaliseerPlaats,
	ZOEK_AANBOD_SQL,
	zoekParameters,
	type Herkomst,
	type ZoekResultaat
} from './zoeken-sql';

export type { Herkomst, ZoekResultaat } from './zoeken-sql';

export interface Zoekuitkomst {
	resultaten: ZoekResultaat[];
	totaal: number;
	herkomst: Herkomst | null;
	pagina: number;
	paginas: number;
}

/** A filter the database could not resolve (unknown gemeente or PC4): shown next to its field. */
export class OnbekendePlaats extends Error {
	readonly veld = 'plaats';
	constructor(plaats: string) {
		super(
			`Onbekende gemeente of postcode: "${plaats}". Vul een gemeente of de 4 cijfers van een postcode in.`
		);
	}
}

export async function zoekHerkomst(tx: Queryable, plaats: string): Promise<Herkomst> {
	const [herkomst] = await tx.query<Herkomst>(HERKOMST_SQL, [normaliseerPlaats(plaats)]);
	if (!herkomst) throw new OnbekendePlaats(plaats);
	return herkomst;
}

/** Runs a search as the person (or token) asking, so RLS decides what is visible. */
export async function zoekAanbod(claims: Claims | TokenClaims, filters: ZoekFilters): Promise<Zoekuitkomst> {
	return asUser(claims, (tx) => zoekIn(tx, filters));
}

/** The search inside a transaction that already runs as the person (the search page adds its own reads). */
export async function zoekIn(tx: Queryable, filters: ZoekFilters): Promise<Zoekuitkomst> {
	const herkomst = filters.plaats ? await zoekHerkomst(tx, filters.plaats) : null;
	const resultaten = await tx.query<ZoekResultaat>(
		ZOEK_AANBOD_SQL,
		zoekParameters({
			hulpvormen: filters.hulpvorm,
			leeftijd: filters.leeftijd,
			geslacht: filters.geslacht,
			herkomst,
			afstand: filters.afstand,
			beschikbaar: filters.beschikbaar,
			weken: filters.weken,
			tags: filters.tag,
			taal: filters.taal,
			jeugdregio: filters.jeugdregio,
			regio: filters.regio,
			limiet: RESULTATEN_PER_PAGINA,
			vanaf: (filters.pagina - 1) * RESULTATEN_PER_PAGINA
		})
	);
	const totaal = resultaten[0]?.totaal ?? 0;
	return {
		resultaten,
		totaal,
		herkomst,
		pagina: filters.pagina,
		paginas: Math.max(1, Math.ceil(totaal / RESULTATEN_PER_PAGINA))
	};
}
