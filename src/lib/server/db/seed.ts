import { DEMO_FOCUS, DEMO_WACHTWOORD } from './seeds/catalogus';
import { buildDemoData, insertDemoData, readReferentie } from './seeds/demo';
import { insertDemoHulpvragen } from './seeds/hulpvragen';
import type { Database, Queryable } from './types';

export { seedLarge, type SeedLargeOptions, type SeedLargeResult } from './seeds/large';

/** The demo accounts (password `wijzer-demo`), shown on the sign-in page in demo mode only. */
export const demoAccounts = [
	{ email: 'jeugdbeschermer@demo.nl', rol: 'jeugdbeschermer', omschrijving: 'Jeugdbeschermer bij een GI' },
	{ email: 'gi-coordinator@demo.nl', rol: 'gi_coordinator', omschrijving: 'Coördinator bij een GI' },
	{ email: 'aanbieder@demo.nl', rol: 'aanbieder', omschrijving: 'Medewerker van een zorgaanbieder' },
	{ email: 'zorgmakelaar@demo.nl', rol: 'zorgmakelaar', omschrijving: 'Zorgmakelaar van de regio' },
	{ email: 'expertteam@demo.nl', rol: 'expertteam', omschrijving: 'Lid van de Regionale ExpertTafel' },
	{ email: 'regio@demo.nl', rol: 'regio_analist', omschrijving: 'Beleid en inkoop van de regio' },
	{ email: 'beheer@demo.nl', rol: 'beheerder', omschrijving: 'Beheerder van het platform' }
] as const;

export const DEMO_PASSWORD = DEMO_WACHTWOORD;

// Any fixed number: two servers starting at once on one empty Postgres must not both seed.
const SEED_LOCK = 72_616_002;

/** Seeds the demo region when the database has no organisations yet; true when it seeded. */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
	return db.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
		const [row] = await tx.query<{ n: number }>('select count(*)::int as n from public.organisaties');
		if ((row?.n ?? 0) > 0) return false;
		await seedDemoIn(tx);
		return true;
	});
}

/**
 * Seeds the demo region (Utrecht en Flevoland, Zuid-West, Limburg): 45 fictional providers with their
 * locaties, ~200 aanbod over all hulpvormen with 60 days of capacity history, the GIs, regio's, expert
 * table and beheer, the demo accounts and a few hulpvragen in every state. Deterministic but for the
 * hulpvragen' random references; runs as the owner in one transaction.
 */
export async function seedDemo(db: Database): Promise<void> {
	await db.transaction((tx) => seedDemoIn(tx));
}

async function seedDemoIn(tx: Queryable): Promise<void> {
	const ref = await readReferentie(
		tx,
		DEMO_FOCUS.map((f) => f.jbregio)
	);
	await insertDemoData(tx, buildDemoData(ref, demoAccounts), DEMO_PASSWORD);
	await insertDemoHulpvragen(tx);
	// Fresh tables have no planner statistics until autovacuum comes by (PGlite has none): without them
	// the first searches are planned as if every table were empty. ANALYZE counts this transaction's rows.
	await tx.exec('analyze');
}
