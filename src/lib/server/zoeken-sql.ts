// Plain module (no $lib imports) so `npm run bench` runs the very same search as the app.

/** Where the child lives, resolved from the "plaats" filter: the origin for distance and contract. */
export interface Herkomst {
	lat: number;
	lon: number;
	gemeenteCode: string;
	gemeente: string;
	jeugdregioCode: string;
	/** Set when the origin is a PC4 rather than a gemeente centroid. */
	pc4: string | null;
}

export interface ZoekParameters {
	hulpvormen: string[];
	leeftijd?: number;
	geslacht?: string;
	herkomst: Herkomst | null;
	afstand?: number;
	beschikbaar?: 'vrij_nu' | 'binnen';
	weken?: number;
	tags: string[];
	taal?: string;
	/** The wijzer's cell: contracted for this jeugdregio, or bovenregionaal within its jeugdbeschermingsregio. */
	jeugdregio?: string;
	regio: 'alle' | 'contract' | 'contract_of_boven';
	limiet: number;
	vanaf: number;
}

/** One search result: public fields only (no history, no reporter, no provider-internal data). */
export interface ZoekResultaat {
	id: string;
	naam: string;
	hulpvormCode: string;
	hulpvorm: string;
	telwijze: 'plaatsen' | 'startmomenten';
	organisatie: string;
	contactTelefoon: string | null;
	contactEmail: string | null;
	website: string | null;
	locatie: string;
	pc4: string;
	gemeente: string;
	lat: number;
	lon: number;
	leeftijdMin: number;
	leeftijdMax: number;
	bovenregionaal: boolean;
	/** Contracted for the child's jeugdregio (null without an origin). */
	gecontracteerd: boolean | null;
	afstandKm: number | null;
	capaciteitTotaal: number;
	/** Free places now: the reported free places minus running holds (soft reservations). */
	vrijePlaatsen: number | null;
	/** Places held for a hulpvraag right now. */
	gereserveerd: number;
	wachtlijst: number | null;
	wachttijdWeken: number | null;
	eerstvolgendeVrij: string | null;
	/** Weeks until a start (0 when a place is free now); null when unknown. */
	startOverWeken: number | null;
	alleenNaOverleg: boolean;
	notitie: string | null;
	gemeldOp: Date | null;
	status: 'groen' | 'oranje' | 'rood' | 'grijs';
	/** All results of the search, not just this page. */
	totaal: number;
}

/**
 * Active offerings that fit the filters, ranked: wijzer status (groen, oranje, rood, grijs), then the
 * soonest start, then distance, then name. Reads the projection public.aanbod_zoek (one row per offering),
 * so a search is one filtered scan. The distance filter first narrows by a bounding box, taken a little wider
 * than the circle (km per degree rounded down: afstand_km's sphere has 111.2), so that it never drops an
 * offering the radius keeps.
 */
