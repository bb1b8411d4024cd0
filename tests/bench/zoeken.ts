/**
 * Issue 3's figures on a national-scale embedded database (20,000 aanbod, `seed:large`), in one run:
 *   1. search: the app's query as bare SQL (owner, no RLS), through asUser (RLS), and through HTTP
 *      (GET /api/v1/aanbod and the /zoeken page, signed in), over a fixed mix of realistic searches
 *   2. propagation: a capacity report (POST /api/v1/capaciteit) → its event on a connected SSE client
 * Targets (issue 3): HTTP search p95 ≤ 50 ms, HTTP/SQL ≤ 3, propagation p95 ≤ 1 s.
 */
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { runAsUser } from '../../src/lib/server/db/index';
import type { Queryable } from '../../src/lib/server/db/types';
import { queryAlsObject, RESULTATEN_PER_PAGINA, zoekSchema } from '../../src/lib/schemas/zoeken';
import {
	HERKOMST_SQL,
	normaliseerPlaats,
	ZOEK_AANBOD_SQL,
	zoekParameters,
	type Herkomst
} from '../../src/lib/server/zoeken-sql';
import { claimsVan, oordeel } from './groot';
import { aanmelden, startServer } from './server';
import { openStroom } from './sse';
import { measure, ms, percentile, row, type Measured } from './stats';

/** What jeugdbeschermers search for: one or two hulpvormen, mostly from the child's gemeente or PC4. */
const ZOEKOPDRACHTEN = [
	'hulpvorm=gezinshuis&plaats=Amersfoort&afstand=50',
	'hulpvorm=crisisplek&plaats=3811&afstand=30&beschikbaar=vrij_nu',
	'hulpvorm=behandelgroep&leeftijd=14&plaats=Utrecht&regio=contract_of_boven',
	'hulpvorm=pleegzorg&hulpvorm=gezinshuis&plaats=Zwolle&afstand=40&leeftijd=8',
	'hulpvorm=jeugd_ggz_ambulant&plaats=Rotterdam&afstand=25&beschikbaar=binnen&weken=6',
	'hulpvorm=traumabehandeling&tag=trauma&plaats=Groningen&afstand=60',
	'hulpvorm=gesloten_jeugdhulp&leeftijd=15&geslacht=meisje',
	'hulpvorm=kamertraining&plaats=Eindhoven&regio=contract',
	'hulpvorm=ouderschapsbemiddeling&plaats=Amsterdam&afstand=20&taal=ar',
	'hulpvorm=crisisplek&jeugdregio=JZ20',
	'hulpvorm=lvb_specialistisch&tag=lvb&plaats=Nijmegen',
	'hulpvorm=gezinshuis&plaats=Den Haag&afstand=50&pagina=2'
];

const DOEL = { httpP95: 50, ratio: 3, propagatieP95: 1000 };

/** Exactly what the app does per search: resolve the origin, then the ranked page, in one transaction. */
async function zoek(tx: Queryable, query: string): Promise<number> {
	const filters = zoekSchema.parse(queryAlsObject(new URLSearchParams(query)));
	const [herkomst] = filters.plaats
		? await tx.query<Herkomst>(HERKOMST_SQL, [normaliseerPlaats(filters.plaats)])
		: [];
	const rijen = await tx.query(
		ZOEK_AANBOD_SQL,
		zoekParameters({
			hulpvormen: filters.hulpvorm,
			leeftijd: filters.leeftijd,
			geslacht: filters.geslacht,
			herkomst: herkomst ?? null,
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
	return rijen.length;
}

/** Cycles through the searches, one per call. */
function rondgang<T>(fn: (query: string) => Promise<T>): () => Promise<T> {
	let i = 0;
	return () => fn(ZOEKOPDRACHTEN[i++ % ZOEKOPDRACHTEN.length]!);
}

/** An SSE client whose `volgende(id)` resolves when a "beschikbaarheid" event names that aanbod. */
async function sseClient(origin: string, cookie: string) {
	const wachtend = new Map<string, (t: number) => void>();
	const stroom = await openStroom(origin, cookie, (kanaal, { aanbod }) => {
		const klaar =
			kanaal === 'beschikbaarheid' && typeof aanbod === 'string' ? wachtend.get(aanbod) : undefined;
		if (klaar) {
			wachtend.delete(aanbod as string);
			klaar(performance.now());
		}
	});
	return {
		volgende: (aanbodId: string) =>
			new Promise<number>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('Geen SSE-bericht binnen 5 s')), 5000);
				wachtend.set(aanbodId, (t) => {
					clearTimeout(timer);
					resolve(t);
				});
			}),
		sluit: stroom.sluit
	};
}

