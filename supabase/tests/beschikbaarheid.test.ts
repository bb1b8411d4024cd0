import { beforeAll, describe, expect, it } from 'vitest';
import { HULPVORM_CODES } from '../../src/lib/domain/hulpvormen';
import { statusVanMelding, vandaagInNederland, type WijzerStatus } from '../../src/lib/domain/wijzer';
import type { Database, Queryable } from '../../src/lib/server/db/types';
import {
	count,
	engines,
	expectRefused,
	insertApiToken,
	personas,
	useTestDatabase,
	type Persona
} from './harness';

// aanbod_stand is the current capacity per aanbod: the newest report by the time it was made, kept by a
// trigger that nobody can bypass. Searchers read it (and the offerings); the history, who reported and
// the API tokens stay with the provider. The trigger also signals listeners (NOTIFY beschikbaarheid).

/** The personas who search for help: they read offerings and their current capacity, nothing internal. */
const searchers = ['jeugdbeschermer', 'zorgmakelaar', 'gi_coordinator', 'expertteam'] as const;

const DAG_MS = 24 * 60 * 60 * 1000;
const UUR_MS = 60 * 60 * 1000;

interface Stand {
	melding_id: string;
	vrije_plaatsen: number;
}

const standVan = async (tx: Queryable, aanbodId: string): Promise<Stand | undefined> =>
	(
		await tx.query<Stand>('select melding_id, vrije_plaatsen from public.aanbod_stand where aanbod_id = $1', [
			aanbodId
		])
	)[0];

