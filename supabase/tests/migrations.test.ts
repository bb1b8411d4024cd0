import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { count, engines, useTestDatabase } from './harness';

// The same migration files must run unchanged on PGlite and on a plain Postgres server, as a role
// that is not a superuser (as on Supabase), and a second run must be a no-op.
describe.each(engines())('migrations on %s', (engine) => {
	const t = useTestDatabase(engine);
	const files = readMigrations().map((m) => `${m.version}_${m.name}`);

	it('applies every migration file to a fresh database', () => {
		expect(files.length).toBeGreaterThan(0);
		expect(t.applied).toEqual(files);
	});

	it('applies nothing the second time', async () => {
		expect(await migrate(t.db)).toEqual([]);
	});

	it('records every file in supabase_migrations.schema_migrations', async () => {
		const rows = await t.db.query<{ version: string; name: string }>(
			'select version, name from supabase_migrations.schema_migrations order by version'
		);
		expect(rows.map((r) => `${r.version}_${r.name}`)).toEqual(files);
	});

	it.runIf(engine === 'postgres')('connects as a role that is not a superuser', async () => {
		const [row] = await t.db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
			'select rolsuper, rolbypassrls from pg_roles where rolname = current_user'
		);
		expect(row).toEqual({ rolsuper: false, rolbypassrls: false });
	});

	it('enables row level security on every table in public and private', async () => {
		const withoutRls = await t.db.query<{ name: string }>(
			`select n.nspname || '.' || c.relname as name
			   from pg_class c join pg_namespace n on n.oid = c.relnamespace
			  where c.relkind in ('r', 'p') and n.nspname in ('public', 'private') and not c.relrowsecurity`
		);
		expect(withoutRls).toEqual([]);
		expect(
			await count(t.db, `select 1 from pg_tables where schemaname = 'public' and rowsecurity`)
		).toBeGreaterThanOrEqual(11);
	});

	it('grants anon no table and no function but sign-in and the API-token lookup', async () => {
		const tables = await t.db.query<{ name: string }>(
			`select table_schema || '.' || table_name as name from information_schema.role_table_grants
			  where grantee in ('anon', 'PUBLIC') and table_schema in ('public', 'private', 'auth')`
		);
		expect(tables).toEqual([]);
		const functions = await t.db.query<{ name: string }>(
			`select n.nspname || '.' || p.proname as name
			   from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			  where n.nspname in ('public', 'private') and p.prorettype <> 'trigger'::regtype
			    and has_function_privilege('anon', p.oid, 'execute')
			  order by 1`
		);
		expect(functions.map((f) => f.name)).toEqual(['public.aanmelden', 'public.api_token_claims']);
	});

	it('pins the search_path of every security definer function', async () => {
		const unpinned = await t.db.query<{ name: string }>(
			`select n.nspname || '.' || p.proname as name
			   from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			  where n.nspname in ('public', 'private') and p.prosecdef
			    and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`
		);
		expect(unpinned).toEqual([]);
	});
});
