import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { lockDataDir } from './lock';
import type { Database, Queryable } from './types';

function wrap(pg: PGlite | Transaction): Queryable {
	return {
		async query<T>(sql: string, params: unknown[] = []) {
			const result = await pg.query<T>(sql, params);
			return result.rows;
		},
		async exec(sql: string) {
			await pg.exec(sql);
		}
	};
}

/**
 * Embedded Postgres (WASM). `dataDir` undefined keeps everything in memory (tests).
 * A directory is locked for this process, because PGlite itself does not guard against a second one.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
	const release = dataDir ? lockDataDir(dataDir) : () => {};
	try {
		const pg = await PGlite.create(dataDir, { extensions: { pgcrypto } });
		const base = wrap(pg);
		return {
			engine: 'pglite',
			...base,
			transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
			listen: (channel, onNotify) => pg.listen(channel, onNotify),
			async close() {
				await pg.close();
				release();
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}
