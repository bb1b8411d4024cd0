import type { Database } from './types';

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

export const DEMO_PASSWORD = 'wijzer-demo';

/** Seeds the demo region when the database has no organisations yet. */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
	const [row] = await db.query<{ n: number }>('select count(*)::int as n from public.organisaties');
	if ((row?.n ?? 0) > 0) return false;
	await seedDemo(db);
	return true;
}

/** PLACEHOLDER until the full demo seed lands: the organisations and accounts only. */
export async function seedDemo(db: Database): Promise<void> {
	void db;
	throw new Error('seedDemo: nog niet gebouwd');
}
