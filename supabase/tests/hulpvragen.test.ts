import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import {
	count,
	engines,
	expectRefused,
	insertApiToken,
	personas,
	tokenClaims,
	useTestDatabase,
	type Fixture,
	type Persona
} from './harness';

// Hulpvragen, voorstellen and escalaties (issue 4): who sees and does what (RLS and the transition
// functions, as every role), the matching function's hard constraints and score, holds that end by
// themselves, the last free place held once under concurrency, automatic widening, the timeline and
// the read log. The fixture has provider A (crisisplek in Vleuten, 2 of 4 free, contracted for Utrecht
// Stad and Eemland) and B (jeugd-GGZ ambulant in Amersfoort, 5 free).

interface NieuweHulpvraag {
	gemeente?: string;
	leeftijd?: number;
	hulpvormen?: string[];
	tags?: string[];
	afstand?: number;
	status?: 'concept' | 'open';
	urgentie?: 'crisis' | 'hoog' | 'regulier';
	/** Interval until automatic widening, e.g. '2 days' or '-1 hour' (already due). */
	verbredenNa?: string;
	toelichting?: string;
}

/** Posts a hulpvraag for the fixture's GI on `tx` (as whoever tx acts as) and returns its id and reference. */
async function plaats(
	tx: Queryable,
	fx: Fixture,
	h: NieuweHulpvraag = {}
): Promise<{ id: string; ref: string }> {
	const status = h.status ?? 'open';
	const [rij] = await tx.query<{ id: string; referentie: string }>(
		`insert into public.hulpvragen (organisatie_id, gemeente_code, leeftijd, maatregel, maatregel_datum, urgentie,
		   hulpvorm_codes, tags, max_afstand_km, toelichting, status, norm_deadline, verbreden_na)
		 values ($1, $2, $3, 'ots', current_date, $4, $5, $6, $7, $8, $9::text::public.hulpvraag_status,
		         case when $9::text = 'open' then now() + interval '2 months' end,
		         case when $9::text = 'open' then now() + $10::interval end)
		 returning id, referentie`,
		[
			fx.org.gi,
			h.gemeente ?? 'GM0344',
			h.leeftijd ?? 14,
			h.urgentie ?? 'hoog',
			h.hulpvormen ?? ['crisisplek'],
			h.tags ?? [],
			h.afstand ?? 50,
			h.toelichting ?? '',
			status,
			h.verbredenNa ?? '2 days'
		]
	);
	if (!rij) throw new Error('plaats: no row');
	return { id: rij.id, ref: rij.referentie };
}

const stel = async (tx: Queryable, hv: string, aanbod: string[]): Promise<string[]> =>
	(
		await tx.query<{ id: string }>('select id from public.voorstellen_doen($1, $2::uuid[])', [hv, aanbod])
	).map((r) => r.id);

const statusVan = async (tx: Queryable, voorstel: string): Promise<string | undefined> =>
	(
		await tx.query<{ s: string }>(
			'select public.voorstel_status_nu(status, verloopt_op, now())::text as s from public.voorstellen where id = $1',
			[voorstel]
		)
	)[0]?.s;

const vrijNu = async (tx: Queryable, aanbod: string): Promise<number | undefined> =>
	(
		await tx.query<{ vrij: number }>(
			'select public.vrij_nu(vrije_plaatsen, gereserveerd_tot, now()) as vrij from public.aanbod_zoek where aanbod_id = $1',
			[aanbod]
		)
	)[0]?.vrij;

