import { beforeAll, describe, expect, it } from 'vitest';
import { alsWeigering } from '../../src/lib/server/db/fouten';
import type { Queryable } from '../../src/lib/server/db/types';
import { beantwoordIn, type Antwoord, type AntwoordOpties } from '../../src/lib/server/hulpvragen';
import { count, engines, expectRefused, insertApiToken, tokenClaims, useTestDatabase } from './harness';

// A provider's answers sent with an idempotency key (issue 5 §2, migration 0910), through the very
// function POST /api/v1/voorstellen/{id}/antwoord and the form action use (beantwoordIn), as each role:
// a replay returns the first result and changes nothing; an answer the proposal no longer takes (expired
// or withdrawn while offline, answered otherwise) is refused with a 409 and a Dutch sentence; someone
// else's proposal is a 404; the key and the transition commit together or not at all.

const ACCEPTEREN: Antwoord = { soort: 'accepteren' };
const AFWIJZEN: Antwoord = { soort: 'afwijzen', reden: 'geen_plek', toelichting: '' };

/** The refusal as the endpoint sends it: status and message. */
async function weigering(promise: Promise<unknown>) {
	const fout = await promise.then(
		() => {
			throw new Error('verwacht een weigering');
		},
		(error: unknown) => error
	);
	const w = alsWeigering(fout);
	if (!w) throw fout;
	return { status: w.status, bericht: w.bericht };
}