/** Runs on the shared national-scale data dir (groot.ts). */
export async function benchZoeken(port: number, dataDir: string): Promise<boolean> {
	console.log('\n== Capaciteit en zoeken: landelijke schaal (seed:large, 20.000 aanbod) ==\n');
	// 1a. Bare SQL and asUser, in-process on the same data.
	const db = await openPglite(dataDir);
	let bare: Measured, rls: Measured;
	let eigenAanbod: { id: string; totaal: number }[];
	try {
		await migrate(db);
		const claims = await claimsVan(db, 'jeugdbeschermer@demo.nl');
		const aantal = await zoek(db, ZOEKOPDRACHTEN[0]!);
		if (aantal === 0) throw new Error('De eerste zoekopdracht vond niets: de benchmarkdata klopt niet.');
		bare = await measure(rondgang((q) => db.transaction((tx) => zoek(tx, q))));
		rls = await measure(rondgang((q) => runAsUser(db, claims, (tx) => zoek(tx, q))));
		eigenAanbod = await db.query<{ id: string; totaal: number }>(
			`select a.id, a.capaciteit_totaal as totaal
				   from public.aanbod a
				   join public.leden l on l.organisatie_id = a.organisatie_id
				   join auth.users u on u.id = l.user_id
				  where u.email = 'aanbieder@demo.nl' and a.actief and a.capaciteit_totaal > 0
				  order by a.naam`
		);
	} finally {
		await db.close();
	}

	// 1b. Through HTTP on the built server.
	const server = await startServer(dataDir, port);
	try {
		const zoeker = await aanmelden(server.origin, 'jeugdbeschermer@demo.nl');
		const haal = (pad: string) => async (query: string) => {
			const response = await fetch(`${server.origin}${pad}?${new URLSearchParams(query)}`, {
				headers: { cookie: zoeker }
			});
			if (!response.ok)
				throw new Error(`GET ${pad}?${query} gaf ${response.status}: ${await response.text()}`);
			await response.text();
		};
		const ratio = (m: Measured) => `${(m.p50 / bare.p50).toFixed(2)} / ${(m.p95 / bare.p95).toFixed(2)}`;
		console.log(
			row(`search, ${ZOEKOPDRACHTEN.length} realistic filter mixes`, 'p50', 'p95', 'ratio p50/p95')
		);
		console.log(row('  bare SQL as owner (origin + ranked page)', ms(bare.p50), ms(bare.p95), '1.00'));
		console.log(row('  through asUser (role authenticated, RLS)', ms(rls.p50), ms(rls.p95), ratio(rls)));
		const api = await measure(rondgang(haal('/api/v1/aanbod')));
		console.log(row('  HTTP GET /api/v1/aanbod (session, JSON)', ms(api.p50), ms(api.p95), ratio(api)));
		const pagina = await measure(rondgang(haal('/zoeken')));
		console.log(row('  HTTP GET /zoeken (session, SSR page)', ms(pagina.p50), ms(pagina.p95), ratio(pagina)));

		// 2. Propagation: report → event on a connected SSE client (the page re-reads on it).
		const aanbieder = await aanmelden(server.origin, 'aanbieder@demo.nl');
		const sse = await sseClient(server.origin, zoeker);
		const propagatie: number[] = [];
		try {
			for (let i = 0; i < 100; i++) {
				const doel = eigenAanbod[i % eigenAanbod.length]!;
				const ontvangen = sse.volgende(doel.id);
				const start = performance.now();
				const response = await fetch(`${server.origin}/api/v1/capaciteit`, {
					method: 'POST',
					headers: { cookie: aanbieder, 'content-type': 'application/json' },
					body: JSON.stringify({
						aanbodId: doel.id,
						vrijePlaatsen: i % (doel.totaal + 1),
						wachtlijst: i % 7
					})
				});
				if (response.status !== 201) throw new Error(`POST /api/v1/capaciteit gaf ${response.status}`);
				propagatie.push((await ontvangen) - start);
				await new Promise((r) => setTimeout(r, 20));
			}
		} finally {
			sse.sluit();
		}
		const prop = { p50: percentile(propagatie, 50), p95: percentile(propagatie, 95) };
		console.log();
		console.log(row('capacity report → SSE client (100 reports)', 'p50', 'p95'));
		console.log(row('  POST /api/v1/capaciteit → event received', ms(prop.p50), ms(prop.p95)));

		const slechtsteHttp = Math.max(api.p95, pagina.p95);
		const slechtsteRatio = Math.max(
			api.p95 / bare.p95,
			pagina.p95 / bare.p95,
			api.p50 / bare.p50,
			pagina.p50 / bare.p50
		);
		const checks = [
			[`HTTP search p95 ≤ ${DOEL.httpP95} ms (worst: ${ms(slechtsteHttp)})`, slechtsteHttp <= DOEL.httpP95],
			[`HTTP/SQL ≤ ${DOEL.ratio} (worst: ${slechtsteRatio.toFixed(2)})`, slechtsteRatio <= DOEL.ratio],
			[`propagation p95 ≤ ${DOEL.propagatieP95} ms (${ms(prop.p95)})`, prop.p95 <= DOEL.propagatieP95]
		] as const;
		console.log('\ntargets (issue 3):');
		for (const [tekst, gehaald] of checks) console.log(`  ${tekst}: ${oordeel(gehaald)}`);
		return checks.every(([, gehaald]) => gehaald);
	} finally {
		await server.stop();
	}
}
