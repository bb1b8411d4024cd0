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
	vrijePlaatsen: number | null;
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
 * soonest start, then distance, then name. The distance filter first narrows by a bounding box, taken
 * a little wider than the circle (km per degree rounded down: afstand_km's sphere has 111.2), so that it
 * never drops an offering the radius keeps.
 */
export const ZOEK_AANBOD_SQL = `with kandidaat as (
	  select a.id, a.naam, a.hulpvorm_code, a.organisatie_id, a.leeftijd_min, a.leeftijd_max, a.bovenregionaal,
	         a.capaciteit_totaal, a.contract_jeugdregios,
	         l.naam as locatie, l.pc4, p.lat, p.lon, g.naam as gemeente,
	         s.vrije_plaatsen, s.wachtlijst, s.verwachte_wachttijd_weken, s.eerstvolgende_vrij, s.alleen_na_overleg,
	         s.notitie, s.gemeld_op,
	         public.beschikbaarheid(s.vrije_plaatsen, s.verwachte_wachttijd_weken, s.eerstvolgende_vrij, s.gemeld_op, now()) as status,
	         case when s.vrije_plaatsen > 0 then 0
	              else public.start_over_weken(s.verwachte_wachttijd_weken, s.eerstvolgende_vrij,
	                                           (now() at time zone 'Europe/Amsterdam')::date) end as start_weken,
	         case when $4::float8 is not null then public.afstand_km($4::float8, $5::float8, p.lat, p.lon) end as afstand_km
	    from public.aanbod a
	    join public.locaties l on l.id = a.locatie_id
	    join public.pc4 p on p.pc4 = l.pc4
	    join public.gemeenten g on g.code = l.gemeente_code
	    left join public.aanbod_stand s on s.aanbod_id = a.id
	   where a.actief
	     and ($1::text[] is null or a.hulpvorm_code = any($1::text[]))
	     and ($2::int is null or $2::int between a.leeftijd_min and a.leeftijd_max)
	     and ($3::text is null or cardinality(a.geslachten) = 0 or $3::text::public.geslacht = any(a.geslachten))
	     and ($9::text[] is null or a.doelgroep_tags @> $9::text[])
	     and ($10::text is null or $10::text = any(a.talen))
	     and ($11::text = 'alle' or $12::text = any(a.contract_jeugdregios)
	          or ($11::text = 'contract_of_boven' and a.bovenregionaal))
	     and ($15::text is null or $15::text = any(a.contract_jeugdregios)
	          or (a.bovenregionaal and exists (
	                select 1 from public.jeugdregios jk join public.jeugdregios jl on jl.jbregio_code = jk.jbregio_code
	                 where jk.code = $15::text and jl.code = g.jeugdregio_code)))
	     and ($6::float8 is null
	          or (p.lat between $4::float8 - $6::float8 / 110.5 and $4::float8 + $6::float8 / 110.5
	              and p.lon between $5::float8 - $6::float8 / (111.0 * cos(radians($4::float8)))
	                            and $5::float8 + $6::float8 / (111.0 * cos(radians($4::float8)))))
	), passend as (
	  select k.*
	    from kandidaat k
	   where ($6::float8 is null or k.afstand_km <= $6::float8)
	     and ($7::text is null
	          or ($7::text = 'vrij_nu' and k.status = 'groen')
	          or ($7::text = 'binnen' and k.status <> 'grijs' and k.start_weken <= $8::int))
	)
	select k.id, k.naam, k.hulpvorm_code as "hulpvormCode", h.naam as hulpvorm, h.telwijze::text as telwijze,
	       o.naam as organisatie, o.contact_telefoon as "contactTelefoon", o.contact_email as "contactEmail",
	       o.website, k.locatie, k.pc4, k.gemeente, k.lat, k.lon,
	       k.leeftijd_min as "leeftijdMin", k.leeftijd_max as "leeftijdMax", k.bovenregionaal,
	       case when $12::text is not null then $12::text = any(k.contract_jeugdregios) end as gecontracteerd,
	       round(k.afstand_km::numeric, 1)::float8 as "afstandKm",
	       k.capaciteit_totaal as "capaciteitTotaal", k.vrije_plaatsen as "vrijePlaatsen", k.wachtlijst,
	       k.verwachte_wachttijd_weken as "wachttijdWeken", k.eerstvolgende_vrij::text as "eerstvolgendeVrij",
	       k.start_weken as "startOverWeken", coalesce(k.alleen_na_overleg, false) as "alleenNaOverleg",
	       nullif(k.notitie, '') as notitie, k.gemeld_op as "gemeldOp", k.status,
	       (count(*) over ())::int as totaal
	  from passend k
	  join public.hulpvormen h on h.code = k.hulpvorm_code
	  join public.organisaties o on o.id = k.organisatie_id
	 order by array_position(array['groen', 'oranje', 'rood', 'grijs'], k.status), k.start_weken nulls last,
	          k.afstand_km nulls last, k.naam, k.id
	 limit $13::int offset $14::int`;

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

/**
 * Resolves "plaats": a PC4 ("3511"), a GM code or a gemeente name (case- and accent-insensitive
 * enough for Dutch names: "'s-Hertogenbosch", "Den Bosch" is not an official name and fails).
 */
export const HERKOMST_SQL = `select coalesce(p.lat, g.lat) as lat, coalesce(p.lon, g.lon) as lon, g.code as "gemeenteCode",
	       g.naam as gemeente, g.jeugdregio_code as "jeugdregioCode", p.pc4
	  from public.gemeenten g
	  left join public.pc4 p on p.pc4 = $1 and p.gemeente_code = g.code
	 where (p.pc4 is not null) or upper(g.code) = upper($1) or lower(g.naam) = lower($1)
	 order by p.pc4 is null, g.code
	 limit 1`;
