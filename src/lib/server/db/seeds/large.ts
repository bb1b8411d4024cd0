import type { Database, Queryable } from '../types';
import {
	DEMO_WACHTWOORD,
	GROEPSNAMEN,
	GROOT_STAMMEN,
	GROOT_VOORVOEGSELS,
	HULPVORM_PROFIELEN,
	TALEN
} from './catalogus';

// =====================================================================
// Benchmark data at national scale, built set-based in SQL (generate_series), so that 20,000 aanbod
// with their history take seconds rather than the hours row-by-row inserts would take on PGlite.
// Every "random" choice is a hash of (seed, row, attribute): the same seed gives the same data.
// =====================================================================

export interface SeedLargeOptions {
	/** Number of offerings (aanbod); providers are one per ten, spread over all 42 jeugdregio's. */
	aanbod: number;
	/** Number of open help requests, spread over the benchmark GIs. */
	hulpvragen: number;
	/** Default 1. */
	seed?: number;
	/** Progress lines (default: none). */
	log?: (message: string) => void;
}

export interface SeedLargeResult {
	organisaties: number;
	aanbieders: number;
	users: number;
	locaties: number;
	aanbod: number;
	capaciteitsmeldingen: number;
	hulpvragen: number;
}

const BENCHMARK = '(benchmark)';

/**
 * Seeds `aanbod` offerings across the whole country (one provider per ten offerings, 1–4 locaties each,
 * a GI, regio and expertteam per jeugdbeschermingsregio, ~5 capacity reports per offering over 60 days).
 * Runs as the owner in one transaction; may run on top of the demo seed, but only once per database.
 */
