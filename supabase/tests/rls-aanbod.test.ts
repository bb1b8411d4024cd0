import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { count, engines, expectRefused, personas, useTestDatabase, type Persona } from './harness';

// Locaties and aanbod: everyone signed in reads them (inactive aanbod only its own organisation),
// only the provider's own staff change them. Capaciteitsmeldingen: the provider's own staff (and
// beheerders) read them, a provider reports for its own aanbod as itself, and nobody — not even the owner — changes or
// removes a report afterwards.

const nonProviders = personas.filter((p) => p !== 'aanbieder' && p !== 'aanbieder_b');
/** Everyone but aanbieder A, who owns the fixture's A rows. */
const notA = personas.filter((p) => p !== 'aanbieder');

const insertAanbod = `insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max, capaciteit_totaal)
	values ($1, $2, 'pleegzorg', 'Nieuw aanbod', 0, 17, 3) returning id`;
const insertMelding = `insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, notitie) values ($1, $2, $3) returning *`;

interface Melding {
	id: string;
	gemeld_door: string | null;
	vrije_plaatsen: number;
}

describe.each(engines())('aanbod on %s', (engine) => {
	const t = useTestDatabase(engine);

	describe('locaties', () => {
		const insertLocatie = `insert into public.locaties (organisatie_id, naam, pc4, gemeente_code) values ($1, 'Nieuwe locatie', '3452', 'GM0344') returning id`;
		const rename = `update public.locaties set naam = 'Andere naam' where id = $1 returning id`;

		it.each(personas)('%s sees every location', async (persona) => {
			expect(await t.as(persona)((tx) => count(tx, 'select 1 from public.locaties'))).toBe(2);
		});

		it('anon sees no location', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.locaties')));
		});

		it('aanbieder adds, edits and removes a location of its own organisation', async () => {
			const result = await t.dryRun('aanbieder')(async (tx) => {
				const [added] = await tx.query<{ id: string }>(insertLocatie, [t.fx.org.aanbiederA]);
				return {
					edited: (await tx.query(rename, [t.fx.locatie.A])).length,
					removed: (await tx.query('delete from public.locaties where id = $1 returning id', [added?.id]))
						.length
				};
			});
			expect(result).toEqual({ edited: 1, removed: 1 });
		});

		it.each(notA)('%s cannot add a location for aanbieder A', async (persona) => {
			await expectRefused(t.dryRun(persona)((tx) => tx.query(insertLocatie, [t.fx.org.aanbiederA])));
		});

		it.each(notA)('%s cannot edit or remove a location of aanbieder A', async (persona) => {
			const result = await t.dryRun(persona)(async (tx) => ({
				edited: (await tx.query(rename, [t.fx.locatie.A])).length,
				removed: (await tx.query('delete from public.locaties where id = $1 returning id', [t.fx.locatie.A]))
					.length
			}));
			expect(result).toEqual({ edited: 0, removed: 0 });
		});

		it('aanbieder cannot move its location to another organisation', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query('update public.locaties set organisatie_id = $1 where id = $2', [
						t.fx.org.aanbiederB,
						t.fx.locatie.A
					])
				)
			);
		});
	});

	describe('aanbod', () => {
		const activeIds = () => [t.fx.aanbod.A, t.fx.aanbod.B].sort();

		it.each(personas.filter((p) => p !== 'aanbieder'))(
			'%s sees the active offerings only',
			async (persona) => {
				const rows = await t.as(persona)((tx) => tx.query<{ id: string }>('select id from public.aanbod'));
				expect(rows.map((r) => r.id).sort()).toEqual(activeIds());
			}
		);

		it('aanbieder also sees its own inactive offering', async () => {
			const rows = await t.as('aanbieder')((tx) => tx.query<{ id: string }>('select id from public.aanbod'));
			expect(rows.map((r) => r.id).sort()).toEqual([...activeIds(), t.fx.aanbodInactiefA].sort());
		});

		it('anon sees no offering', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.aanbod')));
		});

		it('aanbieder adds, edits and removes an offering of its own organisation', async () => {
			const result = await t.dryRun('aanbieder')(async (tx) => {
				const [added] = await tx.query<{ id: string }>(insertAanbod, [t.fx.org.aanbiederA, t.fx.locatie.A]);
				return {
					edited: (
						await tx.query('update public.aanbod set capaciteit_totaal = 6 where id = $1 returning id', [
							t.fx.aanbod.A
						])
					).length,
					removed: (await tx.query('delete from public.aanbod where id = $1 returning id', [added?.id]))
						.length
				};
			});
			expect(result).toEqual({ edited: 1, removed: 1 });
		});

		it('aanbieder cannot remove an offering that has capacity history', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) => tx.query('delete from public.aanbod where id = $1', [t.fx.aanbod.A])),
				// foreign_key_violation on Postgres 15, restrict_violation from Postgres 18 on (PGlite)
				['23503', '23001']
			);
		});

		it.each(notA)('%s cannot add an offering for aanbieder A', async (persona) => {
			await expectRefused(
				t.dryRun(persona)((tx) => tx.query(insertAanbod, [t.fx.org.aanbiederA, t.fx.locatie.A]))
			);
		});

		it.each(notA)('%s cannot edit or remove an offering of aanbieder A', async (persona) => {
			const result = await t.dryRun(persona)(async (tx) => ({
				edited: (
					await tx.query('update public.aanbod set actief = false where id = $1 returning id', [
						t.fx.aanbod.A
					])
				).length,
				editedInactive: (
					await tx.query('update public.aanbod set actief = true where id = $1 returning id', [
						t.fx.aanbodInactiefA
					])
				).length,
				removed: (
					await tx.query('delete from public.aanbod where id = $1 returning id', [t.fx.aanbodInactiefA])
				).length
			}));
			expect(result).toEqual({ edited: 0, editedInactive: 0, removed: 0 });
		});

		it('aanbieder cannot move an offering to another organisation', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query('update public.aanbod set organisatie_id = $1 where id = $2', [
						t.fx.org.aanbiederB,
						t.fx.aanbod.A
					])
				)
			);
		});

		it('aanbieder cannot put its offering at another organisation’s location', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) => tx.query(insertAanbod, [t.fx.org.aanbiederA, t.fx.locatie.B])),
				'23503'
			);
		});
	});

	describe('capaciteitsmeldingen', () => {
		// The history (who reported, idempotency keys) is the provider's own; searchers read aanbod_stand.
		it.each([
			['aanbieder', 1],
			['aanbieder_b', 1],
			['beheerder', 2],
			...personas
				.filter((p) => !['aanbieder', 'aanbieder_b', 'beheerder'].includes(p))
				.map((p) => [p, 0] as const)
		] as const)('%s reads %i reports of the history', async (persona, n) => {
			expect(await t.as(persona)((tx) => count(tx, 'select 1 from public.capaciteitsmeldingen'))).toBe(n);
		});

		it('anon reads no report', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.capaciteitsmeldingen')));
		});

		it.each([
			['aanbieder', 'A'],
			['aanbieder_b', 'B']
		] as const)('%s reports for its own offering, as itself', async (persona, org) => {
			const rows = await t.dryRun(persona)((tx) =>
				tx.query<Melding>(insertMelding, [t.fx.aanbod[org], 1, ''])
			);
			expect(rows).toMatchObject([{ gemeld_door: t.fx.user[persona].id, vrije_plaatsen: 1 }]);
		});

		it.each([
			['aanbieder', 'B'],
			['aanbieder_b', 'A']
		] as const)('%s cannot report for another organisation’s offering', async (persona, org) => {
			await expectRefused(t.dryRun(persona)((tx) => tx.query(insertMelding, [t.fx.aanbod[org], 1, ''])));
		});

		it.each(nonProviders)('%s cannot report capacity', async (persona) => {
			await expectRefused(t.dryRun(persona)((tx) => tx.query(insertMelding, [t.fx.aanbod.A, 1, ''])));
		});

		it('anon cannot report capacity', async () => {
			await expectRefused(t.anonDryRun((tx) => tx.query(insertMelding, [t.fx.aanbod.A, 1, ''])));
		});

		it('a report is made as the signed-in user: not in another user’s name, not anonymously', async () => {
			const asOther = `insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_door) values ($1, 1, $2)`;
			await expectRefused(
				t.dryRun('aanbieder')((tx) => tx.query(asOther, [t.fx.aanbod.A, t.fx.user.aanbieder_b.id]))
			);
			await expectRefused(t.dryRun('aanbieder')((tx) => tx.query(asOther, [t.fx.aanbod.A, null])));
		});

		it('aanbieder reports for its own inactive offering', async () => {
			const rows = await t.dryRun('aanbieder')((tx) =>
				tx.query(insertMelding, [t.fx.aanbodInactiefA, 0, ''])
			);
			expect(rows).toHaveLength(1);
		});

		it('free places may equal the total, not exceed it', async () => {
			const atTotal = await t.dryRun('aanbieder')((tx) => tx.query(insertMelding, [t.fx.aanbod.A, 4, '']));
			expect(atTotal).toHaveLength(1);
			await expectRefused(
				t.dryRun('aanbieder')((tx) => tx.query(insertMelding, [t.fx.aanbod.A, 5, ''])),
				'23514'
			);
		});

		it.each([
			['negative free places', 'vrije_plaatsen, wachtlijst', '-1, 0'],
			['a negative waiting list', 'vrije_plaatsen, wachtlijst', '0, -1'],
			['a negative expected wait', 'vrije_plaatsen, verwachte_wachttijd_weken', '0, -1']
		])('%s is refused', async (_label, columns, values) => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query(`insert into public.capaciteitsmeldingen (aanbod_id, ${columns}) values ($1, ${values})`, [
						t.fx.aanbod.A
					])
				),
				'23514'
			);
		});

		it('a note longer than 280 characters is refused', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) => tx.query(insertMelding, [t.fx.aanbod.A, 1, 'x'.repeat(281)])),
				'23514'
			);
		});

		it('a report replayed with the same idempotency key is stored once', async () => {
			const key = randomUUID();
			const replay = `insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, idempotentie_sleutel)
				values ($1, 1, $2) on conflict (idempotentie_sleutel) do nothing returning id`;
			const result = await t.dryRun('aanbieder')(async (tx) => ({
				first: (await tx.query(replay, [t.fx.aanbod.A, key])).length,
				second: (await tx.query(replay, [t.fx.aanbod.A, key])).length,
				stored: await count(tx, 'select 1 from public.capaciteitsmeldingen where idempotentie_sleutel = $1', [
					key
				])
			}));
			expect(result).toEqual({ first: 1, second: 0, stored: 1 });
		});

		it('the server’s clock, not the client’s, says when a report arrived', async () => {
			const [row] = await t.dryRun('aanbieder')((tx) =>
				tx.query<{ in_de_toekomst: boolean }>(
					`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_op, ontvangen_op)
					 values ($1, 1, now(), now() + interval '10 years')
					 returning ontvangen_op > now() + interval '1 hour' as in_de_toekomst`,
					[t.fx.aanbod.A]
				)
			);
			expect(row).toEqual({ in_de_toekomst: false });
			// And so a report cannot date itself into the future to stay "the latest" for ever.
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query(
						`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_op, ontvangen_op)
						 values ($1, 1, now() + interval '10 years', now() + interval '10 years')`,
						[t.fx.aanbod.A]
					)
				),
				'23514'
			);
		});

		const changes: [string, string][] = [
			['update', 'update public.capaciteitsmeldingen set vrije_plaatsen = 0 where id = $1'],
			['delete', 'delete from public.capaciteitsmeldingen where id = $1']
		];

		it.each(changes)('its author cannot %s a report', async (_op, sql) => {
			await expectRefused(t.dryRun('aanbieder')((tx) => tx.query(sql, [t.fx.melding.A])));
		});

		it.each(personas.flatMap((p) => changes.map(([op, sql]) => [p, op, sql] as [Persona, string, string])))(
			'%s cannot %s a report',
			async (persona, _op, sql) => {
				await expectRefused(t.dryRun(persona)((tx) => tx.query(sql, [t.fx.melding.A])));
			}
		);

		it.each(personas)('%s cannot truncate the reports', async (persona) => {
			await expectRefused(t.dryRun(persona)((tx) => tx.exec('truncate public.capaciteitsmeldingen cascade')));
		});

		it.each([
			...changes,
			['forget the author of', 'update public.capaciteitsmeldingen set gemeld_door = null where id = $1']
		])('not even the owner connection can %s a report', async (_op, sql) => {
			await expectRefused(t.ownerDryRun((tx) => tx.query(sql, [t.fx.melding.A])));
		});

		it('not even the owner connection can truncate the reports', async () => {
			await expectRefused(t.ownerDryRun((tx) => tx.exec('truncate public.capaciteitsmeldingen cascade')));
		});

		it('the reports are still all there', async () => {
			expect(await count(t.db, 'select 1 from public.capaciteitsmeldingen')).toBe(2);
		});

		it('removing a user who reported keeps the report, without its author', async () => {
			const [row] = await t.ownerDryRun(async (tx) => {
				await tx.query('delete from auth.users where id = $1', [t.fx.user.aanbieder.id]);
				return tx.query<{ gemeld_door: string | null; vrije_plaatsen: number }>(
					'select gemeld_door, vrije_plaatsen from public.capaciteitsmeldingen where id = $1',
					[t.fx.melding.A]
				);
			});
			expect(row).toEqual({ gemeld_door: null, vrije_plaatsen: 2 });
		});
	});
});