export const ZOEK_AANBOD_SQL = `with kandidaat as (
	  select z.aanbod_id, z.naam,
	         public.beschikbaarheid(public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()), z.verwachte_wachttijd_weken, z.eerstvolgende_vrij, z.gemeld_op, now()) as status,
	         case when public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()) > 0 then 0
	              else public.start_over_weken(z.verwachte_wachttijd_weken, z.eerstvolgende_vrij,
	                                           (now() at time zone 'Europe/Amsterdam')::date) end as start_weken,
	         case when $4::float8 is not null then public.afstand_km($4::float8, $5::float8, z.lat, z.lon) end as afstand_km
	    from public.aanbod_zoek z
	   where z.actief
	     and ($1::text[] is null or z.hulpvorm_code = any($1::text[]))
	     and ($2::int is null or $2::int between z.leeftijd_min and z.leeftijd_max)
	     and ($3::text is null or cardinality(z.geslachten) = 0 or $3::text::public.geslacht = any(z.geslachten))
	     and ($9::text[] is null or z.doelgroep_tags @> $9::text[])
	     and ($10::text is null or $10::text = any(z.talen))
	     and ($11::text = 'alle' or $12::text = any(z.contract_jeugdregios)
	          or ($11::text = 'contract_of_boven' and z.bovenregionaal))
	     and ($15::text is null or $15::text = any(z.contract_jeugdregios)
	          or (z.bovenregionaal and z.jbregio_code = (select j.jbregio_code from public.jeugdregios j where j.code = $15::text)))
	     and ($6::float8 is null
	          or (z.lat between $4::float8 - $6::float8 / 110.5 and $4::float8 + $6::float8 / 110.5
	              and z.lon between $5::float8 - $6::float8 / (111.0 * cos(radians($4::float8)))
	                            and $5::float8 + $6::float8 / (111.0 * cos(radians($4::float8)))))
	), pagina as (
	  -- Rank narrow rows; only the page's rows are read in full below.
	  select k.*, array_position(array['groen', 'oranje', 'rood', 'grijs'], k.status) as rang,
	         (count(*) over ())::int as totaal
	    from kandidaat k
	   where ($6::float8 is null or k.afstand_km <= $6::float8)
	     and ($7::text is null
	          or ($7::text = 'vrij_nu' and k.status = 'groen')
	          or ($7::text = 'binnen' and k.status <> 'grijs' and k.start_weken <= $8::int))
	   order by rang, k.start_weken nulls last, k.afstand_km nulls last, k.naam, k.aanbod_id
	   limit $13::int offset $14::int
	)
	select z.aanbod_id as id, z.naam, z.hulpvorm_code as "hulpvormCode", h.naam as hulpvorm, h.telwijze::text as telwijze,
	       z.organisatie, z.contact_telefoon as "contactTelefoon", z.contact_email as "contactEmail",
	       z.website, z.locatie, z.pc4, z.gemeente, z.lat, z.lon,
	       z.leeftijd_min as "leeftijdMin", z.leeftijd_max as "leeftijdMax", z.bovenregionaal,
	       case when $12::text is not null then $12::text = any(z.contract_jeugdregios) end as gecontracteerd,
	       round(p.afstand_km::numeric, 1)::float8 as "afstandKm",
	       z.capaciteit_totaal as "capaciteitTotaal", public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()) as "vrijePlaatsen",
	       public.vastgehouden(z.gereserveerd_tot, now()) as gereserveerd, z.wachtlijst,
	       z.verwachte_wachttijd_weken as "wachttijdWeken", z.eerstvolgende_vrij::text as "eerstvolgendeVrij",
	       p.start_weken as "startOverWeken", coalesce(z.alleen_na_overleg, false) as "alleenNaOverleg",
	       nullif(z.notitie, '') as notitie, z.gemeld_op as "gemeldOp", p.status, p.totaal
	  from pagina p
	  join public.aanbod_zoek z on z.aanbod_id = p.aanbod_id
	  join public.hulpvormen h on h.code = z.hulpvorm_code
	 order by p.rang, p.start_weken nulls last, p.afstand_km nulls last, p.naam, p.aanbod_id`;

/** The positional parameters of {@link ZOEK_AANBOD_SQL}. */
export function zoekParameters(p: ZoekParameters): unknown[] {
	return [
		p.hulpvormen.length > 0 ? p.hulpvormen : null,
		p.leeftijd ?? null,
		p.geslacht ?? null,
		p.herkomst?.lat ?? null,
		p.herkomst?.lon ?? null,
		p.herkomst ? (p.afstand ?? null) : null,
		p.beschikbaar ?? null,
		p.weken ?? null,
		p.tags.length > 0 ? p.tags : null,
		p.taal ?? null,
		p.herkomst ? p.regio : 'alle',
		p.herkomst?.jeugdregioCode ?? null,
		p.limiet,
		p.vanaf,
		p.jeugdregio ?? null
	];
}

/** Names people use for a gemeente whose official (CBS) name differs. */
const GEMEENTE_ALIASSEN: Record<string, string> = {
	'den haag': "'s-Gravenhage",
	'den bosch': "'s-Hertogenbosch",
	's-hertogenbosch': "'s-Hertogenbosch",
	's-gravenhage': "'s-Gravenhage"
};

/** The "plaats" as HERKOMST_SQL expects it: trimmed, with common names mapped to the official one. */
export function normaliseerPlaats(plaats: string): string {
	const schoon = plaats.trim().replace(/\s+/g, ' ');
	return GEMEENTE_ALIASSEN[schoon.toLowerCase()] ?? schoon;
}

/**
 * Resolves "plaats" (after {@link normaliseerPlaats}): a PC4 ("3511"), a GM code or a gemeente name (case- and accent-insensitive
 * enough for Dutch names: "'s-Hertogenbosch", "Den Bosch" is not an official name and fails).
 */
export const HERKOMST_SQL = `select coalesce(p.lat, g.lat) as lat, coalesce(p.lon, g.lon) as lon, g.code as "gemeenteCode",
	       g.naam as gemeente, g.jeugdregio_code as "jeugdregioCode", p.pc4
	  from public.gemeenten g
	  left join public.pc4 p on p.pc4 = $1 and p.gemeente_code = g.code
	 where (p.pc4 is not null) or upper(g.code) = upper($1) or lower(g.naam) = lower($1)
	 order by p.pc4 is null, g.code
	 limit 1`;