describe.each(engines())('answers with an idempotency key on %s', (engine) => {
	const t = useTestDatabase(engine);
	/** An offering of provider A used by these tests only, with room for several holds. */
	let aanbod = '';

	beforeAll(async () => {
		aanbod = await t.db.transaction(async (tx) => {
			const [rij] = await tx.query<{ id: string }>(
				`insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max,
				   contract_jeugdregios, capaciteit_totaal) values ($1, $2, 'gezinshuis', 'Gezinshuis antwoorden', 0, 23, '{JZ22}', 10)
				 returning id`,
				[t.fx.org.aanbiederA, t.fx.locatie.A]
			);
			await tx.query(`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen) values ($1, 8)`, [
				rij!.id
			]);
			return rij!.id;
		});
	});

	/** A published hulpvraag proposed to the test offering (committed, as the jeugdbeschermer). */
	const nieuwVoorstel = () =>
		t.as('jeugdbeschermer')(async (tx) => {
			const [h] = await tx.query<{ id: string }>(
				`insert into public.hulpvragen (organisatie_id, gemeente_code, leeftijd, maatregel, maatregel_datum, urgentie,
				   hulpvorm_codes, status, norm_deadline, verbreden_na)
				 values ($1, 'GM0344', 12, 'ots', current_date, 'hoog', '{gezinshuis}', 'open',
				         now() + interval '2 months', now() + interval '2 days')
				 returning id`,
				[t.fx.org.gi]
			);
			const [v] = await tx.query<{ id: string }>('select id from public.voorstellen_doen($1, $2::uuid[])', [
				h!.id,
				[aanbod]
			]);
			return { hulpvraag: h!.id, voorstel: v!.id };
		});

	const antwoord = (voorstel: string, a: Antwoord, opties: AntwoordOpties = {}) =>
		t.as('aanbieder')((tx) => beantwoordIn(tx, voorstel, a, opties));

	const sleutel = () => crypto.randomUUID();
	const nu = () => new Date().toISOString();

	/** What the owner sees of a proposal: its status now, its events and its stored keys. */
	const stand = (voorstel: string) =>
		t.db.transaction(async (tx: Queryable) => ({
			status: (
				await tx.query<{ s: string }>(
					'select public.voorstel_status_nu(status, verloopt_op, now())::text as s from public.voorstellen where id = $1',
					[voorstel]
				)
			)[0]?.s,
			wijzigingen: await count(
				tx,
				`select 1 from public.gebeurtenissen where onderwerp_id = $1 and soort = 'voorstellen.update'`,
				[voorstel]
			),
			sleutels: await count(tx, 'select 1 from public.antwoord_sleutels where voorstel_id = $1', [voorstel])
		}));

	const vrij = () =>
		t.as('zorgmakelaar')(async (tx) => {
			const [rij] = await tx.query<{ vrij: number }>(
				'select public.vrij_nu(vrije_plaatsen, gereserveerd_tot, now()) as vrij from public.aanbod_zoek where aanbod_id = $1',
				[aanbod]
			);
			return rij?.vrij;
		});

	describe('exactly once', () => {
		it('a replay of the same key returns the first result and holds no second place', async () => {
			const { voorstel } = await nieuwVoorstel();
			const voor = await vrij();
			const opties = { sleutel: sleutel(), gedaanOp: nu() };
			const eerste = await antwoord(voorstel, ACCEPTEREN, opties);
			const tweede = await antwoord(voorstel, ACCEPTEREN, opties);
			expect(eerste).toEqual({ status: 'gereserveerd', herhaald: false });
			expect(tweede).toEqual({ status: 'gereserveerd', herhaald: true });
			expect(await stand(voorstel)).toEqual({ status: 'gereserveerd', wijzigingen: 1, sleutels: 1 });
			expect(await vrij()).toBe(voor! - 1);
		});

		it('a replay after the proposal moved on still gets its own first result and changes nothing', async () => {
			const { voorstel } = await nieuwVoorstel();
			const opties = { sleutel: sleutel(), gedaanOp: nu() };
			await antwoord(voorstel, ACCEPTEREN, opties);
			await antwoord(voorstel, { soort: 'intake' }, { sleutel: sleutel(), gedaanOp: nu() });
			expect(await antwoord(voorstel, ACCEPTEREN, opties)).toEqual({
				status: 'gereserveerd',
				herhaald: true
			});
			expect(await stand(voorstel)).toMatchObject({ status: 'intake', wijzigingen: 2, sleutels: 2 });
		});

		it('sends of one key at the same moment are processed once', async () => {
			const { voorstel } = await nieuwVoorstel();
			const opties = { sleutel: sleutel(), gedaanOp: nu() };
			const uitkomsten = await Promise.all(
				Array.from({ length: 5 }, () => antwoord(voorstel, ACCEPTEREN, opties))
			);
			expect(uitkomsten.filter((u) => !u.herhaald)).toHaveLength(1);
			expect(uitkomsten.every((u) => u.status === 'gereserveerd')).toBe(true);
			expect(await stand(voorstel)).toEqual({ status: 'gereserveerd', wijzigingen: 1, sleutels: 1 });
		});

		it('a key used for another answer or proposal is refused with a 409, and nothing happens', async () => {
			const { voorstel } = await nieuwVoorstel();
			const ander = await nieuwVoorstel();
			const opties = { sleutel: sleutel(), gedaanOp: nu() };
			await antwoord(voorstel, AFWIJZEN, opties);
			expect(await weigering(antwoord(ander.voorstel, AFWIJZEN, opties))).toEqual({
				status: 409,
				bericht:
					'Deze idempotentiesleutel is al gebruikt voor een ander antwoord. Stuur dit antwoord met een nieuwe sleutel.'
			});
			expect(await stand(ander.voorstel)).toMatchObject({ status: 'voorgesteld', sleutels: 0 });
		});

		it('a refused step stores no key, so the same key goes through once the step can', async () => {
			const vol = await t.db.transaction(async (tx) => {
				const [rij] = await tx.query<{ id: string }>(
					`insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max,
					   contract_jeugdregios, capaciteit_totaal) values ($1, $2, 'pleegzorg', 'Pleegzorg vol', 0, 23, '{JZ22}', 2)
					 returning id`,
					[t.fx.org.aanbiederA, t.fx.locatie.A]
				);
				await tx.query(`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen) values ($1, 0)`, [
					rij!.id
				]);
				return rij!.id;
			});
			const voorstel = await t.as('jeugdbeschermer')(async (tx) => {
				const [h] = await tx.query<{ id: string }>(
					`insert into public.hulpvragen (organisatie_id, gemeente_code, leeftijd, maatregel, maatregel_datum, urgentie,
					   hulpvorm_codes, status, norm_deadline, verbreden_na)
					 values ($1, 'GM0344', 12, 'ots', current_date, 'hoog', '{pleegzorg}', 'open', now() + interval '2 months',
					         now() + interval '2 days') returning id`,
					[t.fx.org.gi]
				);
				const [v] = await tx.query<{ id: string }>('select id from public.voorstellen_doen($1, $2::uuid[])', [
					h!.id,
					[vol]
				]);
				return v!.id;
			});
			const opties = { sleutel: sleutel(), gedaanOp: nu() };
			expect(await weigering(antwoord(voorstel, ACCEPTEREN, opties))).toMatchObject({
				status: 400,
				bericht: expect.stringMatching(/^Er is bij dit aanbod geen vrije plek/)
			});
			expect(await stand(voorstel)).toEqual({ status: 'voorgesteld', wijzigingen: 0, sleutels: 0 });

			await t.as('aanbieder')((tx) =>
				tx.query(`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen) values ($1, 1)`, [vol])
			);
			expect(await antwoord(voorstel, ACCEPTEREN, opties)).toEqual({
				status: 'gereserveerd',
				herhaald: false
			});
		});

		it('without a key (the form without JavaScript) the step runs and stores nothing', async () => {
			const { voorstel } = await nieuwVoorstel();
			expect(await antwoord(voorstel, AFWIJZEN)).toEqual({ status: 'afgewezen', herhaald: false });
			expect(await stand(voorstel)).toEqual({ status: 'afgewezen', wijzigingen: 1, sleutels: 0 });
		});
	});

	describe('conflicts come back as a clear 409, nothing silently dropped', () => {
		/** Back-dates the answer deadline, as if the device was offline past it (owner only). */
		const laatVerlopen = (voorstel: string) =>
			t.db.query(`update public.voorstellen set verloopt_op = now() - interval '1 minute' where id = $1`, [
				voorstel
			]);

		it('a proposal that expired while the device was offline', async () => {
			const { voorstel } = await nieuwVoorstel();
			const gedaanOp = new Date(Date.now() - 10 * 60_000).toISOString();
			await laatVerlopen(voorstel);
			expect(await weigering(antwoord(voorstel, ACCEPTEREN, { sleutel: sleutel(), gedaanOp }))).toEqual({
				status: 409,
				bericht: 'Dit voorstel is verlopen terwijl u offline was; uw antwoord is niet verwerkt.'
			});
			expect(await stand(voorstel)).toMatchObject({ status: 'verlopen', sleutels: 0 });
		});

		it('an answer made after the deadline says the time was up', async () => {
			const { voorstel } = await nieuwVoorstel();
			await laatVerlopen(voorstel);
			expect(await weigering(antwoord(voorstel, AFWIJZEN, { sleutel: sleutel(), gedaanOp: nu() }))).toEqual({
				status: 409,
				bericht: 'Dit voorstel is verlopen: de termijn is voorbij. Uw antwoord is niet verwerkt.'
			});
		});

		it('a hold that ran out before the intake was sent', async () => {
			const { voorstel } = await nieuwVoorstel();
			await antwoord(voorstel, ACCEPTEREN, { sleutel: sleutel(), gedaanOp: nu() });
			const gedaanOp = new Date(Date.now() - 10 * 60_000).toISOString();
			await laatVerlopen(voorstel);
			expect(
				await weigering(antwoord(voorstel, { soort: 'intake' }, { sleutel: sleutel(), gedaanOp }))
			).toEqual({
				status: 409,
				bericht:
					'De reservering van dit voorstel is verlopen terwijl u offline was; uw antwoord is niet verwerkt.'
			});
		});

		it('a proposal withdrawn by the jeugdbeschermer, or closed with its hulpvraag', async () => {
			const ingetrokken = await nieuwVoorstel();
			await t.as('jeugdbeschermer')((tx) =>
				tx.query('select public.voorstel_intrekken($1)', [ingetrokken.voorstel])
			);
			expect(
				await weigering(antwoord(ingetrokken.voorstel, ACCEPTEREN, { sleutel: sleutel(), gedaanOp: nu() }))
			).toEqual({
				status: 409,
				bericht:
					'Dit voorstel is ingetrokken door de jeugdbeschermer of de zorgmakelaar; uw antwoord is niet verwerkt.'
			});

			const gesloten = await nieuwVoorstel();
			await t.as('jeugdbeschermer')((tx) =>
				tx.query(`update public.hulpvragen set status = 'ingetrokken' where id = $1`, [gesloten.hulpvraag])
			);
			expect(
				await weigering(antwoord(gesloten.voorstel, ACCEPTEREN, { sleutel: sleutel(), gedaanOp: nu() }))
			).toEqual({
				status: 409,
				bericht: 'Dit voorstel is ingetrokken: de hulpvraag is niet meer nodig. Uw antwoord is niet verwerkt.'
			});
		});

		it('a proposal already answered otherwise says what it is now', async () => {
			const { voorstel } = await nieuwVoorstel();
			await antwoord(voorstel, AFWIJZEN, { sleutel: sleutel(), gedaanOp: nu() });
			expect(await weigering(antwoord(voorstel, ACCEPTEREN, { sleutel: sleutel(), gedaanOp: nu() }))).toEqual(
				{
					status: 409,
					bericht: 'Dit voorstel is al beantwoord en staat nu op "Afgewezen"; uw antwoord is niet verwerkt.'
				}
			);
			expect(
				await weigering(antwoord(voorstel, { soort: 'plaatsen' }, { sleutel: sleutel(), gedaanOp: nu() }))
			).toMatchObject({ status: 409 });
			expect(await stand(voorstel)).toMatchObject({ status: 'afgewezen', wijzigingen: 1, sleutels: 1 });
		});
	});

	describe('who may answer', () => {
		it.each(['aanbieder_b', 'jeugdbeschermer', 'zorgmakelaar', 'expertteam'] as const)(
			'%s gets a 404 for the proposal, and it stays unanswered',
			async (persona) => {
				const { voorstel } = await nieuwVoorstel();
				expect(
					await weigering(
						t.as(persona)((tx) =>
							beantwoordIn(tx, voorstel, ACCEPTEREN, { sleutel: sleutel(), gedaanOp: nu() })
						)
					)
				).toEqual({
					status: 404,
					bericht: 'Dit voorstel bestaat niet of is aan een andere aanbieder gedaan.'
				});
				expect(await stand(voorstel)).toMatchObject({ status: 'voorgesteld', sleutels: 0 });
			}
		);

		it('an unknown proposal is a 404 too', async () => {
			expect(
				await weigering(antwoord(crypto.randomUUID(), ACCEPTEREN, { sleutel: sleutel(), gedaanOp: nu() }))
			).toMatchObject({ status: 404 });
		});

		it("the provider's API token answers; the key is the token's, not the staff member's", async () => {
			const { voorstel } = await nieuwVoorstel();
			const token = await t.db.transaction((tx) => insertApiToken(tx, t.fx.org.aanbiederA));
			const opties = { sleutel: sleutel(), gedaanOp: nu() };
			const viaToken = () =>
				t.asClaims(tokenClaims(token.id))((tx) => beantwoordIn(tx, voorstel, ACCEPTEREN, opties));
			expect(await viaToken()).toEqual({ status: 'gereserveerd', herhaald: false });
			expect(await viaToken()).toEqual({ status: 'gereserveerd', herhaald: true });
			expect(await weigering(antwoord(voorstel, ACCEPTEREN, opties))).toMatchObject({ status: 409 });
		});

		it('nobody writes the keys directly; a provider reads only its own', async () => {
			const { voorstel } = await nieuwVoorstel();
			await antwoord(voorstel, AFWIJZEN, { sleutel: sleutel(), gedaanOp: nu() });
			const rij = `insert into public.antwoord_sleutels (idempotentie_sleutel, voorstel_id, aanbieder_id, soort, status)
			             values (gen_random_uuid(), $1, $2, 'accepteren', 'gereserveerd')`;
			for (const persona of ['aanbieder', 'aanbieder_b', 'jeugdbeschermer'] as const) {
				await expectRefused(t.dryRun(persona)((tx) => tx.query(rij, [voorstel, t.fx.org.aanbiederA])));
			}
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query('update public.antwoord_sleutels set status = $2 where voorstel_id = $1', [
						voorstel,
						'geplaatst'
					])
				)
			);
			await expectRefused(t.anonDryRun((tx) => tx.query('select 1 from public.antwoord_sleutels')));
			const zien = (persona: 'aanbieder' | 'aanbieder_b' | 'jeugdbeschermer') =>
				t.dryRun(persona)((tx) =>
					count(tx, 'select 1 from public.antwoord_sleutels where voorstel_id = $1', [voorstel])
				);
			expect({
				aanbieder: await zien('aanbieder'),
				aanbieder_b: await zien('aanbieder_b'),
				jeugdbeschermer: await zien('jeugdbeschermer')
			}).toEqual({ aanbieder: 1, aanbieder_b: 0, jeugdbeschermer: 0 });
		});
	});
});
