import { describe, expect, it } from 'vitest';
import {
	count,
	engines,
	expectRefused,
	personas,
	personaSpec,
	useTestDatabase,
	type Persona
} from './harness';

// Gebeurtenissen: the append-only event log, written by triggers only. Members read their own
// organisation's events, a beheerder all of them; nobody writes, changes or removes one; the log
// keeps identifiers and figures, never free text.

interface Gebeurtenis {
	soort: string;
	actor: string | null;
	organisatie_id: string | null;
	onderwerp_id: string | null;
	gegevens: Record<string, unknown>;
}

const selectEvent = `select soort, actor, organisatie_id, onderwerp_id, gegevens from public.gebeurtenissen
	where soort = $1 and onderwerp_id = $2 order by id desc limit 1`;

/** Free-text columns of the logged tables: none may reach the log. */
const freeTextColumns = [
	'notitie',
	'omschrijving',
	'contact_telefoon',
	'contact_email',
	'website',
	'email',
	'toelichting',
	'reden_toelichting',
	'uitleg_overschrijding',
	'advies',
	'uitkomst'
];

describe.each(engines())('gebeurtenissen on %s', (engine) => {
	const t = useTestDatabase(engine);
	const others = personas.filter((p) => p !== 'beheerder');
	const ownOrg = (persona: Persona) => t.fx.org[personaSpec[persona].org];

	describe('reading', () => {
		it.each(others)('%s reads exactly its own organisation’s events', async (persona) => {
			const expected = await count(t.db, 'select 1 from public.gebeurtenissen where organisatie_id = $1', [
				ownOrg(persona)
			]);
			expect(expected).toBeGreaterThan(0);
			const seen = await t.as(persona)((tx) =>
				tx.query<{ organisatie_id: string }>('select organisatie_id from public.gebeurtenissen')
			);
			expect(seen).toHaveLength(expected);
			expect(new Set(seen.map((r) => r.organisatie_id))).toEqual(new Set([ownOrg(persona)]));
		});

		it.each(others)('%s reads no event of another organisation', async (persona) => {
			const other = personaSpec[persona].org === 'aanbiederB' ? t.fx.org.aanbiederA : t.fx.org.aanbiederB;
			const sql = 'select 1 from public.gebeurtenissen where organisatie_id = $1';
			expect(await count(t.db, sql, [other])).toBeGreaterThan(0);
			expect(await t.as(persona)((tx) => count(tx, sql, [other]))).toBe(0);
		});

		it('beheerder reads every event', async () => {
			const total = await count(t.db, 'select 1 from public.gebeurtenissen');
			expect(total).toBeGreaterThan(0);
			expect(await t.as('beheerder')((tx) => count(tx, 'select 1 from public.gebeurtenissen'))).toBe(total);
		});

		it('anon reads no event', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.gebeurtenissen')));
		});
	});

	describe('what is logged', () => {
		it('a capacity report is logged with its figures, its author and no note', async () => {
			const notitie = 'Bel eerst Jan de Vries, 06-12345678, over de plek';
			const event = await t.dryRun('aanbieder')(async (tx) => {
				const [melding] = await tx.query<{ id: string }>(
					`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, wachtlijst, notitie)
					 values ($1, 3, 7, $2) returning id`,
					[t.fx.aanbod.A, notitie]
				);
				const [row] = await tx.query<Gebeurtenis>(selectEvent, ['capaciteitsmeldingen.insert', melding?.id]);
				return row;
			});
			expect(event).toMatchObject({
				actor: t.fx.user.aanbieder.id,
				organisatie_id: t.fx.org.aanbiederA,
				gegevens: { aanbod_id: t.fx.aanbod.A, vrije_plaatsen: 3, wachtlijst: 7 }
			});
			expect(event?.gegevens).not.toHaveProperty('notitie');
			expect(JSON.stringify(event)).not.toContain('Jan');
			expect(JSON.stringify(event)).not.toContain('06-12345678');
		});

		it('a change to an offering is logged without its name or description', async () => {
			const event = await t.dryRun('aanbieder')(async (tx) => {
				await tx.query(
					`update public.aanbod set capaciteit_totaal = 5, naam = 'Crisisplek Vleuten',
					   omschrijving = 'Geschikt voor jongeren met trauma' where id = $1`,
					[t.fx.aanbod.A]
				);
				const [row] = await tx.query<Gebeurtenis>(selectEvent, ['aanbod.update', t.fx.aanbod.A]);
				return row;
			});
			expect(event).toMatchObject({
				actor: t.fx.user.aanbieder.id,
				organisatie_id: t.fx.org.aanbiederA,
				gegevens: { capaciteit_totaal: 5, hulpvorm_code: 'crisisplek' }
			});
			expect(Object.keys(event?.gegevens ?? {})).not.toContain('omschrijving');
			expect(JSON.stringify(event)).not.toMatch(/trauma|Vleuten/);
		});

		it('a new location is logged by PC4 and gemeente only', async () => {
			const event = await t.dryRun('aanbieder_b')(async (tx) => {
				const [locatie] = await tx.query<{ id: string }>(
					`insert into public.locaties (organisatie_id, naam, pc4, gemeente_code)
					 values ($1, 'Huize Zonnestraal', '3811', 'GM0307') returning id`,
					[t.fx.org.aanbiederB]
				);
				const [row] = await tx.query<Gebeurtenis>(selectEvent, ['locaties.insert', locatie?.id]);
				return row;
			});
			expect(event).toMatchObject({
				actor: t.fx.user.aanbieder_b.id,
				organisatie_id: t.fx.org.aanbiederB,
				gegevens: { pc4: '3811', gemeente_code: 'GM0307' }
			});
			expect(Object.keys(event?.gegevens ?? {}).sort()).toEqual(['gemeente_code', 'pc4']);
		});

		it('membership changes are logged, by whom and for whom', async () => {
			const events = await t.dryRun('beheerder')(async (tx) => {
				await tx.query(
					`insert into public.leden (organisatie_id, user_id, rol) values ($1, $2, 'zorgmakelaar')`,
					[t.fx.org.regio, t.fx.nieuw.id]
				);
				await tx.query('delete from public.leden where user_id = $1', [t.fx.nieuw.id]);
				return tx.query<Gebeurtenis>(
					`select soort, actor, organisatie_id, onderwerp_id, gegevens from public.gebeurtenissen
					 where onderwerp_id = $1 order by id`,
					[t.fx.nieuw.id]
				);
			});
			const expected = {
				actor: t.fx.user.beheerder.id,
				organisatie_id: t.fx.org.regio,
				onderwerp_id: t.fx.nieuw.id
			};
			expect(events).toEqual([
				{ ...expected, soort: 'leden.insert', gegevens: { user_id: t.fx.nieuw.id, rol: 'zorgmakelaar' } },
				{ ...expected, soort: 'leden.delete', gegevens: { user_id: t.fx.nieuw.id, rol: 'zorgmakelaar' } }
			]);
		});

		it('an organisation’s contact details never reach the log', async () => {
			const event = await t.dryRun('gi_coordinator')(async (tx) => {
				await tx.query(
					`update public.organisaties set contact_telefoon = '030 765 4321', contact_email = 'intake@gi.nl' where id = $1`,
					[t.fx.org.gi]
				);
				const [row] = await tx.query<Gebeurtenis>(selectEvent, ['organisaties.update', t.fx.org.gi]);
				return row;
			});
			expect(event).toMatchObject({ actor: t.fx.user.gi_coordinator.id, organisatie_id: t.fx.org.gi });
			expect(JSON.stringify(event)).not.toMatch(/765 4321|intake@gi\.nl/);
		});

		it('no logged event holds a free-text column', async () => {
			const keys = await t.db.query<{ soort: string; key: string }>(
				'select distinct soort, jsonb_object_keys(gegevens) as key from public.gebeurtenissen'
			);
			expect(keys.length).toBeGreaterThan(0);
			expect(keys.filter((k) => freeTextColumns.includes(k.key))).toEqual([]);
			// Only an organisation's own name is logged; a location's or offering's name is free text.
			expect(keys.filter((k) => k.key === 'naam' && k.soort.split('.')[0] !== 'organisaties')).toEqual([]);
		});

		it('a refused change leaves no event', async () => {
			const before = await count(t.db, 'select 1 from public.gebeurtenissen');
			await expectRefused(
				t.as('aanbieder')((tx) =>
					tx.query('insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen) values ($1, 1)', [
						t.fx.aanbod.B
					])
				)
			);
			expect(await count(t.db, 'select 1 from public.gebeurtenissen')).toBe(before);
		});
	});

	describe('writing', () => {
		const writes: [string, string][] = [
			['insert', `insert into public.gebeurtenissen (soort, organisatie_id) values ('aanbod.update', $1)`],
			['update', `update public.gebeurtenissen set soort = 'aanbod.delete' where organisatie_id = $1`],
			['delete', 'delete from public.gebeurtenissen where organisatie_id = $1']
		];

		it.each(personas.flatMap((p) => writes.map(([op, sql]) => [p, op, sql] as [Persona, string, string])))(
			'%s cannot %s an event',
			async (persona, _op, sql) => {
				await expectRefused(t.dryRun(persona)((tx) => tx.query(sql, [ownOrg(persona)])));
			}
		);

		it.each(personas)('%s cannot truncate the log', async (persona) => {
			await expectRefused(t.dryRun(persona)((tx) => tx.exec('truncate public.gebeurtenissen')));
		});

		it('anon cannot write an event', async () => {
			await expectRefused(t.anonDryRun((tx) => tx.query(writes[0]?.[1] ?? '', [t.fx.org.gi])));
		});

		it.each(writes.slice(1))('not even the owner connection can %s an event', async (_op, sql) => {
			await expectRefused(t.ownerDryRun((tx) => tx.query(sql, [t.fx.org.aanbiederA])));
		});

		it('not even the owner connection can truncate the log', async () => {
			await expectRefused(t.ownerDryRun((tx) => tx.exec('truncate public.gebeurtenissen')));
		});

		it('removing an organisation keeps its events, still attributed to it', async () => {
			const result = await t.ownerDryRun(async (tx) => {
				const before = await count(tx, 'select 1 from public.gebeurtenissen where organisatie_id = $1', [
					t.fx.org.expertteam
				]);
				await tx.query('delete from public.organisaties where id = $1', [t.fx.org.expertteam]);
				const after = await count(tx, 'select 1 from public.gebeurtenissen where organisatie_id = $1', [
					t.fx.org.expertteam
				]);
				return { before, after };
			});
			// Its insert, its member's insert, then the member's and its own delete.
			expect(result.after).toBe(result.before + 2);
		});
	});
});