export async function seedLarge(db: Database, options: SeedLargeOptions): Promise<SeedLargeResult> {
	const seed = options.seed ?? 1;
	if (!Number.isSafeInteger(options.aanbod) || options.aanbod < 1 || options.aanbod > 1_000_000) {
		throw new Error(
			`seedLarge: aanbod moet een geheel getal van 1 tot 1.000.000 zijn (was ${options.aanbod}).`
		);
	}
	if (!Number.isSafeInteger(options.hulpvragen) || options.hulpvragen < 0) {
		throw new Error(`seedLarge: hulpvragen moet een geheel getal ≥ 0 zijn (was ${options.hulpvragen}).`);
	}
	if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2_000_000) {
		throw new Error(`seedLarge: seed moet een geheel getal van 0 tot 2.000.000 zijn (was ${seed}).`);
	}
	const log = options.log ?? (() => {});
	return db.transaction(async (tx) => {
		const [al] = await tx.query<{ n: number }>(
			`select count(*)::int as n from public.organisaties where naam like '%' || $1`,
			[BENCHMARK]
		);
		if ((al?.n ?? 0) > 0) {
			throw new Error('Deze database heeft al benchmarkdata; begin met een lege map (--fresh).');
		}
		const stap = async (naam: string, fn: () => Promise<unknown>) => {
			const start = performance.now();
			await fn();
			log(`  ${naam}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
		};
		const sql = new GrootSql(seed);
		const aanbieders = Math.max(1, Math.round(options.aanbod / 10));
		await stap('referentie', () => sql.referentie(tx));
		await stap('organisaties en accounts', () => sql.organisaties(tx, aanbieders));
		await stap('locaties', () => sql.locaties(tx));
		await stap('aanbod', () => sql.aanbod(tx, options.aanbod, aanbieders));
		await stap('capaciteitsmeldingen', () => sql.meldingen(tx));
		// A bulk load ends as a restore does: indexes built anew over the loaded rows (grown one insert at
		// a time they are half-empty pages, and a search reads twice the pages: measured), then planner
		// statistics (PGlite has no autovacuum): see seedDemoIn.
		await stap('indexen', () => tx.exec('reindex table public.aanbod_zoek'));
		await stap('analyze', () => tx.exec('analyze'));

		if (options.hulpvragen > 0) {
			await stap('hulpvragen', () => sql.hulpvragen(tx, options.hulpvragen));
			await stap('analyze', () => tx.exec('analyze public.hulpvragen'));
		}

		const tel = async (from: string) =>
			(await tx.query<{ n: number }>(`select count(*)::int as n from ${from}`))[0]?.n ?? 0;
		return {
			organisaties: await tel(`public.organisaties where naam like '%${BENCHMARK}'`),
			aanbieders: await tel(`public.organisaties where soort = 'aanbieder' and naam like '%${BENCHMARK}'`),
			users: await tel(`auth.users where email like '%@large.demo.nl'`),
			locaties: await tel('_groot_loc'),
			aanbod: await tel('_groot_aanbod'),
			capaciteitsmeldingen: await tel(
				'public.capaciteitsmeldingen where aanbod_id in (select id from _groot_aanbod)'
			),
			hulpvragen: await tel(
				`public.hulpvragen where organisatie_id in (select id from public.organisaties where naam like '%${BENCHMARK}')`
			)
		};
	});
}

/** SQL text array literal from trusted constants: `array['a','b']::text[]`. */
function tekstArray(items: readonly string[]): string {
	return `array[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(', ')}]::text[]`;
}

/** The statements of the large seed; `r(key, salt)` is the deterministic "random" number in [0, 1). */
class GrootSql {
	constructor(private readonly seed: number) {}

	private r(key: string, salt: number): string {
		// 48 bits of a seeded 64-bit hash, as a float in [0, 1).
		return `((hashint8extended((${key})::bigint, ${this.seed * 1000 + salt}) & 281474976710655)::float8 / 281474976710656)`;
	}

	/** An integer in [min, max] (SQL expressions allowed). */
	private ri(key: string, salt: number, min: string | number, max: string | number): string {
		return `((${min}) + floor(${this.r(key, salt)} * ((${max}) - (${min}) + 1))::int)`;
	}

	/** A deterministic uuid per kind and number, so the same seed gives the same ids. */
	private id(soort: string, key: string): string {
		return `md5('wijzer-groot:${this.seed}:${soort}:' || (${key})::text)::uuid`;
	}

	async referentie(tx: Queryable): Promise<void> {
		await tx.exec(`
			create temp table _groot_jr on commit drop as
			select code, naam, jbregio_code,
			       (row_number() over (order by code) - 1)::int as idx,
			       (row_number() over (partition by jbregio_code order by code) - 1)::int as jb_idx,
			       (count(*) over (partition by jbregio_code))::int as jb_n
			  from public.jeugdregios;
			create temp table _groot_pc4 on commit drop as
			select p.pc4, p.gemeente_code, g.jeugdregio_code, coalesce(p.woonplaats, g.naam) as plaats,
			       (row_number() over (partition by g.jeugdregio_code order by p.pc4) - 1)::int as idx,
			       (count(*) over (partition by g.jeugdregio_code))::int as n
			  from public.pc4 p join public.gemeenten g on g.code = p.gemeente_code;
			create index on _groot_pc4 (jeugdregio_code, idx);
			-- Temp tables get no statistics by themselves; without them the planner scans instead of probing.
			analyze _groot_jr;
			analyze _groot_pc4;
			create temp table _groot_hv (
			  code text primary key, verblijf boolean, lo float8, hi float8, lmin int[], lmax int[],
			  cap_min int, cap_max int, tags text[], contra text[], meisjes float8, jongens float8,
			  bovenregionaal float8, wt_min int, wt_max int, namen text[], omschrijving text
			) on commit drop;`);
		// Cumulative weights: a hulpvorm is drawn when a row's number falls in [lo, hi).
		const totaal = HULPVORM_PROFIELEN.reduce((s, p) => s + p.gewicht, 0);
		let cum = 0;
		const rijen = HULPVORM_PROFIELEN.map((p) => {
			const lo = cum / totaal;
			cum += p.gewicht;
			return {
				code: p.code,
				verblijf: p.verblijf,
				lo,
				hi: cum === totaal ? 1.01 : cum / totaal,
				lmin: p.leeftijden.map((l) => l[0]),
				lmax: p.leeftijden.map((l) => l[1]),
				cap_min: p.capaciteit[0],
				cap_max: p.capaciteit[1],
				tags: p.tags,
				contra: p.contra,
				meisjes: p.meisjes,
				jongens: p.jongens,
				bovenregionaal: p.bovenregionaal,
				wt_min: p.wachttijd[0],
				wt_max: p.wachttijd[1],
				namen: p.namen,
				omschrijving: p.omschrijving
			};
		});
		await tx.query(
			`insert into _groot_hv
			 select h.* from jsonb_to_recordset($1::text::jsonb) as h(code text, verblijf boolean, lo float8, hi float8,
			   lmin int[], lmax int[], cap_min int, cap_max int, tags text[], contra text[], meisjes float8,
			   jongens float8, bovenregionaal float8, wt_min int, wt_max int, namen text[], omschrijving text)
			 where h.code in (select code from public.hulpvormen)`,
			[JSON.stringify(rijen)]
		);
		await tx.exec('analyze _groot_hv');
	}

	/**
	 * Open hulpvragen of the benchmark GIs: a random gemeente of the GI's region, an age, one or two
	 * hulpvormen (weighted like the aanbod), published in the last 60 days. The norm clock is an
	 * approximation in SQL (3 months, 14 days for hoog, 24 hours for crisis): benchmark data, not the
	 * app's holiday-aware computation.
	 */
	async hulpvragen(tx: Queryable, aantal: number): Promise<void> {
		const r = this.r.bind(this);
		await tx.exec(`
			create temp table _groot_gem on commit drop as
			select g.code, g.jeugdregio_code, j.jbregio_code,
			       (row_number() over (partition by j.jbregio_code order by g.code) - 1)::int as idx,
			       (count(*) over (partition by j.jbregio_code))::int as n
			  from public.gemeenten g join public.jeugdregios j on j.code = g.jeugdregio_code;
			create index on _groot_gem (jbregio_code, idx);
			analyze _groot_gem;
			with basis as (
			  select h, gi.id as gi, gi.jb,
			         ${this.ri('h', 61, 0, 17)} as leeftijd,
			         case when ${r('h', 62)} < 0.1 then 'crisis' when ${r('h', 62)} < 0.35 then 'hoog' else 'regulier' end::public.urgentie as urgentie,
			         now() - make_interval(mins => ${this.ri('h', 63, 5, 60 * 24 * 60)}) as gepubliceerd
			    from generate_series(1, ${aantal}) h
			    join (select id, jb, (row_number() over (order by jb) - 1)::int as idx, (count(*) over ())::int as n
			            from _groot_regioorg where soort = 'gi') gi on gi.idx = h % gi.n
			)
			insert into public.hulpvragen (referentie, organisatie_id, gemeente_code, jeugdregio_code, jbregio_code, leeftijd,
			  maatregel, maatregel_datum, urgentie, hulpvorm_codes, tags, max_afstand_km, status, gepubliceerd_op,
			  norm_deadline, verbreden_na, created_at)
			select 'HV-' || upper(substr(translate(md5('hv:${this.seed}:' || b.h), '01', 'ab'), 1, 4)) || '' as referentie,
			       b.gi, g.code, g.jeugdregio_code, g.jbregio_code, b.leeftijd,
			       (array['ots', 'vots', 'voogdij', 'jeugdreclassering', 'machtiging_uhp'])[${this.ri('b.h', 64, 1, 5)}]::public.maatregel,
			       (b.gepubliceerd - interval '3 days')::date, b.urgentie,
			       array(select hv.code from _groot_hv hv where ${r('b.h', 65)} >= hv.lo and ${r('b.h', 65)} < hv.hi),
			       '{}', 50, 'open', b.gepubliceerd,
			       least((b.gepubliceerd - interval '3 days')::date + interval '3 months',
			             b.gepubliceerd + case b.urgentie when 'crisis' then interval '24 hours' when 'hoog' then interval '14 days'
			                                 else interval '3 months' end),
			       b.gepubliceerd + case b.urgentie when 'crisis' then interval '4 hours' when 'hoog' then interval '2 days'
			                          else interval '7 days' end,
			       b.gepubliceerd
			  from basis b
			  join _groot_gem g on g.jbregio_code = b.jb and g.idx = ${this.ri('b.h', 66, 0, 'g.n - 1')}
			  -- References are random in the app; here the hash may repeat, so keep the first of each.
			on conflict (referentie) do nothing;`);
	}

	async organisaties(tx: Queryable, aanbieders: number): Promise<void> {
		const r = this.r.bind(this);
		await tx.exec(`
			create temp table _groot_prov on commit drop as
			select g as nr, ${this.id('org', 'g')} as id, ${this.id('user', 'g')} as user_id,
			       jr.code as jeugdregio, jr.jbregio_code as jb,
			       case when ${r('g', 1)} < 0.35 then 1 when ${r('g', 1)} < 0.7 then 2
			            when ${r('g', 1)} < 0.9 then 3 else 4 end as nloc,
			       (${tekstArray(GROOT_VOORVOEGSELS)})[${this.ri('g', 2, 1, GROOT_VOORVOEGSELS.length)}] as voorvoegsel,
			       (${tekstArray(GROOT_STAMMEN)})[${this.ri('g', 3, 1, GROOT_STAMMEN.length)}] as stam
			  from generate_series(1, ${aanbieders}) g
			  join _groot_jr jr on jr.idx = (g - 1) % (select count(*) from _groot_jr);
			create unique index on _groot_prov (nr);
			analyze _groot_prov;

			insert into public.organisaties (id, naam, soort, jbregio_code, contact_telefoon, contact_email, created_at)
			select id, voorvoegsel || ' ' || stam || ' ' || lpad(nr::text, 5, '0') || ' ${BENCHMARK}', 'aanbieder', jb,
			       '088-0' || lpad((nr % 1000000)::text, 6, '0'), 'intake-' || nr || '@aanbieder.large.demo.nl',
			       now() - interval '120 days'
			  from _groot_prov order by nr;

			-- Per jeugdbeschermingsregio a GI, a regio and an expertteam, each with members for later benchmarks.
			create temp table _groot_regioorg on commit drop as
			select jb.code as jb, s.soort, ${this.id('regioorg', "jb.code || ':' || s.soort")} as id,
			       case s.soort when 'gi' then 'GI ' when 'regio' then 'Regio ' else 'ExpertTafel ' end
			         || jb.naam || ' ${BENCHMARK}' as naam
			  from public.jeugdbeschermingsregios jb
			 cross join (values ('gi'::public.organisatie_soort), ('regio'), ('expertteam')) s(soort);
			insert into public.organisaties (id, naam, soort, jbregio_code, created_at)
			select id, naam, soort, jb, now() - interval '120 days' from _groot_regioorg order by jb, soort;

			create temp table _groot_lid on commit drop as
			select p.user_id, p.id as organisatie_id, 'aanbieder'::public.rol as rol,
			       'aanbieder-' || lpad(p.nr::text, 5, '0') || '@large.demo.nl' as email
			  from _groot_prov p
			union all
			select ${this.id('lid', "o.jb || ':' || k.rol || ':' || k.nr")}, o.id, k.rol,
			       k.rol || '-' || lower(o.jb) || '-' || k.nr || '@large.demo.nl'
			  from _groot_regioorg o
			  join (values ('gi'::public.organisatie_soort, 'gi_coordinator'::public.rol, 1), ('regio', 'regio_analist', 1),
			               ('expertteam', 'expertteam', 2), ('regio', 'zorgmakelaar', 3), ('gi', 'jeugdbeschermer', 10)) k0(soort, rol, aantal)
			    on k0.soort = o.soort
			 cross join lateral (select k0.rol, generate_series(1, k0.aantal) as nr) k;`);
		// One bcrypt hash for all benchmark accounts (password wijzer-demo): hashing each would take minutes.
		await tx.query(
			`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
			   raw_app_meta_data, created_at, updated_at)
			 select '00000000-0000-0000-0000-000000000000'::uuid, l.user_id, 'authenticated', 'authenticated', l.email,
			        h.hash, now() - interval '119 days', '{"provider": "email", "providers": ["email"]}'::jsonb,
			        now() - interval '119 days', now() - interval '119 days'
			   from _groot_lid l
			  cross join (select extensions.crypt($1, extensions.gen_salt('bf', 10)) as hash) h`,
			[DEMO_WACHTWOORD]
		);
		await tx.exec(`
			insert into public.leden (organisatie_id, user_id, rol, created_at)
			select organisatie_id, user_id, rol, now() - interval '119 days' from _groot_lid;`);
	}

	async locaties(tx: Queryable): Promise<void> {
		const key = 'p.nr * 8 + k';
		await tx.exec(`
			create temp table _groot_loc on commit drop as
			select p.nr, k as lnr, ${this.id('loc', key)} as id, p.id as organisatie_id, p.stam,
			       pc.pc4, pc.gemeente_code, pc.jeugdregio_code, pc.plaats
			  from _groot_prov p
			 cross join lateral generate_series(1, p.nloc) k
			 -- The first site in the home jeugdregio, later ones there too or elsewhere in the same jb-regio.
			 cross join lateral (
			   select case when k = 1 or ${this.r(key, 4)} < 0.7 then p.jeugdregio
			               else (select j.code from _groot_jr j
			                      where j.jbregio_code = p.jb and j.jb_idx = floor(${this.r(key, 5)} * j.jb_n)::int)
			          end as jr
			 ) kies
			 join _groot_pc4 pc on pc.jeugdregio_code = kies.jr and pc.idx = floor(${this.r(key, 6)} * pc.n)::int;
			create unique index on _groot_loc (nr, lnr);
			analyze _groot_loc;

			insert into public.locaties (id, organisatie_id, naam, pc4, gemeente_code, created_at, updated_at)
			select id, organisatie_id, left(stam || ' ' || plaats || case when lnr > 1 then ' ' || lnr else '' end, 120),
			       pc4, gemeente_code, now() - interval '110 days', now() - interval '110 days'
			  from _groot_loc order by nr, lnr;`);
	}

	async aanbod(tx: Queryable, aantal: number, aanbieders: number): Promise<void> {
		const r = this.r.bind(this);
		const extraTalen = TALEN.filter((t) => t !== 'nl' && t !== 'en');
		await tx.exec(`
			create temp table _groot_aanbod on commit drop as
			-- Materialised CTEs with plain columns: a composite-valued subquery would be re-run for every field read.
			with basis as materialized (
			  select i, p.id as organisatie_id, p.jb, p.jeugdregio as thuis, p.user_id,
			         l.id as locatie_id, l.jeugdregio_code as loc_jr, l.plaats,
			         h.code, h.verblijf, h.lmin, h.lmax, h.cap_min, h.cap_max, h.tags as hv_tags, h.contra, h.meisjes,
			         h.jongens, h.bovenregionaal, h.wt_min, h.wt_max, h.namen, h.omschrijving
			    from generate_series(1, ${aantal}) i
			    join _groot_prov p on p.nr = 1 + (i - 1) % ${aanbieders}
			    join _groot_loc l on l.nr = p.nr and l.lnr = ${this.ri('i', 10, 1, 'p.nloc')}
			   cross join lateral (select ${r('i', 11)} as u) x
			    join _groot_hv h on x.u >= h.lo and x.u < h.hi
			), getagd as materialized (
			  select b.*, ${this.ri('b.i', 12, 1, 'array_length(b.lmin, 1)')} as lk,
			         array(select t from unnest(b.hv_tags) with ordinality u(t, o)
			                where ${r('b.i * 32 + o', 15)} < 0.3 or (t = 'lvb' and b.code = 'lvb_specialistisch')
			                order by t) as tags
			    from basis b
			)
			select g.i, ${this.id('aanbod', 'g.i')} as id, g.organisatie_id, g.locatie_id, g.user_id,
			       g.code as hulpvorm_code, g.verblijf, g.wt_min, g.wt_max,
			       left(replace(replace(g.namen[${this.ri('g.i', 13, 1, 'array_length(g.namen, 1)')}],
			         '{groep}', (${tekstArray(GROEPSNAMEN)})[${this.ri('g.i', 14, 1, GROEPSNAMEN.length)}]),
			         '{plaats}', g.plaats) || ' ' || g.i, 120) as naam,
			       g.lmin[g.lk] as leeftijd_min, g.lmax[g.lk] as leeftijd_max,
			       (case when ${r('g.i', 16)} < g.meisjes then '{meisje}'
			             when ${r('g.i', 17)} < g.jongens then '{jongen}' else '{}' end)::public.geslacht[] as geslachten,
			       g.tags as doelgroep_tags,
			       array(select c from unnest(g.contra) with ordinality u(c, o)
			              where ${r('g.i * 32 + o', 18)} < 0.3 and not c = any(g.tags)) as contra_indicaties,
			       array['nl'] || case when ${r('g.i', 19)} < 0.3 then array['en'] else '{}'::text[] end
			         || array(select t from unnest(${tekstArray(extraTalen)}) with ordinality u(t, o)
			                   where ${r('g.i * 16 + o', 20)} < 0.04) as talen,
			       array(select j.code from _groot_jr j
			              where j.jbregio_code = g.jb
			                and (j.code in (g.thuis, g.loc_jr) or ${r('g.i * 64 + j.idx', 21)} < 0.25)
			              order by j.code) as contract_jeugdregios,
			       ${r('g.i', 22)} < g.bovenregionaal as bovenregionaal,
			       ${this.ri('g.i', 23, 'g.cap_min', 'g.cap_max')} as capaciteit_totaal,
			       replace(replace(g.omschrijving, '{min}', g.lmin[g.lk]::text), '{max}', g.lmax[g.lk]::text) as omschrijving
			  from getagd g;

			insert into public.aanbod (id, organisatie_id, locatie_id, hulpvorm_code, naam, omschrijving, leeftijd_min,
			  leeftijd_max, geslachten, doelgroep_tags, talen, contra_indicaties, contract_jeugdregios, bovenregionaal,
			  capaciteit_totaal, created_at)
			select id, organisatie_id, locatie_id, hulpvorm_code, naam, omschrijving, leeftijd_min, leeftijd_max,
			       geslachten, doelgroep_tags, talen, contra_indicaties, contract_jeugdregios, bovenregionaal,
			       capaciteit_totaal, now() - interval '100 days'
			  from _groot_aanbod order by i;`);
	}

	async meldingen(tx: Queryable): Promise<void> {
		const r = this.r.bind(this);
		// Key of one report: offering number and report number, qualified by the CTE's alias.
		const m = (alias: string) => `${alias}.i * 8 + ${alias}.j`;
		await tx.exec(`
			insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, wachtlijst, verwachte_wachttijd_weken,
			  eerstvolgende_vrij, alleen_na_overleg, notitie, gemeld_door, gemeld_op, ontvangen_op)
			with plan as materialized (
			  -- 3–7 reports, the last 0–6 days ago (12% stale: 8–20 days), the first 58–62 days ago.
			  select a.*, ${this.ri('a.i', 30, 3, 7)} as k,
			         case when ${r('a.i', 31)} < 0.12 then ${this.ri('a.i', 32, 8, 20)}
			              else floor(${r('a.i', 32)} ^ 2 * 7)::int end as laatste,
			         case when ${r('a.i', 35)} < 0.6 then 0 when ${r('a.i', 35)} < 0.9 then 1 else 2 end as krapte
			    from _groot_aanbod a
			), reeks as materialized (
			  select p.*, j, greatest(${this.ri('p.i', 33, 58, 62)}, p.laatste + 51) as eerste
			    from plan p cross join lateral generate_series(0, p.k - 1) j
			), rapport as materialized (
			  select a.*,
			         a.eerste - round((a.eerste - a.laatste) * a.j::numeric / (a.k - 1))::int as dag,
			         case when ${r(m('a'), 40)} < (case when a.verblijf then array[0.08, 0.3, 0.55] else array[0.2, 0.45, 0.75] end)[a.krapte + 1]
			              then least(a.capaciteit_totaal,
			                         case when a.verblijf then ${this.ri(m('a'), 41, 1, 3)} else ${this.ri(m('a'), 41, 1, 6)} end)
			              else 0 end as vrij
			    from reeks a
			), waarden as (
			  select r.*,
			         case when r.vrij > 0 then (case when r.verblijf then 0 else ${this.ri(m('r'), 43, 0, 2)} end)
			              when r.verblijf and ${r(m('r'), 44)} < 0.15 then null
			              else least(case when r.verblijf then 52 else 30 end,
			                         greatest(2, ${this.ri(m('r'), 45, 'r.wt_min', 'r.wt_max')})) end as weken,
			         (date_trunc('day', now() at time zone 'Europe/Amsterdam') - make_interval(days => r.dag)
			           + make_interval(mins => ${this.ri(m('r'), 46, 480, 1050)})) at time zone 'Europe/Amsterdam' as lokaal
			    from rapport r
			)
			select w.id, w.vrij,
			       case when w.vrij > 0 then 0
			            else ${this.ri(m('w'), 42, 0, 'case when w.verblijf then 12 else 60 end')} end,
			       w.weken,
			       case when w.weken is not null then (least(w.lokaal, now()) at time zone 'Europe/Amsterdam')::date + w.weken * 7 end,
			       w.vrij > 0 and w.verblijf and ${r(m('w'), 47)} < 0.2,
			       case when w.vrij > 0 and w.verblijf and ${r(m('w'), 47)} < 0.2
			            then 'Alleen na overleg met gedragswetenschapper.' else '' end,
			       w.user_id, least(w.lokaal, now() - interval '2 minutes'), least(w.lokaal + interval '2 seconds', now())
			  from waarden w
			 order by least(w.lokaal, now() - interval '2 minutes'), w.i;`);
	}
}