/** Inserts one report made `uurGeleden` hours ago (an offline replay when > 0) and returns its id. */
async function meld(tx: Queryable, aanbodId: string, vrij: number, uurGeleden = 0): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_op)
		 values ($1, $2, now() - make_interval(hours => $3)) returning id`,
		[aanbodId, vrij, uurGeleden]
	);
	if (!row) throw new Error('meld: no row');
	return row.id;
}

/**
 * Listens on channel beschikbaarheid while `actie` runs and commits, and returns the parsed payloads
 * once `verwacht` arrived (plus a moment for any unexpected extra one). NOTIFY is delivered on commit.
 */
async function signalen(db: Database, verwacht: number, actie: () => Promise<unknown>): Promise<unknown[]> {
	const ontvangen: unknown[] = [];
	const stop = await db.listen('beschikbaarheid', (payload) => ontvangen.push(JSON.parse(payload)));
	try {
		await actie();
		const tot = Date.now() + 5000;
		while (ontvangen.length < verwacht && Date.now() < tot) await pauze(20);
		await pauze(200);
		return ontvangen;
	} finally {
		await stop();
	}
}

const pauze = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines())('beschikbaarheid on %s', (engine) => {
	const t = useTestDatabase(engine);

	describe('aanbod_stand follows the newest report by gemeld_op', () => {
		it('starts at the latest report of each offering', async () => {
			const stand = await t.as('aanbieder')(async (tx) => ({
				A: await standVan(tx, t.fx.aanbod.A),
				B: await standVan(tx, t.fx.aanbod.B)
			}));
			expect(stand).toEqual({
				A: { melding_id: t.fx.melding.A, vrije_plaatsen: 2 },
				B: { melding_id: t.fx.melding.B, vrije_plaatsen: 5 }
			});
		});

		it('a report made earlier but received later lands in the history, not in the state', async () => {
			const result = await t.dryRun('aanbieder')(async (tx) => {
				const replay = await meld(tx, t.fx.aanbod.A, 0, 24);
				return {
					inHistory: await count(tx, 'select 1 from public.capaciteitsmeldingen where id = $1', [replay]),
					stand: await standVan(tx, t.fx.aanbod.A)
				};
			});
			expect(result).toEqual({ inHistory: 1, stand: { melding_id: t.fx.melding.A, vrije_plaatsen: 2 } });
		});

		it('a newer report becomes the state', async () => {
			const result = await t.dryRun('aanbieder')(async (tx) => {
				const nieuw = await meld(tx, t.fx.aanbod.A, 3);
				return { nieuw, stand: await standVan(tx, t.fx.aanbod.A) };
			});
			expect(result.stand).toEqual({ melding_id: result.nieuw, vrije_plaatsen: 3 });
		});

		it('a bulk insert of several reports leaves the newest of each offering', async () => {
			const stand = await t.dryRun('aanbieder')(async (tx) => {
				await tx.query(
					`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_op) values
					   ($1, 1, now() - interval '2 hours'), ($1, 2, now() - interval '1 hour'),
					   ($1, 0, now() - interval '3 hours'), ($2, 1, now()), ($2, 0, now() - interval '1 hour')`,
					[t.fx.aanbodInactiefA, t.fx.aanbod.A]
				);
				return {
					inactief: (await standVan(tx, t.fx.aanbodInactiefA))?.vrije_plaatsen,
					A: (await standVan(tx, t.fx.aanbod.A))?.vrije_plaatsen
				};
			});
			expect(stand).toEqual({ inactief: 2, A: 1 });
		});

		it('a report for one offering leaves the others alone', async () => {
			const standB = await t.dryRun('aanbieder')(async (tx) => {
				await meld(tx, t.fx.aanbod.A, 0);
				return standVan(tx, t.fx.aanbod.B);
			});
			expect(standB).toEqual({ melding_id: t.fx.melding.B, vrije_plaatsen: 5 });
		});
	});

	// aanbod_stand is a view of the projection aanbod_zoek; both are written by triggers only.
	describe.each(['aanbod_stand', 'aanbod_zoek'])('nobody writes %s directly', (tabel) => {
		const writes: [string, string][] = [
			[
				'insert',
				`insert into public.${tabel} (aanbod_id, melding_id, vrije_plaatsen, wachtlijst, alleen_na_overleg, notitie, gemeld_op)
				 values ($1, gen_random_uuid(), 4, 0, false, '', now() + interval '1 day')`
			],
			['update', `update public.${tabel} set vrije_plaatsen = 4 where aanbod_id = $1`],
			['delete', `delete from public.${tabel} where aanbod_id = $1`]
		];

		it.each(personas.flatMap((p) => writes.map(([op, sql]) => [p, op, sql] as [Persona, string, string])))(
			'%s cannot %s it',
			async (persona, _op, sql) => {
				await expectRefused(t.dryRun(persona)((tx) => tx.query(sql, [t.fx.aanbod.A])));
			}
		);

		it.each(writes)('anon cannot %s it', async (_op, sql) => {
			await expectRefused(t.anonDryRun((tx) => tx.query(sql, [t.fx.aanbod.A])));
		});

		if (tabel === 'aanbod_zoek') {
			it.each(personas)('%s cannot truncate it', async (persona) => {
				await expectRefused(t.dryRun(persona)((tx) => tx.exec('truncate public.aanbod_zoek')));
			});
		}

		it('anon cannot read it', async () => {
			await expectRefused(t.anon((tx) => tx.query(`select * from public.${tabel}`)));
		});
	});

	describe('what searchers see', () => {
		it.each(searchers)('%s sees every active offering with its current capacity', async (persona) => {
			const seen = await t.as(persona)(async (tx) => ({
				aanbod: (await tx.query<{ id: string }>('select id from public.aanbod order by id')).map((r) => r.id),
				stand: await tx.query<{ aanbod_id: string; vrije_plaatsen: number }>(
					'select aanbod_id, vrije_plaatsen from public.aanbod_stand order by aanbod_id'
				)
			}));
			expect(seen).toEqual({
				aanbod: [t.fx.aanbod.A, t.fx.aanbod.B].sort(),
				stand: [
					{ aanbod_id: t.fx.aanbod.A, vrije_plaatsen: 2 },
					{ aanbod_id: t.fx.aanbod.B, vrije_plaatsen: 5 }
				].sort((x, y) => x.aanbod_id.localeCompare(y.aanbod_id))
			});
		});

		// Set up as the owner in the same (rolled back) transaction: a token of A's and a report for A's
		// inactive offering, so there is something internal to leak.
		const internals = (persona: Persona) =>
			t.ownerDryRun(async (tx) => {
				await insertApiToken(tx, t.fx.org.aanbiederA);
				await meld(tx, t.fx.aanbodInactiefA, 1);
				await t.actAs(tx, persona);
				return {
					history: await count(tx, 'select 1 from public.capaciteitsmeldingen'),
					tokens: await count(tx, 'select 1 from public.api_tokens'),
					inactiveAanbod: await count(tx, 'select 1 from public.aanbod where id = $1', [
						t.fx.aanbodInactiefA
					]),
					inactiveStand: await count(tx, 'select 1 from public.aanbod_stand where aanbod_id = $1', [
						t.fx.aanbodInactiefA
					])
				};
			});

		it.each(searchers)(
			'%s sees no capacity history, no API token and no inactive offering or its capacity',
			async (persona) => {
				expect(await internals(persona)).toEqual({
					history: 0,
					tokens: 0,
					inactiveAanbod: 0,
					inactiveStand: 0
				});
			}
		);

		it('switching an offering off or on takes its capacity along', async () => {
			const seen = await t.ownerDryRun(async (tx) => {
				await meld(tx, t.fx.aanbodInactiefA, 1);
				await tx.query('update public.aanbod set actief = not actief where id = any($1::uuid[])', [
					[t.fx.aanbod.A, t.fx.aanbodInactiefA]
				]);
				await t.actAs(tx, 'jeugdbeschermer');
				const rows = await tx.query<{ aanbod_id: string }>('select aanbod_id from public.aanbod_stand');
				return rows.map((r) => r.aanbod_id).sort();
			});
			expect(seen).toEqual([t.fx.aanbod.B, t.fx.aanbodInactiefA].sort());
		});

		it('another provider sees neither A’s inactive offering nor its capacity', async () => {
			expect(await internals('aanbieder_b')).toMatchObject({ inactiveAanbod: 0, inactiveStand: 0 });
		});

		it('the provider itself sees its inactive offering with its capacity and history', async () => {
			expect(await internals('aanbieder')).toEqual({
				history: 2,
				tokens: 1,
				inactiveAanbod: 1,
				inactiveStand: 1
			});
		});
	});

	describe('the status in SQL agrees with statusVanMelding', () => {
		// A few moments to judge at: now, and just after midnight in Amsterdam while it is still the day
		// before in UTC (summer and winter time), where a time-zone slip would show.
		const momenten = [new Date(), new Date('2026-06-30T22:30:00Z'), new Date('2026-12-31T23:30:00Z')];
		const plusDagen = (dag: string, n: number) =>
			new Date(Date.parse(dag) + n * DAG_MS).toISOString().slice(0, 10);

		const gevallen = momenten.flatMap((nu) => {
			const vandaag = vandaagInNederland(nu);
			return [0, 1].flatMap((vrijePlaatsen) =>
				[null, 0, 4, 5, 30].flatMap((wachttijdWeken) =>
					[null, -1, 0, 27, 29, 40].flatMap((dagen) =>
						[0, 13 * DAG_MS + 23 * UUR_MS, 14 * DAG_MS + UUR_MS, null].map((geleden) => ({
							nu,
							vrijePlaatsen,
							wachttijdWeken,
							eerstvolgendeVrij: dagen === null ? null : plusDagen(vandaag, dagen),
							gemeldOp: geleden === null ? null : new Date(nu.getTime() - geleden)
						}))
					)
				)
			);
		});

		it(`public.beschikbaarheid gives the same answer in all ${gevallen.length} cases`, async () => {
			// As text: postgres.js would encode a string parameter typed jsonb once more, as a JSON string.
			const rows = await t.as('jeugdbeschermer')((tx) =>
				tx.query<{ status: WijzerStatus }>(
					`select public.beschikbaarheid(g.vrij, g.wachttijd, g.eerstvolgende, g.gemeld_op, g.nu) as status
					   from jsonb_to_recordset($1::text::jsonb)
					        as g(i int, vrij int, wachttijd int, eerstvolgende date, gemeld_op timestamptz, nu timestamptz)
					  order by g.i`,
					[
						JSON.stringify(
							gevallen.map((g, i) => ({
								i,
								vrij: g.vrijePlaatsen,
								wachttijd: g.wachttijdWeken,
								eerstvolgende: g.eerstvolgendeVrij,
								gemeld_op: g.gemeldOp?.toISOString() ?? null,
								nu: g.nu.toISOString()
							}))
						)
					]
				)
			);
			const sql = gevallen.map((g, i) => ({ ...g, status: rows[i]?.status }));
			const ts = gevallen.map((g) => ({ ...g, status: statusVanMelding(g, g.nu) }));
			expect(sql).toEqual(ts);
			// The grid reaches every status, so agreeing is not trivially "all grijs".
			expect(new Set(ts.map((g) => g.status))).toEqual(new Set(['groen', 'oranje', 'rood', 'grijs']));
		});

		it('HULPVORM_CODES lists exactly the codes of public.hulpvormen, in their order', async () => {
			const rows = await t.as('jeugdbeschermer')((tx) =>
				tx.query<{ code: string }>('select code from public.hulpvormen order by volgorde, code')
			);
			expect(rows.map((r) => r.code)).toEqual([...HULPVORM_CODES]);
		});
	});

	// Last in this file: these commit (NOTIFY is only sent on commit), in offerings of their own.
	describe('the live signal (NOTIFY beschikbaarheid)', () => {
		let signaalAanbod: string;
		const nieuwAanbod = `insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max, capaciteit_totaal)
			select $1, $2, 'pleegzorg', 'Signaal ' || n, 0, 17, 3 from generate_series(1, $3::int) n returning id`;

		beforeAll(async () => {
			const [row] = await t.db.query<{ id: string }>(nieuwAanbod, [t.fx.org.aanbiederA, t.fx.locatie.A, 1]);
			if (!row) throw new Error('no offering for the signal tests');
			signaalAanbod = row.id;
		});

		it('a capacity report signals its offering, after commit', async () => {
			const ontvangen = await signalen(t.db, 1, () => t.as('aanbieder')((tx) => meld(tx, signaalAanbod, 1)));
			expect(ontvangen).toEqual([{ aanbod: signaalAanbod }]);
		});

		it('a rolled-back report signals nothing', async () => {
			expect(
				await signalen(t.db, 0, () => t.dryRun('aanbieder')((tx) => meld(tx, signaalAanbod, 2)))
			).toEqual([]);
		});

		it('an older replay, which leaves the state as it is, signals nothing', async () => {
			expect(
				await signalen(t.db, 0, () => t.as('aanbieder')((tx) => meld(tx, signaalAanbod, 3, 48)))
			).toEqual([]);
		});

		it('changing an offering signals it', async () => {
			const ontvangen = await signalen(t.db, 1, () =>
				t.as('aanbieder')((tx) =>
					tx.query('update public.aanbod set capaciteit_totaal = 4 where id = $1', [signaalAanbod])
				)
			);
			expect(ontvangen).toEqual([{ aanbod: signaalAanbod }]);
		});

		it('adding, changing and removing 20 offerings at once signals each of them', async () => {
			const ids: string[] = [];
			const toegevoegd = await signalen(t.db, 20, async () => {
				const rows = await t.as('aanbieder')((tx) =>
					tx.query<{ id: string }>(nieuwAanbod, [t.fx.org.aanbiederA, t.fx.locatie.A, 20])
				);
				ids.push(...rows.map((r) => r.id));
			});
			const perAanbod = ids.map((id) => ({ aanbod: id }));
			expect(toegevoegd).toEqual(expect.arrayContaining(perAanbod));
			expect(toegevoegd).toHaveLength(20);

			const verwijderd = await signalen(t.db, 20, () =>
				t.as('aanbieder')((tx) => tx.query('delete from public.aanbod where id = any($1::uuid[])', [ids]))
			);
			expect(verwijderd).toEqual(expect.arrayContaining(perAanbod));
			expect(verwijderd).toHaveLength(20);
		});

		it('adding, changing or removing more than 20 offerings at once signals {"alles": true} once', async () => {
			const ids: string[] = [];
			const alles = [{ alles: true }];
			expect(
				await signalen(t.db, 1, async () => {
					const rows = await t.as('aanbieder')((tx) =>
						tx.query<{ id: string }>(nieuwAanbod, [t.fx.org.aanbiederA, t.fx.locatie.A, 21])
					);
					ids.push(...rows.map((r) => r.id));
				})
			).toEqual(alles);
			expect(
				await signalen(t.db, 1, () =>
					t.as('aanbieder')((tx) =>
						tx.query('update public.aanbod set actief = false where id = any($1::uuid[])', [ids])
					)
				)
			).toEqual(alles);
			expect(
				await signalen(t.db, 1, () =>
					t.as('aanbieder')((tx) => tx.query('delete from public.aanbod where id = any($1::uuid[])', [ids]))
				)
			).toEqual(alles);
		});

		it('a bulk report for more than 20 offerings signals {"alles": true} once', async () => {
			const ontvangen = await signalen(t.db, 1, () =>
				t.as('aanbieder')(async (tx) => {
					const rows = await tx.query<{ id: string }>(nieuwAanbod, [t.fx.org.aanbiederA, t.fx.locatie.A, 21]);
					await tx.query(
						`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen)
						 select unnest($1::uuid[]), 1`,
						[rows.map((r) => r.id)]
					);
				})
			);
			// Both triggers (new offerings, their reports) say so; Postgres folds equal NOTIFYs of one transaction.
			expect(ontvangen).toEqual([{ alles: true }]);
		});
	});
});

describe.each(engines())('capacity bound on %s', (engine) => {
	const t = useTestDatabase(engine);

	it('refuses lowering the total below the free places reported now, allows it down to them', async () => {
		const uitkomst = await t.dryRun('aanbieder')(async (tx) => {
			await tx.query('update public.aanbod set capaciteit_totaal = 10 where id = $1', [t.fx.aanbod.A]);
			await tx.query('insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen) values ($1, 4)', [
				t.fx.aanbod.A
			]);
			await tx.query('update public.aanbod set capaciteit_totaal = 4 where id = $1', [t.fx.aanbod.A]);
			await tx.query('savepoint s');
			const fout = await tx
				.query('update public.aanbod set capaciteit_totaal = 3 where id = $1', [t.fx.aanbod.A])
				.then(
					() => null,
					(e: Error) => e.message
				);
			await tx.query('rollback to savepoint s');
			return fout;
		});
		expect(uitkomst).toContain(
			'De capaciteit (3) is lager dan het aantal vrije plaatsen dat nu gemeld is (4).'
		);
	});
});
