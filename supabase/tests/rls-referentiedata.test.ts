import { describe, expect, it } from 'vitest';
import { count, engines, expectRefused, personas, useTestDatabase } from './harness';

// Reference data (regions, gemeenten, PC4, hulpvormen): every signed-in user reads it, only a
// beheerder maintains it, anon sees nothing.

interface ReferenceTable {
	table: string;
	key: string;
	/** A row that exists and is referenced elsewhere (so a beheerder may not delete it, but may edit it). */
	existing: string;
	/** A text column to edit. */
	column: string;
	/** A new, valid row: columns and values. */
	insert: { columns: string; values: unknown[] };
}

const tables: ReferenceTable[] = [
	{
		table: 'public.jeugdbeschermingsregios',
		key: 'code',
		existing: 'JB05',
		column: 'naam',
		insert: { columns: 'code, naam', values: ['JB12', 'Testregio'] }
	},
	{
		table: 'public.jeugdregios',
		key: 'code',
		existing: 'JZ22',
		column: 'naam',
		insert: { columns: 'code, naam, jbregio_code', values: ['JZ99', 'Testjeugdregio', 'JB05'] }
	},
	{
		table: 'public.gemeenten',
		key: 'code',
		existing: 'GM0344',
		column: 'naam',
		insert: {
			columns: 'code, naam, provincie, jeugdregio_code, lat, lon',
			values: ['GM9999', 'Testgemeente', 'Utrecht', 'JZ22', 52.1, 5.1]
		}
	},
	{
		table: 'public.pc4',
		key: 'pc4',
		existing: '3451',
		column: 'woonplaats',
		insert: {
			columns: 'pc4, gemeente_code, woonplaats, lat, lon',
			values: ['1000', 'GM0344', 'Test', 52.1, 5.1]
		}
	},
	{
		table: 'public.hulpvormen',
		key: 'code',
		existing: 'crisisplek',
		column: 'omschrijving',
		insert: {
			columns: 'code, naam, ijw_productcategorie, telwijze',
			values: ['test_hulpvorm', 'Testhulpvorm', '45', 'startmomenten']
		}
	}
];

const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

describe.each(engines())('reference data on %s', (engine) => {
	const t = useTestDatabase(engine);

	describe.each(tables)('$table', ({ table, key, existing, column, insert }) => {
		const insertSql = `insert into ${table} (${insert.columns}) values (${placeholders(insert.values.length)}) returning *`;
		const updateSql = `update ${table} set ${column} = ${column} || ' (gewijzigd)' where ${key} = $1 returning *`;
		const deleteSql = `delete from ${table} where ${key} = $1 returning *`;

		it('has rows', async () => {
			expect(await count(t.db, `select 1 from ${table}`)).toBeGreaterThan(0);
		});

		it.each(personas)('%s reads every row', async (persona) => {
			const total = await count(t.db, `select 1 from ${table}`);
			expect(await t.as(persona)((tx) => count(tx, `select 1 from ${table}`))).toBe(total);
		});

		it('anon reads nothing', async () => {
			await expectRefused(t.anon((tx) => tx.query(`select * from ${table} limit 1`)));
		});

		it('beheerder adds, edits and removes a row', async () => {
			const result = await t.dryRun('beheerder')(async (tx) => ({
				inserted: (await tx.query(insertSql, insert.values)).length,
				updatedNew: (await tx.query(updateSql, [insert.values[0]])).length,
				updatedExisting: (await tx.query(updateSql, [existing])).length,
				deleted: (await tx.query(deleteSql, [insert.values[0]])).length
			}));
			expect(result).toEqual({ inserted: 1, updatedNew: 1, updatedExisting: 1, deleted: 1 });
		});

		it('beheerder cannot remove a row that other data refers to', async () => {
			await expectRefused(
				t.dryRun('beheerder')((tx) => tx.query(deleteSql, [existing])),
				'23503'
			);
		});

		const others = personas.filter((p) => p !== 'beheerder');

		it.each(others)('%s cannot add a row', async (persona) => {
			await expectRefused(t.dryRun(persona)((tx) => tx.query(insertSql, insert.values)));
		});

		it.each(others)('%s cannot edit or remove a row', async (persona) => {
			const result = await t.dryRun(persona)(async (tx) => ({
				updated: (await tx.query(updateSql, [existing])).length,
				deleted: (await tx.query(deleteSql, [existing])).length
			}));
			expect(result).toEqual({ updated: 0, deleted: 0 });
		});
	});
});
