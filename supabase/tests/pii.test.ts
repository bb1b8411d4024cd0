import { describe, expect, it } from 'vitest';
import { piiSoorten, type PiiSoort } from '../../src/lib/domain/pii';
import { PII_GEVALLEN } from '../../src/lib/domain/pii.cases';
import type { Queryable } from '../../src/lib/server/db/types';
import { engines, useTestDatabase } from './harness';

// public.pii_soorten is the PII guard of src/lib/domain/pii.ts in the database, for check constraints on
// free text. It must agree with the TypeScript on every case of the shared battery: a text the form
// accepts must not be refused on save, and what the form refuses must not get in another way.

/** The kinds the database finds in each text, in one round trip. */
async function soortenInDatabase(q: Queryable, teksten: readonly (string | null)[]): Promise<string[][]> {
	// As text: postgres.js would encode a string parameter typed jsonb once more, as a JSON string.
	const rows = await q.query<{ soorten: string[] }>(
		`select public.pii_soorten(t.tekst) as soorten
		   from jsonb_array_elements_text($1::text::jsonb) with ordinality as t(tekst, nr)
		  order by t.nr`,
		[JSON.stringify(teksten)]
	);
	return rows.map((r) => r.soorten);
}

/**
 * Texts glued from pieces of the battery and of the notations the patterns know (a seeded generator,
 * so every run checks the same ones): the engines must agree beyond the battery too, where boundaries,
 * separators and overlaps combine in ways nobody writes down by hand.
 */
function samengesteldeTeksten(aantal: number): string[] {
	const stukken = [
		...'06|-|12345678| |0|1|2|3|.|/|,|+31|(0)|(030)|0031|0800'.split('|'),
		..."3511|AB|ab|en|is|SS|nr|'|15|2015|31|maart|mrt.|sept|Jan".split('|'),
		...'NL91|ABNA|0417|1643|00|BE68|5390|0754|7034|@|x.nl|123|456|782'.split('|'),
		...PII_GEVALLEN.map((g) => g.tekst)
	];
	let toestand = 20261204;
	const volgende = (n: number) => {
		toestand = (Math.imul(toestand, 1103515245) + 12345) & 0x7fffffff;
		return (toestand >>> 16) % n;
	};
	return Array.from({ length: aantal }, () =>
		Array.from({ length: 1 + volgende(8) }, () => stukken[volgende(stukken.length)]).join('')
	);
}

/** Enough to cover the combinations; 30,000 agreed on both engines when this was written. */
const AANTAL_GEGENEREERD = 3000;

describe.each(engines())('pii_soorten on %s', (engine) => {
	const t = useTestDatabase(engine);

	it('agrees with the TypeScript and the battery on every case', async () => {
		const inDatabase = await soortenInDatabase(
			t.db,
			PII_GEVALLEN.map((g) => g.tekst)
		);
		const verschillen = PII_GEVALLEN.flatMap((geval, i) => {
			const sql = inDatabase[i] as PiiSoort[];
			const ts = piiSoorten(geval.tekst);
			return sql.join() === geval.soorten.join() && ts.join() === geval.soorten.join()
				? []
				: [{ tekst: geval.tekst, verwacht: geval.soorten, sql, ts }];
		});
		expect(inDatabase).toHaveLength(PII_GEVALLEN.length);
		expect(verschillen).toEqual([]);
	});

	it('agrees with the TypeScript on generated texts', async () => {
		const teksten = samengesteldeTeksten(AANTAL_GEGENEREERD);
		const inDatabase = await soortenInDatabase(t.db, teksten);
		const verschillen = teksten.flatMap((tekst, i) => {
			const sql = inDatabase[i] ?? [];
			const ts = piiSoorten(tekst);
			return sql.join() === ts.join() ? [] : [{ tekst, sql, ts }];
		});
		expect(verschillen).toEqual([]);
		// The generator must reach the detectors, not only clean text.
		expect(teksten.filter((tekst) => piiSoorten(tekst).length > 0).length).toBeGreaterThan(
			teksten.length / 5
		);
	});

	it('returns an empty array for null and empty text', async () => {
		expect(await soortenInDatabase(t.db, [null, '', '   '])).toEqual([[], [], []]);
	});

	it('lets a signed-in user ask, with zonder_pii as its boolean', async () => {
		const rows = await t.as('jeugdbeschermer')((tx) =>
			tx.query<{ schoon: boolean; vies: boolean; soorten: string[] }>(
				`select public.zonder_pii($1) as schoon, public.zonder_pii($2) as vies, public.pii_soorten($2) as soorten`,
				['Meisje van 14 jaar, groep 8', 'BSN 123456782, tel 06-12345678']
			)
		);
		expect(rows).toEqual([{ schoon: true, vies: false, soorten: ['bsn', 'telefoon'] }]);
	});

	it('can back a check constraint', async () => {
		const [row] = await t.db.query<{ volatility: string; config: string[] }>(
			`select p.provolatile as volatility, p.proconfig as config
			   from pg_proc p where p.oid = 'public.zonder_pii(text)'::regprocedure`
		);
		expect(row).toEqual({ volatility: 'i', config: ['search_path=""'] });
	});
});
