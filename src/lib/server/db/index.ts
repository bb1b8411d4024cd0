import { readDbConfig, type DbConfig } from './config';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { seedDemoIfEmpty } from './seed';
import type { Claims, Database, Queryable, TokenClaims } from './types';

export type { Claims, Database, Queryable, TokenClaims } from './types';

/** Opens the configured engine, migrates it, and seeds the demo region into an empty demo database. */
export async function openDatabase(config: DbConfig = readDbConfig()): Promise<Database> {
	const db = config.url ? await openPostgres(config.url) : await openPglite(config.dataDir);
	try {
		await migrate(db);
		if (config.demo) await seedDemoIfEmpty(db);
		return db;
	} catch (error) {
		await db.close();
		throw error;
	}
}

// One database per process (the handle, not request state). Kept on globalThis so Vite's dev-server
// module reloads do not open PGlite twice on one data directory.
const holder = globalThis as typeof globalThis & { __wijzerDb?: Promise<Database> };

/** The process-wide database, opened on first use. */
export function getDatabase(): Promise<Database> {
	holder.__wijzerDb ??= openDatabase().catch((error: unknown) => {
		holder.__wijzerDb = undefined;
		throw error;
	});
	return holder.__wijzerDb;
}

/** Closes the process-wide database (shutdown, tests). */
export async function closeDatabase(): Promise<void> {
	const pending = holder.__wijzerDb;
	holder.__wijzerDb = undefined;
	if (pending) await (await pending).close();
}

/**
 * Runs `fn` in one transaction as role `authenticated` with these claims, so RLS decides what it
 * may read and write. Every query made for a signed-in person goes through here.
 */
export function runAsUser<T>(
	db: Database,
	claims: Claims | TokenClaims,
	fn: (tx: Queryable) => Promise<T>
): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.query(
			"select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
			[JSON.stringify(claims)]
		);
		return fn(tx);
	});
}

/** Runs `fn` as role `anon` (no claims): only what anon is granted, i.e. the sign-in function. */
export function runAsAnon<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.query("select set_config('role', 'anon', true), set_config('request.jwt.claims', '', true)");
		return fn(tx);
	});
}

/** {@link runAsUser} on the process-wide database. */
export async function asUser<T>(claims: Claims | TokenClaims, fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return runAsUser(await getDatabase(), claims, fn);
}

/** {@link runAsAnon} on the process-wide database. */
export async function asAnon<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
	return runAsAnon(await getDatabase(), fn);
}
