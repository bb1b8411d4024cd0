/**
 * Issue 4's figure on the national-scale database (20,000 aanbod, 2,000 open hulpvragen): matching one
 * hulpvraag, over a dozen hulpvragen of different hulpvormen and places:
 *   - SQL: public.match_aanbod (the app's MATCH_SQL) in-process, as the GI's jeugdbeschermer. The function
 *     checks who asks (only those who work the case match it), so there is no owner-only baseline: this is
 *     the database's own cost, RLS included.
 *   - HTTP: GET /api/v1/hulpvragen/{referentie}/matches with the same person's session (reads the case,
 *     logs nothing for its own GI, ranks, explains in Dutch, JSON).
 * Targets (issue 4): HTTP p95 ≤ 50 ms, HTTP/SQL ≤ 3.
 */
import { openPglite } from '../../src/lib/server/db/pglite';
import { runAsUser } from '../../src/lib/server/db/index';
import { MATCH_SQL } from '../../src/lib/server/matching-sql';
import { claimsVan, oordeel } from './groot';
import { aanmelden, startServer } from './server';
import { measure, ms, row, type Measured } from './stats';

const DOEL = { httpP95: 50, ratio: 3 };
/** A jeugdbeschermer of the benchmark GI of Utrecht en Flevoland (password wijzer-demo). */
const JEUGDBESCHERMER = 'jeugdbeschermer-jb05-1@large.demo.nl';

export async function benchMatching(port: number, dataDir: string): Promise<boolean> {
	console.log('\n== Matching: één hulpvraag op landelijke schaal (20.000 aanbod) ==\n');
	const db = await openPglite(dataDir);
	let sql: Measured;
	let hulpvragen: { id: string; referentie: string }[];
	let gemiddeld: number;
	try {
		const claims = await claimsVan(db, JEUGDBESCHERMER);
		// A dozen of the GI's open hulpvragen, one per hulpvorm where possible.
		hulpvragen = await db.query<{ id: string; referentie: string }>(
			`select distinct on (h.hulpvorm_codes[1]) h.id, h.referentie
			   from public.hulpvragen h join public.organisaties o on o.id = h.organisatie_id
			  where o.naam like 'GI %(benchmark)' and o.jbregio_code = 'JB05' and h.status = 'open'
			  order by h.hulpvorm_codes[1], h.referentie
			  limit 12`
		);
		if (hulpvragen.length < 6) throw new Error('Te weinig hulpvragen in de benchmarkdata.');
		const aantallen = await Promise.all(
			hulpvragen.map((h) => runAsUser(db, claims, (tx) => tx.query(MATCH_SQL, [h.id, 20])))
		);
		gemiddeld = aantallen.reduce((s, a) => s + a.length, 0) / aantallen.length;
		if (gemiddeld === 0) throw new Error('Geen enkele match: de benchmarkdata klopt niet.');
		let i = 0;
		sql = await measure(() =>
			runAsUser(db, claims, (tx) => tx.query(MATCH_SQL, [hulpvragen[i++ % hulpvragen.length]!.id, 20]))
		);
	} finally {
		await db.close();
	}

	const server = await startServer(dataDir, port);
	try {
		const sessie = await aanmelden(server.origin, JEUGDBESCHERMER);
		let i = 0;
		const http = await measure(async () => {
			const { referentie } = hulpvragen[i++ % hulpvragen.length]!;
			const response = await fetch(`${server.origin}/api/v1/hulpvragen/${referentie}/matches`, {
				headers: { cookie: sessie }
			});
			if (!response.ok)
				throw new Error(`matches ${referentie} gaf ${response.status}: ${await response.text()}`);
			await response.json();
		});
		const ratio = `${(http.p50 / sql.p50).toFixed(2)} / ${(http.p95 / sql.p95).toFixed(2)}`;
		console.log(
			row(
				`matching, ${hulpvragen.length} hulpvragen (gem. ${gemiddeld.toFixed(1)} matches)`,
				'p50',
				'p95',
				'ratio p50/p95'
			)
		);
		console.log(row('  SQL match_aanbod as the jeugdbeschermer', ms(sql.p50), ms(sql.p95), '1.00'));
		console.log(row('  HTTP GET /api/v1/hulpvragen/{ref}/matches', ms(http.p50), ms(http.p95), ratio));
		const slechtsteRatio = Math.max(http.p50 / sql.p50, http.p95 / sql.p95);
		const checks = [
			[`HTTP matching p95 ≤ ${DOEL.httpP95} ms (${ms(http.p95)})`, http.p95 <= DOEL.httpP95],
			[`HTTP/SQL ≤ ${DOEL.ratio} (worst: ${slechtsteRatio.toFixed(2)})`, slechtsteRatio <= DOEL.ratio]
		] as const;
		console.log('\ntargets (issue 4):');
		for (const [tekst, gehaald] of checks) console.log(`  ${tekst}: ${oordeel(gehaald)}`);
		return checks.every(([, gehaald]) => gehaald);
	} finally {
		await server.stop();
	}
}
