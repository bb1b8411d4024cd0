import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from './types';

/** Where the schema lives: the single source of truth for PGlite, a Postgres server and Supabase. */
export const supabaseDir = resolve(process.env.SUPABASE_DIR ?? 'supabase');

export interface MigrationFile {
	version: string;
	name: string;
	sql: string;
}

/** The migration files in order; `<version>_<name>.sql` as the Supabase CLI names them. */
export function readMigrations(dir = join(supabaseDir, 'migrations')): MigrationFile[] {
	return readdirSync(dir)
		.filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
		.sort()
		.map((file) => {
			const [, version = '', name = ''] = /^(\d+)_([\w-]+)\.sql$/.exec(file) ?? [];
			return { version, name, sql: readFileSync(join(dir, file), 'utf8') };
		});
}

// Any fixed number: serialises migration runs of several servers starting at once on one Postgres.
const MIGRATION_LOCK = 72_616_001;

/**
 * Creates what Supabase provides (bootstrap.sql), then applies each migration not yet recorded,
 * each in its own transaction, recording it where the Supabase CLI records its own
 * (supabase_migrations.schema_migrations), so `supabase db push` and this runner agree.
 * Runs as the database owner: the only code besides seeding that does.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
	const applied: string[] = [];
	await db.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await tx.exec(readFileSync(join(supabaseDir, 'bootstrap.sql'), 'utf8'));
		await tx.exec(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text primary key, statements text[], name text
			);`);
	});
	for (const migration of migrations) {
		await db.transaction(async (tx) => {
			await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
			const done = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [
				migration.version
			]);
			if (done.length > 0) return;
			await tx.exec(migration.sql);
			await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
				migration.version,
				migration.name
			]);
			applied.push(`${migration.version}_${migration.name}`);
		});
	}
	return applied;
}

/** The latest applied migration, for /api/health. */
export async function migrationLevel(
	db: Database
): Promise<{ version: string; name: string; count: number }> {
	const [row] = await db.query<{ version: string; name: string; count: number }>(
		`select max(version) as version,
		        (array_agg(name order by version desc))[1] as name,
		        count(*)::int as count
		   from supabase_migrations.schema_migrations`
	);
	return row ?? { version: '', name: '', count: 0 };
}
