import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsAnon, runAsUser } from './index';
import { migrate } from './migrate';
import { demoAccounts, DEMO_PASSWORD, seedDemo, seedDemoIfEmpty, seedLarge } from './seed';
import { DEMO_FOCUS, DOELGROEP_TAGS, ECHTE_ORGANISATIES, GRIJZE_CELLEN, TALEN } from './seeds/catalogus';
import { buildDemoData, readReferentie } from './seeds/demo';
import type { Database } from './types';
import { engines, openEngine } from '../../../../supabase/tests/harness';

// The demo seed against the requirements it exists for (DESIGN.md §3), on a fresh database per engine:
// PGlite always, and the throwaway Postgres server of the db project when there is one (connected as a
// role that is not a superuser, as in production).

const n = async (db: Database, sql: string, params: unknown[] = []): Promise<number> => {
	const [row] = await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) as rows`, params);
	return row?.n ?? -1;
};

describe.each(engines())('seed (%s)', (engine) => {
	let db: Database;
	let dispose: () => Promise<void> = async () => {};
	let seedMs = 0;

	beforeAll(async () => {
		({ db, dispose } = await openEngine(engine));
		await migrate(db);
		const start = performance.now();
		expect(await seedDemoIfEmpty(db)).toBe(true);
		seedMs = performance.now() - start;
	});
	afterAll(async () => {
		await dispose();
	});

	it('seeds in a few seconds', () => {
		console.info(`seedDemo op ${engine}: ${Math.round(seedMs)} ms`);
		expect(seedMs).toBeLessThan(20_000);
	});

	/** What the planner believes a table holds: -1 (never analysed) until ANALYZE ran. */
	const geschatteRijen = async (tabel: string): Promise<number> =>
		(
			await db.query<{ n: number }>('select reltuples::int as n from pg_class where oid = $1::regclass', [
				tabel
			])
		)[0]?.n ?? -1;

	it('leaves planner statistics behind (ANALYZE), so the first searches are planned for real sizes', async () => {
		for (const tabel of [
			'public.aanbod',
			'public.capaciteitsmeldingen',
			'public.aanbod_zoek',
			'public.locaties'
		]) {
			expect(await geschatteRijen(tabel)).toBe(await n(db, `select 1 from ${tabel}`));
		}
		expect(
			await n(db, `select 1 from pg_stats where schemaname = 'public' and tablename = 'aanbod'`)
		).toBeGreaterThan(0);
	});

	it('has the organisations of the three focus regions', async () => {
		expect(await n(db, `select 1 from public.organisaties where soort = 'aanbieder'`)).toBeGreaterThanOrEqual(
			40
		);
		const giRegios = await db.query<{ jbregio_code: string }>(
			`select jbregio_code from public.organisaties where soort = 'gi' order by 1`
		);
		expect(giRegios.map((r) => r.jbregio_code)).toEqual(['JB05', 'JB07', 'JB11']);
		const regioRegios = await db.query<{ jbregio_code: string }>(
			`select jbregio_code from public.organisaties where soort = 'regio' order by 1`
		);
		expect(regioRegios.map((r) => r.jbregio_code)).toEqual(['JB05', 'JB07', 'JB11']);
		expect(await n(db, `select 1 from public.organisaties where soort = 'expertteam'`)).toBe(1);
		expect(await n(db, `select 1 from public.organisaties where soort = 'beheer'`)).toBe(1);
		const jbNamen = await db.query<{ naam: string }>(
			`select naam from public.jeugdbeschermingsregios where code in ('JB05', 'JB07', 'JB11') order by code`
		);
		expect(jbNamen.map((r) => r.naam)).toEqual(['Utrecht en Flevoland', 'Zuid-West', 'Limburg']);
	});

	it('places every provider in its own region with 1–4 locaties at real PC4s', async () => {
		const perRegio = await db.query<{ jb: string; aanbieders: number }>(
			`select j.code as jb, count(distinct o.id)::int as aanbieders
			   from public.organisaties o
			   join public.locaties l on l.organisatie_id = o.id
			   join public.pc4 p on p.pc4 = l.pc4 and p.gemeente_code = l.gemeente_code
			   join public.gemeenten g on g.code = l.gemeente_code
			   join public.jeugdregios jr on jr.code = g.jeugdregio_code
			   join public.jeugdbeschermingsregios j on j.code = jr.jbregio_code
			  where o.soort = 'aanbieder'
			  group by 1 order by 1`
		);
		expect(perRegio.map((r) => r.jb)).toEqual(['JB05', 'JB07', 'JB11']);
		for (const r of perRegio) expect(r.aanbieders).toBeGreaterThanOrEqual(10);
		// A site outside its provider's jeugdbeschermingsregio, or a provider with no or too many sites.
		expect(
			await n(
				db,
				`select 1 from public.locaties l
				   join public.organisaties o on o.id = l.organisatie_id
				   join public.gemeenten g on g.code = l.gemeente_code
				   join public.jeugdregios jr on jr.code = g.jeugdregio_code
				  where jr.jbregio_code is distinct from o.jbregio_code`
			)
		).toBe(0);
		expect(
			await n(
				db,
				`select 1 from public.organisaties o
				  where o.soort = 'aanbieder'
				    and (select count(*) from public.locaties l where l.organisatie_id = o.id) not between 1 and 4`
			)
		).toBe(0);
	});

	it('uses fictional names and contact details only', async () => {
		const namen = (await db.query<{ naam: string }>('select naam from public.organisaties')).map(
			(r) => r.naam
		);
		for (const echt of ECHTE_ORGANISATIES) {
			const woord = new RegExp(
				`(^|[^\\p{L}])${echt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`,
				'iu'
			);
			expect(
				namen.filter((naam) => woord.test(naam)),
				echt
			).toEqual([]);
		}
		const contact = await db.query<{ contact_telefoon: string | null; contact_email: string | null }>(
			`select contact_telefoon, contact_email from public.organisaties where soort = 'aanbieder'`
		);
		for (const c of contact) {
			// Subscriber numbers never start with 0: these ring nobody.
			expect(c.contact_telefoon).toMatch(/^0\d{2,3}-0\d{5,6}$/);
			expect(c.contact_email).toMatch(/@aanbieder\.demo\.nl$/);
		}
	});

	it('offers every hulpvorm at least four times, ~200 aanbod in all', async () => {
		expect(await n(db, 'select 1 from public.aanbod')).toBeGreaterThanOrEqual(150);
		const perHulpvorm = await db.query<{ code: string; aantal: number }>(
			`select h.code, count(a.id)::int as aantal
			   from public.hulpvormen h left join public.aanbod a on a.hulpvorm_code = h.code
			  group by h.code`
		);
		expect(perHulpvorm).toHaveLength(18);
		for (const h of perHulpvorm) expect(h.aantal, h.code).toBeGreaterThanOrEqual(4);
	});

	it('gives each hulpvorm realistic eligibility', async () => {
		const rijen = await db.query<{
			hulpvorm_code: string;
			leeftijd_min: number;
			leeftijd_max: number;
			doelgroep_tags: string[];
			contra_indicaties: string[];
			talen: string[];
			contract_jeugdregios: string[];
			jbregio_code: string;
			bovenregionaal: boolean;
			capaciteit_totaal: number;
			telwijze: string;
		}>(
			`select a.hulpvorm_code, a.leeftijd_min, a.leeftijd_max, a.doelgroep_tags, a.contra_indicaties, a.talen,
			        a.contract_jeugdregios, o.jbregio_code, a.bovenregionaal, a.capaciteit_totaal, h.telwijze::text
			   from public.aanbod a
			   join public.organisaties o on o.id = a.organisatie_id
			   join public.hulpvormen h on h.code = a.hulpvorm_code`
		);
		const jbVan = new Map(
			(
				await db.query<{ code: string; jb: string }>(
					'select code, jbregio_code as jb from public.jeugdregios'
				)
			).map((r) => [r.code, r.jb])
		);
		const leeftijd: Record<string, [number, number]> = {
			kamertraining: [16, 23],
			gesloten_jeugdhulp: [12, 18],
			crisisplek: [0, 17],
			ouderschapsbemiddeling: [0, 17],
			gezinshuis: [0, 17],
			jeugd_ggz_klinisch: [6, 18]
		};
		for (const a of rijen) {
			const grens = leeftijd[a.hulpvorm_code];
			if (grens) {
				expect(a.leeftijd_min, a.hulpvorm_code).toBeGreaterThanOrEqual(grens[0]);
				expect(a.leeftijd_max, a.hulpvorm_code).toBeLessThanOrEqual(grens[1]);
			}
			expect(a.talen).toContain('nl');
			for (const t of a.talen) expect(TALEN).toContain(t);
			for (const t of [...a.doelgroep_tags, ...a.contra_indicaties]) expect(DOELGROEP_TAGS).toContain(t);
			expect(a.contract_jeugdregios.length).toBeGreaterThan(0);
			for (const c of a.contract_jeugdregios) expect(jbVan.get(c)).toBe(a.jbregio_code);
			if (a.telwijze === 'plaatsen') expect(a.capaciteit_totaal).toBeGreaterThanOrEqual(2);
			if (a.telwijze === 'plaatsen') expect(a.capaciteit_totaal).toBeLessThanOrEqual(24);
			else expect(a.capaciteit_totaal).toBeGreaterThanOrEqual(4);
		}
		const bovenregionaal = rijen.filter((a) => a.bovenregionaal).length / rijen.length;
		expect(bovenregionaal).toBeGreaterThan(0.12);
		expect(bovenregionaal).toBeLessThan(0.45);
		expect(rijen.filter((a) => a.talen.length > 1).length).toBeGreaterThan(20);
		expect(rijen.filter((a) => a.contra_indicaties.length > 0).length).toBeGreaterThan(10);
	});

	it('gives every aanbod a 60-day capacity history within its capacity', async () => {
		const historie = await db.query<{ aantal: number; dagen: number; toekomst: number }>(
			`select count(*)::int as aantal,
			        extract(epoch from max(m.gemeld_op) - min(m.gemeld_op))::float8 / 86400 as dagen,
			        count(*) filter (where m.gemeld_op > now())::int as toekomst
			   from public.aanbod a join public.capaciteitsmeldingen m on m.aanbod_id = a.id
			  group by a.id`
		);
		expect(historie).toHaveLength(await n(db, 'select 1 from public.aanbod'));
		for (const h of historie) {
			expect(h.aantal).toBeGreaterThanOrEqual(5);
			expect(h.dagen).toBeGreaterThanOrEqual(50);
			expect(h.toekomst).toBe(0);
		}
		expect(
			await n(
				db,
				`select 1 from public.capaciteitsmeldingen m join public.aanbod a on a.id = m.aanbod_id
				  where m.vrije_plaatsen > a.capaciteit_totaal`
			)
		).toBe(0);
		// Reports come from the provider's own staff.
		expect(
			await n(
				db,
				`select 1 from public.capaciteitsmeldingen m join public.aanbod a on a.id = m.aanbod_id
				  where not exists (select 1 from public.leden l
				                     where l.user_id = m.gemeld_door and l.organisatie_id = a.organisatie_id
				                       and l.rol = 'aanbieder')`
			)
		).toBe(0);
	});

	it('reflects scarcity and staleness in the latest reports', async () => {
		const laatste = await db.query<{
			telwijze: string;
			vrije_plaatsen: number;
			dagen: number;
			verwachte_wachttijd_weken: number | null;
		}>(
			`select h.telwijze::text, m.vrije_plaatsen, m.verwachte_wachttijd_weken,
			        extract(epoch from now() - m.gemeld_op)::float8 / 86400 as dagen
			   from public.aanbod a
			   join public.hulpvormen h on h.code = a.hulpvorm_code
			   join lateral (select * from public.capaciteitsmeldingen c where c.aanbod_id = a.id
			                  order by c.gemeld_op desc limit 1) m on true`
		);
		const verblijf = laatste.filter((l) => l.telwijze === 'plaatsen');
		const vol = verblijf.filter((l) => l.vrije_plaatsen === 0).length / verblijf.length;
		expect(vol).toBeGreaterThan(0.6);
		expect(verblijf.some((l) => l.vrije_plaatsen > 0)).toBe(true);
		for (const l of laatste.filter((l) => l.telwijze === 'startmomenten')) {
			expect(l.verwachte_wachttijd_weken).not.toBeNull();
			expect(l.verwachte_wachttijd_weken).toBeLessThanOrEqual(30);
		}
		const oud = laatste.filter((l) => l.dagen > 8).length;
		expect(oud).toBeGreaterThanOrEqual(10);
		expect(laatste.filter((l) => l.dagen > 14).length).toBeGreaterThanOrEqual(3);
		expect(laatste.filter((l) => l.dagen > 21).length).toBe(0);
		expect(
			await n(
				db,
				`select 1 from public.capaciteitsmeldingen where alleen_na_overleg and notitie like 'Alleen na overleg%'`
			)
		).toBeGreaterThan(0);
	});

	it('leaves the grijze cellen without any report fresher than 14 days', async () => {
		for (const cel of GRIJZE_CELLEN) {
			const vers = await db.query<{ aanbod: number; vers: number }>(
				`select count(distinct a.id)::int as aanbod,
				        count(m.id) filter (where m.gemeld_op > now() - interval '14 days')::int as vers
				   from public.aanbod a
				   join public.organisaties o on o.id = a.organisatie_id
				   left join public.capaciteitsmeldingen m on m.aanbod_id = a.id
				  where a.hulpvorm_code = $1 and (o.jbregio_code = $2 or a.bovenregionaal)`,
				[cel.hulpvorm, cel.jbregio]
			);
			expect(vers[0]?.aanbod, `${cel.jbregio} ${cel.hulpvorm}`).toBeGreaterThan(0);
			expect(vers[0]?.vers, `${cel.jbregio} ${cel.hulpvorm}`).toBe(0);
		}
	});

	it('gives every demo account its rol in Utrecht en Flevoland, and they can sign in', async () => {
		for (const account of demoAccounts) {
			const [lid] = await db.query<{
				rol: string;
				soort: string;
				jbregio_code: string | null;
				bevestigd: boolean;
			}>(
				`select l.rol::text, o.soort::text, o.jbregio_code, u.email_confirmed_at is not null as bevestigd
				   from auth.users u join public.leden l on l.user_id = u.id join public.organisaties o on o.id = l.organisatie_id
				  where u.email = $1`,
				[account.email]
			);
			expect(lid?.rol, account.email).toBe(account.rol);
			expect(lid?.bevestigd).toBe(true);
			if (account.rol !== 'beheerder') expect(lid?.jbregio_code, account.email).toBe(DEMO_FOCUS[0].jbregio);
		}
		const [aanmelding] = await runAsAnon(db, (tx) =>
			tx.query<{ status: string }>('select status from public.aanmelden($1, $2, $3)', [
				'aanbieder@demo.nl',
				DEMO_PASSWORD,
				'seed-test'
			])
		);
		expect(aanmelding?.status).toBe('ok');
	});

	it('lets aanbieder@demo.nl see its own verblijf and ambulant aanbod (as the user, through RLS)', async () => {
		const [user] = await db.query<{ id: string }>(
			`select id from auth.users where email = 'aanbieder@demo.nl'`
		);
		if (!user) throw new Error('aanbieder@demo.nl ontbreekt');
		const eigen = await runAsUser(
			db,
			{ sub: user.id, role: 'authenticated', email: 'aanbieder@demo.nl' },
			(tx) =>
				tx.query<{ telwijze: string; meldingen: number }>(
					`select h.telwijze::text,
				        (select count(*)::int from public.capaciteitsmeldingen m where m.aanbod_id = a.id) as meldingen
				   from public.aanbod a join public.hulpvormen h on h.code = a.hulpvorm_code
				  where a.organisatie_id in (select l.organisatie_id from public.leden l where l.user_id = $1)`,
					[user.id]
				)
		);
		expect(eigen.length).toBeGreaterThanOrEqual(4);
		expect(new Set(eigen.map((a) => a.telwijze))).toEqual(new Set(['plaatsen', 'startmomenten']));
		for (const a of eigen) expect(a.meldingen).toBeGreaterThan(0);
	});

	it('has demo hulpvragen in every state, and a proposal waiting for aanbieder@demo.nl', async () => {
		const staten = await db.query<{ status: string; n: number }>(
			`select status::text, count(*)::int as n from public.hulpvragen group by status order by status`
		);
		expect(staten.map((s) => s.status)).toEqual(['concept', 'geplaatst', 'open']);
		expect(await n(db, `select 1 from public.escalaties`)).toBe(1);
		const [user] = await db.query<{ id: string }>(
			`select id from auth.users where email = 'aanbieder@demo.nl'`
		);
		const wachtend = await runAsUser(db, { sub: user!.id, role: 'authenticated' }, (tx) =>
			tx.query(`select 1 from public.voorstellen where status = 'voorgesteld' and verloopt_op > now()`)
		);
		expect(wachtend.length).toBeGreaterThanOrEqual(1);
	});

	it('is deterministic: the rows in the database are the ones the seeded generator builds', async () => {
		const ref = await db.transaction((tx) =>
			readReferentie(
				tx,
				DEMO_FOCUS.map((f) => f.jbregio)
			)
		);
		const eerste = buildDemoData(ref, demoAccounts);
		expect(buildDemoData(ref, demoAccounts)).toEqual(eerste);
		const ids = (await db.query<{ id: string }>('select id::text from public.aanbod order by id')).map(
			(r) => r.id
		);
		expect(ids).toEqual(eerste.aanbod.map((a) => a.id).sort());
	});

	it('seeds only an empty database', async () => {
		const voor = await n(db, 'select 1 from public.capaciteitsmeldingen');
		expect(await seedDemoIfEmpty(db)).toBe(false);
		expect(await n(db, 'select 1 from public.capaciteitsmeldingen')).toBe(voor);
		// seedDemo itself does not check: on a seeded database it fails as a whole, leaving nothing half-done.
		await expect(seedDemo(db)).rejects.toThrow();
		expect(await n(db, 'select 1 from public.capaciteitsmeldingen')).toBe(voor);
	});

	it('seeds benchmark data at scale on top of the demo', async () => {
		const start = performance.now();
		const meldingen: string[] = [];
		const result = await seedLarge(db, {
			aanbod: 500,
			hulpvragen: 20,
			seed: 7,
			log: (m) => meldingen.push(m)
		});
		console.info(`seedLarge 500 op ${engine}: ${Math.round(performance.now() - start)} ms`);
		expect(result).toMatchObject({ aanbod: 500, aanbieders: 50, locaties: expect.any(Number) });
		expect(result.locaties).toBeGreaterThanOrEqual(50);
		expect(result.locaties).toBeLessThanOrEqual(200);
		expect(result.capaciteitsmeldingen).toBeGreaterThanOrEqual(3 * 500);
		expect(result.capaciteitsmeldingen).toBeLessThanOrEqual(7 * 500);
		expect(result.organisaties).toBe(50 + 3 * 11);
		// Open hulpvragen of the benchmark GIs, each in a gemeente of its GI's region (references may
		// collide in the seeded hash, and then one is kept).
		expect(result.hulpvragen).toBeGreaterThanOrEqual(18);
		expect(result.hulpvragen).toBeLessThanOrEqual(20);
		expect(
			await n(
				db,
				`select 1 from public.hulpvragen h join public.organisaties o on o.id = h.organisatie_id
				  where o.naam like '%(benchmark)' and (h.jbregio_code <> o.jbregio_code or h.status <> 'open')`
			)
		).toBe(0);

		const spreiding = await db.query<{ jeugdregios: number; jbregios: number; hulpvormen: number }>(
			`select count(distinct g.jeugdregio_code)::int as jeugdregios, count(distinct jr.jbregio_code)::int as jbregios,
			        count(distinct a.hulpvorm_code)::int as hulpvormen
			   from public.aanbod a
			   join public.organisaties o on o.id = a.organisatie_id
			   join public.locaties l on l.id = a.locatie_id
			   join public.gemeenten g on g.code = l.gemeente_code
			   join public.jeugdregios jr on jr.code = g.jeugdregio_code
			  where o.naam like '%(benchmark)'`
		);
		expect(spreiding[0]).toEqual({ jeugdregios: 42, jbregios: 11, hulpvormen: 18 });
		expect(
			await n(
				db,
				`select 1 from public.capaciteitsmeldingen m join public.aanbod a on a.id = m.aanbod_id
				  where m.vrije_plaatsen > a.capaciteit_totaal or m.gemeld_op > now()`
			)
		).toBe(0);
		expect(await geschatteRijen('public.aanbod')).toBe(await n(db, 'select 1 from public.aanbod'));
		// A benchmark account signs in like any other.
		const [aanmelding] = await runAsAnon(db, (tx) =>
			tx.query<{ status: string }>('select status from public.aanmelden($1, $2, $3)', [
				'aanbieder-00001@large.demo.nl',
				DEMO_PASSWORD,
				'seed-test'
			])
		);
		expect(aanmelding?.status).toBe('ok');
		await expect(seedLarge(db, { aanbod: 10, hulpvragen: 0, seed: 7 })).rejects.toThrow(/benchmarkdata/);
	});
});