describe.each(engines())('hulpvragen on %s', (engine) => {
	const t = useTestDatabase(engine);

	describe('posting', () => {
		it('a jeugdbeschermer posts a hulpvraag with a random reference; the regions follow the gemeente', async () => {
			const rij = await t.dryRun('jeugdbeschermer')(async (tx) => {
				const { id } = await plaats(tx, t.fx);
				return (
					await tx.query<{
						referentie: string;
						jeugdregio_code: string;
						jbregio_code: string;
						gepubliceerd: boolean;
					}>(
						`select referentie, jeugdregio_code, jbregio_code, gepubliceerd_op is not null as gepubliceerd
						   from public.hulpvragen where id = $1`,
						[id]
					)
				)[0];
			});
			expect(rij?.referentie).toMatch(/^HV-[2-9A-HJ-NP-Z]{4}$/);
			expect(rij).toMatchObject({ jeugdregio_code: 'JZ22', jbregio_code: 'JB05', gepubliceerd: true });
		});

		it.each([
			['PII in the free text', { toelichting: 'BSN 111222333, moeder belt 06-12345678' }, '23514'],
			['an unknown gemeente', { gemeente: 'GM9999' }, '23503'],
			['an age of 24', { leeftijd: 24 }, '23514'],
			['an unknown hulpvorm', { hulpvormen: ['tovenarij'] }, '23503'],
			['four hulpvormen', { hulpvormen: ['crisisplek', 'gezinshuis', 'pleegzorg', 'behandelgroep'] }, '23514']
		] as const)('the database refuses %s', async (_naam, h, code) => {
			await expectRefused(
				t.dryRun('jeugdbeschermer')((tx) => plaats(tx, t.fx, h as NieuweHulpvraag)),
				code
			);
		});

		it('refuses a maatregel date in the future, with a Dutch message', async () => {
			await expect(
				t.dryRun('jeugdbeschermer')((tx) =>
					tx.query(
						`insert into public.hulpvragen (organisatie_id, gemeente_code, leeftijd, maatregel, maatregel_datum,
						   urgentie, hulpvorm_codes) values ($1, 'GM0344', 10, 'ots', current_date + 3, 'regulier', '{crisisplek}')`,
						[t.fx.org.gi]
					)
				)
			).rejects.toThrow('De datum van de maatregel kan niet in de toekomst liggen.');
		});

		it.each(personas.filter((p) => p !== 'jeugdbeschermer' && p !== 'gi_coordinator'))(
			'%s cannot post a hulpvraag for the GI',
			async (persona) => {
				await expectRefused(t.dryRun(persona)((tx) => plaats(tx, t.fx)));
			}
		);

		it('a published hulpvraag can only be withdrawn or explained, not edited', async () => {
			await expect(
				t.dryRun('jeugdbeschermer')(async (tx) => {
					const { id } = await plaats(tx, t.fx);
					await tx.query('update public.hulpvragen set leeftijd = 15 where id = $1', [id]);
				})
			).rejects.toThrow(/kan alleen worden ingetrokken/);
		});
	});

	describe('a GI case system with an API token', () => {
		it('a GI coordinator makes a jeugdbeschermer token; the token posts and reads hulpvragen of its GI', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'gi_coordinator');
				const token = await insertApiToken(tx, t.fx.org.gi, { naam: 'Zaaksysteem', rol: 'jeugdbeschermer' });
				await t.actAs(tx, tokenClaims(token.id));
				const { id } = await plaats(tx, t.fx);
				const matches = await count(tx, 'select 1 from public.match_aanbod($1)', [id]);
				const zelf = await count(tx, 'select 1 from public.hulpvragen where id = $1', [id]);
				return { matches, zelf };
			});
			expect(r).toEqual({ matches: 1, zelf: 1 });
		});

		it.each([
			['a jeugdbeschermer cannot make a GI token', 'jeugdbeschermer', 'jeugdbeschermer', '42501'],
			['a GI token cannot act as provider', 'gi_coordinator', 'aanbieder', ['42501', '23514']]
		] as const)('%s', async (_naam, persona, rol, code) => {
			await expectRefused(
				t.dryRun(persona)((tx) => insertApiToken(tx, t.fx.org.gi, { rol })),
				code as string | string[]
			);
		});

		it('a provider token cannot post a hulpvraag', async () => {
			await expectRefused(
				t.ownerDryRun(async (tx) => {
					const token = await insertApiToken(tx, t.fx.org.aanbiederA);
					await t.actAs(tx, tokenClaims(token.id));
					await plaats(tx, t.fx);
				})
			);
		});
	});

	describe('who sees a hulpvraag', () => {
		const zichtbaarheid = async (status: 'concept' | 'open') =>
			t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx, { status });
				const gezien: Partial<Record<Persona, number>> = {};
				for (const p of personas) {
					await t.actAs(tx, p);
					gezien[p] = await count(tx, 'select 1 from public.hulpvragen where id = $1', [id]);
				}
				return gezien;
			});

		it('a concept: only its GI', async () => {
			expect(await zichtbaarheid('concept')).toEqual({
				jeugdbeschermer: 1,
				gi_coordinator: 1,
				aanbieder: 0,
				aanbieder_b: 0,
				zorgmakelaar: 0,
				regio_analist: 0,
				expertteam: 0,
				beheerder: 0
			});
		});

		it('published: its GI and the brokers of its region; providers only once proposed to', async () => {
			expect(await zichtbaarheid('open')).toEqual({
				jeugdbeschermer: 1,
				gi_coordinator: 1,
				aanbieder: 0,
				aanbieder_b: 0,
				zorgmakelaar: 1,
				regio_analist: 0,
				expertteam: 0,
				beheerder: 0
			});
			const naVoorstel = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				await stel(tx, id, [t.fx.aanbod.A]);
				const gezien: Record<string, number> = {};
				for (const p of ['aanbieder', 'aanbieder_b'] as const) {
					await t.actAs(tx, p);
					gezien[p] = await count(tx, 'select 1 from public.hulpvragen where id = $1', [id]);
					gezien[`${p}_voorstellen`] = await count(
						tx,
						'select 1 from public.voorstellen where hulpvraag_id = $1',
						[id]
					);
				}
				return gezien;
			});
			expect(naVoorstel).toEqual({
				aanbieder: 1,
				aanbieder_voorstellen: 1,
				aanbieder_b: 0,
				aanbieder_b_voorstellen: 0
			});
		});

		it('its proposals: the GI, the brokers of its region and the provider proposed to; nobody else', async () => {
			const gezien = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				await stel(tx, id, [t.fx.aanbod.A]);
				const per: Partial<Record<Persona, number>> = {};
				for (const p of personas) {
					await t.actAs(tx, p);
					per[p] = await count(tx, 'select 1 from public.voorstellen where hulpvraag_id = $1', [id]);
				}
				return per;
			});
			expect(gezien).toEqual({
				jeugdbeschermer: 1,
				gi_coordinator: 1,
				aanbieder: 1,
				aanbieder_b: 0,
				zorgmakelaar: 1,
				regio_analist: 0,
				expertteam: 0,
				beheerder: 0
			});
		});

		it('a broker of another region does not see it', async () => {
			const gezien = await t.ownerDryRun(async (tx) => {
				await tx.query(`update public.organisaties set jbregio_code = 'JB01' where id = $1`, [
					t.fx.org.regio
				]);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				await t.actAs(tx, 'zorgmakelaar');
				return count(tx, 'select 1 from public.hulpvragen where id = $1', [id]);
			});
			expect(gezien).toBe(0);
		});

		it.each(personas)('%s cannot write voorstellen or escalaties directly', async (persona) => {
			const pogingen = [
				`insert into public.voorstellen (hulpvraag_id, aanbod_id, aanbieder_id, verloopt_op)
				   select id, '${t.fx.aanbod.A}', '${t.fx.org.aanbiederA}', now() from public.hulpvragen limit 1`,
				`update public.voorstellen set status = 'geplaatst'`,
				`delete from public.voorstellen`,
				`insert into public.escalaties (hulpvraag_id, expertteam_id, notitie)
				   select id, '${t.fx.org.expertteam}', 'Graag advies' from public.hulpvragen limit 1`
			];
			for (const sql of pogingen) await expectRefused(t.dryRun(persona)((tx) => tx.query(sql)));
		});
	});

	describe('matching', () => {
		it('ranks suitable aanbod with the parts of the score', async () => {
			const matches = await t.dryRun('jeugdbeschermer')(async (tx) => {
				const { id } = await plaats(tx, t.fx, { tags: ['lvb'] });
				return tx.query<Record<string, unknown>>('select * from public.match_aanbod($1)', [id]);
			});
			expect(matches).toHaveLength(1);
			expect(matches[0]).toMatchObject({
				aanbod_id: t.fx.aanbod.A,
				status: 'groen',
				vrij: 2,
				gecontracteerd: true,
				jeugdregio: 'Utrecht Stad',
				verbreed: false,
				score_beschikbaar: 40,
				score_versheid: 15,
				score_kenmerken: 0
			});
			const m = matches[0] as { afstand_km: string | number; score: number; score_afstand: number };
			expect(Number(m.afstand_km)).toBeGreaterThan(0);
			expect(Number(m.afstand_km)).toBeLessThan(15);
			expect(m.score).toBe(40 + 15 + m.score_afstand);
		});

		it.each([
			['age outside the range', { leeftijd: 8 }, null],
			[
				'a contra-indication',
				{ tags: ['agressie'] },
				"update public.aanbod set contra_indicaties = '{agressie}' where id = $1"
			],
			['another hulpvorm', { hulpvormen: ['gezinshuis'] }, null],
			['too far away', { gemeente: 'GM0307', afstand: 10 }, null],
			[
				'no contract for the child’s jeugdregio',
				{},
				"update public.aanbod set contract_jeugdregios = '{JZ20}' where id = $1"
			]
		] as const)('leaves out aanbod with %s', async (_naam, h, voorbereiding) => {
			const n = await t.ownerDryRun(async (tx) => {
				if (voorbereiding) await tx.query(voorbereiding, [t.fx.aanbod.A]);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx, h as NieuweHulpvraag);
				return count(tx, 'select 1 from public.match_aanbod($1) where aanbod_id = $2', [id, t.fx.aanbod.A]);
			});
			expect(n).toBe(0);
		});

		it('only those who work the case get its matches: not a provider it was proposed to', async () => {
			const n = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				await stel(tx, id, [t.fx.aanbod.A]);
				const gezien: Record<string, number> = {};
				for (const p of ['jeugdbeschermer', 'zorgmakelaar', 'aanbieder', 'regio_analist'] as const) {
					await t.actAs(tx, p);
					gezien[p] = await count(tx, 'select 1 from public.match_aanbod($1)', [id]);
				}
				return gezien;
			});
			expect(n).toEqual({ jeugdbeschermer: 1, zorgmakelaar: 1, aanbieder: 0, regio_analist: 0 });
		});

		it('leaves out aanbod that declined this hulpvraag, and widens when nobody accepted in time', async () => {
			const uitkomst = await t.ownerDryRun(async (tx) => {
				// A second crisisplek of B in Amersfoort, contracted for Eemland only.
				await tx.query(
					`insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max,
					   contract_jeugdregios, capaciteit_totaal) values ($1, $2, 'crisisplek', 'Crisis Eemland', 0, 23, '{JZ20}', 3)`,
					[t.fx.org.aanbiederB, t.fx.locatie.B]
				);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx, { verbredenNa: '-1 hour' });
				const voorAfwijzing = (
					await tx.query<{ naam: string; verbreed: boolean; gecontracteerd: boolean }>(
						'select naam, verbreed, gecontracteerd from public.match_aanbod($1)',
						[id]
					)
				).sort((a, b) => a.naam.localeCompare(b.naam));
				const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
				await t.actAs(tx, 'aanbieder');
				await tx.query(`select public.voorstel_afwijzen($1, 'past_niet_bij_doelgroep')`, [voorstel]);
				await t.actAs(tx, 'jeugdbeschermer');
				const naAfwijzing = await tx.query<{ naam: string }>('select naam from public.match_aanbod($1)', [
					id
				]);
				return { voorAfwijzing, naAfwijzing };
			});
			expect(uitkomst.voorAfwijzing).toEqual([
				{ naam: 'Crisis Eemland', verbreed: true, gecontracteerd: false },
				{ naam: 'crisisplek 4', verbreed: true, gecontracteerd: true }
			]);
			expect(uitkomst.naAfwijzing).toEqual([{ naam: 'Crisis Eemland' }]);
		});

		it('does not widen before verbreden_na, nor once a proposal was accepted', async () => {
			const verbreed = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const nog = await plaats(tx, t.fx, { verbredenNa: '2 days' });
				const geaccepteerd = await plaats(tx, t.fx, { verbredenNa: '2 days' });
				const [voorstel] = await stel(tx, geaccepteerd.id, [t.fx.aanbod.A]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				await tx.query('reset role');
				await tx.query(
					`update public.hulpvragen set verbreden_na = now() - interval '1 hour' where id = $1`,
					[geaccepteerd.id]
				);
				const rijen = await tx.query<{ id: string; v: boolean }>(
					`select id, public.hulpvraag_verbreed(verbreed_op, verbreden_na, id, now()) as v
					   from public.hulpvragen where id in ($1, $2)`,
					[nog.id, geaccepteerd.id]
				);
				return Object.fromEntries(rijen.map((r) => [r.id === nog.id ? 'nog' : 'geaccepteerd', r.v]));
			});
			expect(verbreed).toEqual({ nog: false, geaccepteerd: false });
		});
	});

	describe('proposals and holds', () => {
		it('proposes to at most 3 at once, never the same aanbod twice', async () => {
			await expect(
				t.dryRun('jeugdbeschermer')(async (tx) => {
					const { id } = await plaats(tx, t.fx);
					await stel(tx, id, [t.fx.aanbod.A, t.fx.aanbod.A]);
				})
			).rejects.toThrow('U hebt hetzelfde aanbod twee keer gekozen.');
			await expect(
				t.dryRun('jeugdbeschermer')(async (tx) => {
					const { id } = await plaats(tx, t.fx);
					await stel(tx, id, [t.fx.aanbod.A]);
					await stel(tx, id, [t.fx.aanbod.A]);
				})
			).rejects.toThrow(/al voorgesteld aan/);
			await expect(
				t.ownerDryRun(async (tx) => {
					const extra: string[] = [];
					for (let i = 0; i < 3; i++) {
						const [rij] = await tx.query<{ id: string }>(
							`insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max,
							   contract_jeugdregios, capaciteit_totaal) values ($1, $2, 'crisisplek', $3, 0, 23, '{JZ22}', 3) returning id`,
							[t.fx.org.aanbiederB, t.fx.locatie.B, `Extra ${i}`]
						);
						extra.push(rij!.id);
					}
					await t.actAs(tx, 'jeugdbeschermer');
					const { id } = await plaats(tx, t.fx);
					await stel(tx, id, [t.fx.aanbod.A, extra[0]!, extra[1]!]);
					await stel(tx, id, [extra[2]!]);
				})
			).rejects.toThrow(/hoogstens 3 aanbieders tegelijk/);
		});

		it('a provider accepts: one place is held and counted as held, not free, in search', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				await t.actAs(tx, 'zorgmakelaar');
				return { status: await statusVan(tx, voorstel!), vrij: await vrijNu(tx, t.fx.aanbod.A) };
			});
			expect(r).toEqual({ status: 'gereserveerd', vrij: 1 });
		});

		it('another provider cannot answer the proposal (RLS), and the GI cannot accept for the provider', async () => {
			for (const persona of ['aanbieder_b', 'jeugdbeschermer', 'zorgmakelaar'] as const) {
				await expectRefused(
					t.ownerDryRun(async (tx) => {
						await t.actAs(tx, 'jeugdbeschermer');
						const { id } = await plaats(tx, t.fx);
						const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
						await t.actAs(tx, persona);
						await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
					})
				);
			}
		});

		it('a hold ends by itself: past its expiry the place is free again', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				const tijdens = await vrijNu(tx, t.fx.aanbod.A);
				const [eind] = await tx.query<{ na: Date }>(
					`select verloopt_op + interval '1 second' as na from public.voorstellen where id = $1`,
					[voorstel]
				);
				const [later] = await tx.query<{ vrij: number; status: string }>(
					`select public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, $2) as vrij,
					        (select public.voorstel_status_nu(v.status, v.verloopt_op, $2)::text from public.voorstellen v where v.id = $3) as status
					   from public.aanbod_zoek z where z.aanbod_id = $1`,
					[t.fx.aanbod.A, eind!.na, voorstel]
				);
				return { tijdens, later };
			});
			expect(r).toEqual({ tijdens: 1, later: { vrij: 2, status: 'verlopen' } });
		});

		it('an expired proposal cannot be accepted', async () => {
			await expect(
				t.ownerDryRun(async (tx) => {
					await t.actAs(tx, 'jeugdbeschermer');
					const { id } = await plaats(tx, t.fx);
					const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
					await tx.query('reset role');
					await tx.query(
						`update public.voorstellen set verloopt_op = now() - interval '1 minute' where id = $1`,
						[voorstel]
					);
					await t.actAs(tx, 'aanbieder');
					await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				})
			).rejects.toThrow(/verlopen/);
		});

		it('a decline needs a reason; "anders" needs a few words', async () => {
			await expect(
				t.ownerDryRun(async (tx) => {
					await t.actAs(tx, 'jeugdbeschermer');
					const { id } = await plaats(tx, t.fx);
					const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
					await t.actAs(tx, 'aanbieder');
					await tx.query(`select public.voorstel_afwijzen($1, 'anders', '')`, [voorstel]);
				})
			).rejects.toMatchObject({ code: '23514' });
		});

		it('intake then geplaatst: the case closes, other proposals are withdrawn, capacity drops by one', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx, { hulpvormen: ['crisisplek', 'jeugd_ggz_ambulant'] });
				const [naarA, naarB] = await stel(tx, id, [t.fx.aanbod.A, t.fx.aanbod.B]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [naarA]);
				await tx.query('select public.voorstel_intake($1)', [naarA]);
				const tijdensIntake = await vrijNu(tx, t.fx.aanbod.A);
				await tx.query('select public.voorstel_plaatsen($1)', [naarA]);
				await t.actAs(tx, 'jeugdbeschermer');
				const [h] = await tx.query<{ status: string; gesloten: boolean }>(
					'select status::text, gesloten_op is not null as gesloten from public.hulpvragen where id = $1',
					[id]
				);
				await tx.query('savepoint nog_een');
				const nogEen = await tx
					.query('select public.voorstellen_doen($1, $2::uuid[])', [id, [t.fx.aanbod.B]])
					.then(() => 'toegestaan')
					.catch((e: Error) => e.message);
				await tx.query('rollback to savepoint nog_een');
				return {
					tijdensIntake,
					na: await vrijNu(tx, t.fx.aanbod.A),
					A: await statusVan(tx, naarA!),
					B: await statusVan(tx, naarB!),
					h,
					nogEen
				};
			});
			// 2 reported free; the intake holds one; placed: a new report says 1 free and nothing is held.
			expect(r).toEqual({
				tijdensIntake: 1,
				na: 1,
				A: 'geplaatst',
				B: 'ingetrokken',
				h: { status: 'geplaatst', gesloten: true },
				nogEen: 'Deze hulpvraag is al geplaatst en kan niet meer worden behandeld.'
			});
		});

		it('afgewezen na intake: back to open, the place released, the refusal counted', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				await tx.query('select public.voorstel_intake($1)', [voorstel]);
				await tx.query(`select public.voorstel_afwijzen_na_intake($1, 'contra_indicatie')`, [voorstel]);
				await t.actAs(tx, 'jeugdbeschermer');
				const [h] = await tx.query<{ status: string; n: number }>(
					'select status::text, afwijzingen_na_intake as n from public.hulpvragen where id = $1',
					[id]
				);
				return { h, vrij: await vrijNu(tx, t.fx.aanbod.A) };
			});
			expect(r).toEqual({ h: { status: 'open', n: 1 }, vrij: 2 });
		});

		it('withdrawing the hulpvraag withdraws its running proposals and frees the hold', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				await t.actAs(tx, 'jeugdbeschermer');
				await tx.query(`update public.hulpvragen set status = 'ingetrokken' where id = $1`, [id]);
				return { status: await statusVan(tx, voorstel!), vrij: await vrijNu(tx, t.fx.aanbod.A) };
			});
			expect(r).toEqual({ status: 'ingetrokken', vrij: 2 });
		});
	});

	describe('the last free place is held once', () => {
		it('20 simultaneous accepts for an aanbod with 3 free places make exactly 3 holds', async () => {
			// Committed set-up: a fresh aanbod with 3 free places and 20 hulpvragen, each proposed to it.
			const aanbod = await t.db.transaction(async (tx) => {
				const [rij] = await tx.query<{ id: string }>(
					`insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max,
					   contract_jeugdregios, capaciteit_totaal) values ($1, $2, 'gezinshuis', 'Gezinshuis gelijktijdig', 0, 23, '{JZ22}', 5)
					 returning id`,
					[t.fx.org.aanbiederA, t.fx.locatie.A]
				);
				await tx.query(`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen) values ($1, 3)`, [
					rij!.id
				]);
				return rij!.id;
			});
			const voorstellen = await t.as('jeugdbeschermer')(async (tx) => {
				const ids: string[] = [];
				for (let i = 0; i < 20; i++) {
					const { id } = await plaats(tx, t.fx, { hulpvormen: ['gezinshuis'] });
					ids.push(...(await stel(tx, id, [aanbod])));
				}
				return ids;
			});
			const uitkomsten = await Promise.allSettled(
				voorstellen.map((v) =>
					t.as('aanbieder')((tx) => tx.query('select public.voorstel_accepteren($1)', [v]))
				)
			);
			const gelukt = uitkomsten.filter((u) => u.status === 'fulfilled').length;
			const geweigerd = uitkomsten.filter(
				(u) => u.status === 'rejected' && /geen vrije plek/.test(String((u.reason as Error).message))
			).length;
			const stand = await t.as('zorgmakelaar')(async (tx) => ({
				vrij: await vrijNu(tx, aanbod),
				holds: await count(
					tx,
					`select 1 from public.voorstellen where aanbod_id = $1 and status = 'gereserveerd'`,
					[aanbod]
				)
			}));
			expect({ gelukt, geweigerd, ...stand }).toEqual({ gelukt: 3, geweigerd: 17, vrij: 0, holds: 3 });
		});
	});

	describe('brokering', () => {
		it('a broker escalates; the expertteam then sees the case and records advice; others cannot', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				await t.actAs(tx, 'expertteam');
				const voor = await count(tx, 'select 1 from public.hulpvragen where id = $1', [id]);
				await t.actAs(tx, 'zorgmakelaar');
				const [e] = await tx.query<{ id: string }>(
					`select id from public.hulpvraag_escaleren($1, 'Geen plek binnen de regio, graag bovenregionaal zoeken')`,
					[id]
				);
				await t.actAs(tx, 'expertteam');
				const na = await count(tx, 'select 1 from public.hulpvragen where id = $1', [id]);
				const advies = (
					await tx.query(
						`update public.escalaties set advies = 'Zoek bovenregionaal in Eemland' where id = $1 returning id`,
						[e!.id]
					)
				).length;
				await t.actAs(tx, 'jeugdbeschermer');
				const doorGi = (
					await tx.query(`update public.escalaties set advies = 'Eigen advies' where id = $1 returning id`, [
						e!.id
					])
				).length;
				return { voor, na, advies, doorGi };
			});
			expect(r).toEqual({ voor: 0, na: 1, advies: 1, doorGi: 0 });
		});

		it('only a broker of the region widens by hand', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				const doorGi = await tx
					.query('select public.hulpvraag_verbreden($1)', [id])
					.then(() => 'toegestaan')
					.catch(() => 'geweigerd');
				return { doorGi, id };
			});
			expect(r.doorGi).toBe('geweigerd');
			const verbreed = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				await t.actAs(tx, 'zorgmakelaar');
				await tx.query('select public.hulpvraag_verbreden($1)', [id]);
				const [rij] = await tx.query<{ v: boolean }>(
					'select public.hulpvraag_verbreed(verbreed_op, verbreden_na, id, now()) as v from public.hulpvragen where id = $1',
					[id]
				);
				const m = await tx.query('select * from public.match_aanbod($1)', [id]);
				return rij?.v && m.length > 0 ? true : { rij, m };
			});
			expect(verbreed).toBe(true);
		});
	});

	describe('timeline and read log', () => {
		it('the GI sees every step; a provider only its own proposal; reads from outside the GI are logged', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id, ref } = await plaats(tx, t.fx, { hulpvormen: ['crisisplek', 'jeugd_ggz_ambulant'] });
				const [naarA, naarB] = await stel(tx, id, [t.fx.aanbod.A, t.fx.aanbod.B]);
				await tx.query('select * from public.hulpvraag_inzien($1)', [ref]);
				await t.actAs(tx, 'aanbieder_b');
				await tx.query(`select public.voorstel_afwijzen($1, 'geen_plek')`, [naarB]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select * from public.hulpvraag_inzien($1)', [ref]);
				await tx.query('select public.voorstel_accepteren($1)', [naarA]);
				const soorten = async () =>
					(
						await tx.query<{ soort: string; status: string | null }>(
							`select soort, gegevens ->> 'status' as status from public.hulpvraag_tijdlijn($1)`,
							[id]
						)
					).map((e) => `${e.soort}${e.status ? `:${e.status}` : ''}`);
				const provider = await soorten();
				await t.actAs(tx, 'jeugdbeschermer');
				const gi = await soorten();
				await t.actAs(tx, 'regio_analist');
				const analist = await soorten();
				return { provider, gi, analist };
			});
			expect(r.gi).toEqual([
				'hulpvragen.insert:open',
				'voorstellen.insert:voorgesteld',
				'voorstellen.insert:voorgesteld',
				'voorstellen.update:afgewezen',
				'hulpvraag.ingezien',
				'voorstellen.update:gereserveerd'
			]);
			expect(r.provider).toEqual(['voorstellen.insert:voorgesteld', 'voorstellen.update:gereserveerd']);
			expect(r.analist).toEqual([]);
		});

		it('reads are logged once per reader per 15 minutes, never for the GI itself', async () => {
			const n = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				await tx.query('select public.log_inzage(array[$1]::uuid[])', [id]);
				await t.actAs(tx, 'zorgmakelaar');
				await tx.query('select public.log_inzage(array[$1]::uuid[])', [id]);
				await tx.query('select public.log_inzage(array[$1]::uuid[])', [id]);
				await t.actAs(tx, 'regio_analist');
				await tx.query('select public.log_inzage(array[$1]::uuid[])', [id]);
				await tx.query('reset role');
				return tx.query<{ actor: string }>(
					`select actor from public.gebeurtenissen where soort = 'hulpvraag.ingezien' and onderwerp_id = $1`,
					[id]
				);
			});
			// The analyst may not see the case, so it cannot "read" it either.
			expect(n).toEqual([{ actor: t.fx.user.zorgmakelaar.id }]);
		});

		it('comply or explain: an explanation only once the norm has passed, and then it stays', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx);
				const uitleg = (tekst: string) =>
					tx
						.query('savepoint u')
						.then(() =>
							tx.query('update public.hulpvragen set uitleg_overschrijding = $2 where id = $1', [id, tekst])
						)
						.then(() => 'vastgelegd')
						.catch(async (e: Error) => {
							await tx.query('rollback to savepoint u');
							return e.message;
						});
				const tevroeg = await uitleg('Nog geen passend aanbod gevonden in de regio');
				await tx.query('reset role');
				await tx.query(
					`update public.hulpvragen set norm_deadline = now() - interval '1 day' where id = $1`,
					[id]
				);
				await t.actAs(tx, 'jeugdbeschermer');
				const opTijd = await uitleg('Nog geen passend aanbod gevonden in de regio');
				const nogEens = await uitleg('Een andere uitleg achteraf');
				const [rij] = await tx.query<{ uitleg_op: Date | null }>(
					'select uitleg_op from public.hulpvragen where id = $1',
					[id]
				);
				return { tevroeg, opTijd, nogEens, vastgelegd: rij?.uitleg_op !== null };
			});
			expect(r).toEqual({
				tevroeg: 'Een uitleg hoort bij een hulpvraag die over de normtermijn is.',
				opTijd: 'vastgelegd',
				nogEens: 'De uitleg bij de overschrijding is al vastgelegd.',
				vastgelegd: true
			});
		});

		it('the log of a case keeps no free text: not the toelichting, reasons, notes or advice', async () => {
			const sleutels = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id } = await plaats(tx, t.fx, { toelichting: 'Wil graag dicht bij school blijven' });
				const [voorstel] = await stel(tx, id, [t.fx.aanbod.A]);
				await t.actAs(tx, 'aanbieder');
				await tx.query(`select public.voorstel_afwijzen($1, 'anders', 'Groep is nu te onrustig')`, [
					voorstel
				]);
				await t.actAs(tx, 'zorgmakelaar');
				const [e] = await tx.query<{ id: string }>(
					`select id from public.hulpvraag_escaleren($1, 'Graag advies over bovenregionaal zoeken')`,
					[id]
				);
				await t.actAs(tx, 'expertteam');
				await tx.query(
					`update public.escalaties set advies = 'Bel de RET', uitkomst = 'Geplaatst' where id = $1`,
					[e!.id]
				);
				await tx.query('reset role');
				return tx.query<{ key: string; waarde: string }>(
					`select k.key, k.value::text as waarde from public.gebeurtenissen g, jsonb_each(g.gegevens) k
					  where split_part(g.soort, '.', 1) in ('hulpvragen', 'voorstellen', 'escalaties')`
				);
			});
			expect(sleutels.length).toBeGreaterThan(0);
			expect(sleutels.filter((s) => /school|onrustig|bovenregionaal|RET|Geplaatst/.test(s.waarde))).toEqual(
				[]
			);
		});
	});
});
