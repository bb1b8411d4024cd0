import postgres from 'postgres';
import type { Database, Queryable } from './types';

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Queryable {
	return {
		async query<T>(text: string, params: unknown[] = []) {
			return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
		},
		async exec(text: string) {
			// No parameters: the simple protocol, which allows several statements at once.
			await sql.unsafe(text);
		}
	};
}

/** A Postgres server (Supabase or any Postgres ≥ 15) through the `postgres` driver. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
	const sql = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {}
	});
	await sql`select 1`;
	return {
		engine: 'postgres',
		...wrap(sql),
		transaction: <T>(fn: (tx: Queryable) => Promise<T>) => sql.begin((tx) => fn(wrap(tx))) as Promise<T>,
		async listen(channel, onNotify) {
			const { unlisten } = await sql.listen(channel, onNotify);
			return unlisten;
		},
		close: () => sql.end({ timeout: 5 })
	};
}
