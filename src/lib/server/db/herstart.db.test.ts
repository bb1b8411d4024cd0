import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index';

// "Restarting keeps the data": an embedded database closed and reopened on the same directory keeps
// what was written, is not migrated or seeded a second time, and is locked while open.
describe('embedded database across a restart', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'wijzer-herstart-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	it('keeps data written before the restart and does not seed again', async () => {
		const config = { engine: 'pglite' as const, dataDir, demo: true };
		const eerste = await openDatabase(config);
		const [voor] = await eerste.query<{ n: number }>('select count(*)::int as n from public.organisaties');
		await eerste.exec(
			"insert into public.organisaties (naam, soort) values ('Herstarttest Aanbieder', 'aanbieder')"
		);
		await expect(openDatabase(config)).rejects.toThrow(/al in gebruik/);
		await eerste.close();

		const tweede = await openDatabase(config);
		try {
			const [na] = await tweede.query<{ n: number }>('select count(*)::int as n from public.organisaties');
			expect(voor?.n).toBeGreaterThan(40);
			expect(na?.n).toBe((voor?.n ?? 0) + 1);
			const migraties = await tweede.query('select version from supabase_migrations.schema_migrations');
			expect(new Set(migraties.map((m) => m.version)).size).toBe(migraties.length);
		} finally {
			await tweede.close();
		}
	});
});
