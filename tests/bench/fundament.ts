/**
 * The foundation's figures on a fresh embedded database with the demo region:
 *   1. embedded database: cold start (initdb + migrations + demo seed) and reopen
 *   2. the start page's regional overview query: bare SQL as owner vs the same through asUser (RLS), ratio
 *   3. the same page through HTTP on the built server (session cookie), vs bare SQL, ratio
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runAsUser } from '../../src/lib/server/db/index';
import { STAND_PER_HULPVORM_SQL } from '../../src/lib/server/overzicht-sql';
import { aanmelden, startServer } from './server';
import { measure, ms, row } from './stats';

export async function benchFundament(port: number): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'wijzer-bench-'));

	try {
		console.log('== Fundament: embedded database en startpagina (demoregio) ==\n');

		// 1. Embedded database lifecycle.
		let start = performance.now();
		let db = await openDatabase({ engine: 'pglite', dataDir, demo: true });
		const cold = performance.now() - start;
		await db.close();
		start = performance.now();
		db = await openDatabase({ engine: 'pglite', dataDir, demo: true });
		const warm = performance.now() - start;
		console.log(row('', 'figure'));
		console.log(row('embedded: first start (initdb, migrate, demo seed)', ms(cold)));
		console.log(row('embedded: reopen existing data dir', ms(warm)));

		// 2. RLS overhead on the start page's query.
		const [gebruiker] = await db.query<{ id: string }>(
			"select id from auth.users where email = 'jeugdbeschermer@demo.nl'"
		);
		if (!gebruiker) throw new Error('Demo-gebruiker ontbreekt');
		const claims = { sub: gebruiker.id, role: 'authenticated' as const, email: 'jeugdbeschermer@demo.nl' };
		const bare = await measure(() => db.query(STAND_PER_HULPVORM_SQL, ['JB05']));
		const rls = await measure(() =>
			runAsUser(db, claims, (tx) => tx.query(STAND_PER_HULPVORM_SQL, ['JB05']))
		);
		await db.close();

		// 3. Through HTTP on the built server, signed in as the same person.
		const server = await startServer(dataDir, port);
		try {
			const cookie = await aanmelden(server.origin, 'jeugdbeschermer@demo.nl');
			const http = await measure(async () => {
				const response = await fetch(`${server.origin}/`, { headers: { cookie } });
				if (!response.ok) throw new Error(`GET / gaf ${response.status}`);
				await response.text();
			});

			console.log();
			console.log(row('start-page overview (jb-regio Utrecht en Flevoland)', 'p50', 'p95', 'ratio p50'));
			console.log(row('  bare SQL as owner', ms(bare.p50), ms(bare.p95), '1.00'));
			console.log(
				row(
					'  through asUser (role authenticated, RLS)',
					ms(rls.p50),
					ms(rls.p95),
					(rls.p50 / bare.p50).toFixed(2)
				)
			);
			console.log(
				row('  HTTP GET / (session, RLS, SSR)', ms(http.p50), ms(http.p95), (http.p50 / bare.p50).toFixed(2))
			);
			console.log(
				`\n(${bare.n} runs each after warm-up; node ${process.version}; ${new Date().toISOString()})`
			);
		} finally {
			await server.stop();
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}
