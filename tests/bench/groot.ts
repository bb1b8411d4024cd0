/**
 * The national-scale embedded database the search and matching benchmarks share: the demo region with its
 * accounts, 20,000 aanbod and 2,000 open hulpvragen (`seed:large`), built once per run.
 */
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { seedDemoIfEmpty, seedLarge } from '../../src/lib/server/db/seed';
import type { Database } from '../../src/lib/server/db/types';

export const GROOT = { aanbod: 20_000, hulpvragen: 2_000 };

export async function bouwGroteDatabase(dataDir: string): Promise<void> {
	const start = performance.now();
	const db = await openPglite(dataDir);
	try {
		await migrate(db);
		await seedDemoIfEmpty(db);
		await seedLarge(db, { ...GROOT, seed: 1 });
	} finally {
		await db.close();
	}
	console.log(
		`seed:large gebouwd (${GROOT.aanbod} aanbod, ${GROOT.hulpvragen} hulpvragen) in ${((performance.now() - start) / 1000).toFixed(0)} s`
	);
}

/** The claims of an account, as the app passes them to the database. */
export async function claimsVan(db: Database, email: string) {
	const [u] = await db.query<{ id: string }>('select id from auth.users where email = $1', [email]);
	if (!u) throw new Error(`Account ${email} ontbreekt`);
	return { sub: u.id, role: 'authenticated' as const, email };
}

export function oordeel(gehaald: boolean): string {
	return gehaald ? 'gehaald' : 'NIET GEHAALD';
}
