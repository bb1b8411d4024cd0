import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import {
	HERKOMST_SQL,
	ZOEK_AANBOD_SQL,
	zoekParameters,
	type Herkomst,
	type ZoekParameters,
	type ZoekResultaat
} from '../../src/lib/server/zoeken-sql';
import { engines, useTestDatabase, type Persona } from './harness';

// The search SQL the app runs (src/lib/server/zoeken-sql.ts), as a searcher under RLS. Each test builds
// its own offerings as the owner in a transaction that is rolled back afterwards, with the fixture's
// offerings switched off, so a search returns exactly the offerings the test made.

interface Melding {
	vrij?: number;
	wachttijd?: number | null;
	/** Days from today (Amsterdam) until the next expected free place. */
	eerstvolgendeOver?: number | null;
	dagenGeleden?: number;
}

interface Aanbod {
	naam: string;
	pc4?: string;
	hulpvorm?: string;
	leeftijd?: [number, number];
	geslachten?: string[];
	tags?: string[];
	talen?: string[];
	contract?: string[];
	bovenregionaal?: boolean;
	actief?: boolean;
	/** The latest report; null: never reported. Default: 1 place free, reported now. */
	melding?: Melding | null;
}

/** Search filters as the app passes them, minus what every test would repeat. */
type Filters = Partial<Omit<ZoekParameters, 'herkomst'>> & { plaats?: string };

async function maakAanbod(tx: Queryable, organisatieId: string, a: Aanbod): Promise<void> {
	const [aanbod] = await tx.query<{ id: string }>(
		`with locatie as (
		   insert into public.locaties (organisatie_id, naam, pc4, gemeente_code)
		   select $1, 'Locatie ' || $2, p.pc4, p.gemeente_code from public.pc4 p where p.pc4 = $3
		   returning id
		 )
		 insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max,
		   geslachten, doelgroep_tags, talen, contract_jeugdregios, bovenregionaal, capaciteit_totaal, actief)
		 select $1, locatie.id, $4, $2, $5, $6, $7::text[]::public.geslacht[], $8, $9, $10, $11, 10, $12 from locatie
		 returning id`,
		[
			organisatieId,
			a.naam,
			a.pc4 ?? '3511',
			a.hulpvorm ?? 'pleegzorg',
			a.leeftijd?.[0] ?? 0,
			a.leeftijd?.[1] ?? 17,
			a.geslachten ?? [],
			a.tags ?? [],
			a.talen ?? ['nl'],
			a.contract ?? [],
			a.bovenregionaal ?? false,
			a.actief ?? true
		]
	);
	if (!aanbod) throw new Error(`maakAanbod: geen locatie voor pc4 ${a.pc4}`);
	const m = a.melding === undefined ? {} : a.melding;
	if (m === null) return;
	await tx.query(
		`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, verwachte_wachttijd_weken,
		   eerstvolgende_vrij, gemeld_op)
		 values ($1, $2, $3, (now() at time zone 'Europe/Amsterdam')::date + $4::int, now() - make_interval(days => $5))`,
		[aanbod.id, m.vrij ?? 1, m.wachttijd ?? null, m.eerstvolgendeOver ?? null, m.dagenGeleden ?? 0]
	);
}

describe.each(engines())('search SQL on %s', (engine) => {
	const t = useTestDatabase(engine);

	const herkomstVan = async (tx: Queryable, plaats: string) =>
		(await tx.query<Herkomst>(HERKOMST_SQL, [plaats]))[0] ?? null;

	const zoekIn = async (tx: Queryable, filters: Filters): Promise<ZoekResultaat[]> => {
		const { plaats, ...rest } = filters;
		const herkomst = plaats ? await herkomstVan(tx, plaats) : null;
		if (plaats && !herkomst) throw new Error(`onbekende plaats ${plaats}`);
		return tx.query<ZoekResultaat>(
			ZOEK_AANBOD_SQL,
			zoekParameters({ hulpvormen: [], tags: [], regio: 'alle', limiet: 100, vanaf: 0, ...rest, herkomst })
		);
	};

	/**
	 * Builds these offerings (of aanbieder A) with the fixture's switched off, then runs `fn` as the
	 * persona with `zoek(filters)` → the names found, in order. Everything is rolled back afterwards.
	 */
	const metAanbod = <T>(
		aanbod: Aanbod[],
		fn: (zoek: (filters?: Filters) => Promise<string[]>, tx: Queryable) => Promise<T>,
		persona: Persona = 'jeugdbeschermer'
	): Promise<T> =>
		t.ownerDryRun(async (tx) => {
			await tx.query('update public.aanbod set actief = false where id = any($1::uuid[])', [
				[t.fx.aanbod.A, t.fx.aanbod.B]
			]);
			for (const a of aanbod) await maakAanbod(tx, t.fx.org.aanbiederA, a);
			await t.actAs(tx, persona);
			return fn(async (filters = {}) => (await zoekIn(tx, filters)).map((r) => r.naam), tx);
		});

	describe('ranking', () => {
		const aanbod: Aanbod[] = [
			{ naam: 'grijs zonder melding', melding: null },
			{ naam: 'grijs oud', melding: { vrij: 3, dagenGeleden: 20 } },
			{ naam: 'rood onbekend', melding: { vrij: 0 } },
			{ naam: 'rood 10 weken', melding: { vrij: 0, wachttijd: 10 } },
			{ naam: 'oranje 3 weken', melding: { vrij: 0, wachttijd: 3 } },
			{ naam: 'oranje 1 week', melding: { vrij: 0, eerstvolgendeOver: 5 } },
			{ naam: 'groen ver', pc4: '3811' },
			{ naam: 'groen dichtbij', pc4: '3512' }
		];

		it('ranks groen, oranje, rood, grijs; then the soonest start; then distance', async () => {
			const result = await metAanbod(aanbod, async (_zoek, tx) =>
				(await zoekIn(tx, { plaats: '3511' })).map((r) => ({
					naam: r.naam,
					status: r.status,
					start: r.startOverWeken
				}))
			);
			expect(result).toEqual([
				{ naam: 'groen dichtbij', status: 'groen', start: 0 },
				{ naam: 'groen ver', status: 'groen', start: 0 },
				{ naam: 'oranje 1 week', status: 'oranje', start: 1 },
				{ naam: 'oranje 3 weken', status: 'oranje', start: 3 },
				{ naam: 'rood 10 weken', status: 'rood', start: 10 },
				{ naam: 'rood onbekend', status: 'rood', start: null },
				{ naam: 'grijs oud', status: 'grijs', start: 0 },
				{ naam: 'grijs zonder melding', status: 'grijs', start: null }
			]);
		});

		it.each(['zorgmakelaar', 'gi_coordinator', 'expertteam'] as const)(
			'%s finds the same, in the same order',
			async (persona) => {
				const alsJeugdbeschermer = await metAanbod(aanbod, (zoek) => zoek({ plaats: '3511' }));
				const alsPersona = await metAanbod(aanbod, (zoek) => zoek({ plaats: '3511' }), persona);
				expect(alsPersona).toEqual(alsJeugdbeschermer);
				expect(alsPersona).toHaveLength(aanbod.length);
			}
		);

		it('pages through the ranking, counting every result', async () => {
			const page = await metAanbod(aanbod, async (_zoek, tx) =>
				(await zoekIn(tx, { plaats: '3511', limiet: 3, vanaf: 3 })).map((r) => [r.naam, r.totaal])
			);
			expect(page).toEqual([
				['oranje 3 weken', 8],
				['rood 10 weken', 8],
				['rood onbekend', 8]
			]);
		});
	});

	describe('filters', () => {
		it('hulpvorm: any of the chosen ones', async () => {
			const found = await metAanbod(
				[
					{ naam: 'crisis', hulpvorm: 'crisisplek' },
					{ naam: 'pleeg', hulpvorm: 'pleegzorg' },
					{ naam: 'gezinshuis', hulpvorm: 'gezinshuis' }
				],
				async (zoek) => ({
					een: await zoek({ hulpvormen: ['crisisplek'] }),
					twee: (await zoek({ hulpvormen: ['pleegzorg', 'gezinshuis'] })).sort(),
					geen: await zoek({ hulpvormen: ['jeugd_fact'] })
				})
			);
			expect(found).toEqual({ een: ['crisis'], twee: ['gezinshuis', 'pleeg'], geen: [] });
		});

		it('leeftijd: inside the offering’s range, bounds included', async () => {
			const found = await metAanbod(
				[
					{ naam: 'jong', leeftijd: [0, 11] },
					{ naam: 'tiener', leeftijd: [12, 17] },
					{ naam: 'jongvolwassen', leeftijd: [18, 23] }
				],
				async (zoek) => {
					const perLeeftijd: Record<number, string[]> = {};
					for (const leeftijd of [0, 11, 12, 17, 18, 23]) perLeeftijd[leeftijd] = await zoek({ leeftijd });
					return perLeeftijd;
				}
			);
			expect(found).toEqual({
				0: ['jong'],
				11: ['jong'],
				12: ['tiener'],
				17: ['tiener'],
				18: ['jongvolwassen'],
				23: ['jongvolwassen']
			});
		});

		it('geslacht: offerings for that gender and those for everyone (no genders listed)', async () => {
			const found = await metAanbod(
				[
					{ naam: 'iedereen', geslachten: [] },
					{ naam: 'meisjes', geslachten: ['meisje'] },
					{ naam: 'jongens en anders', geslachten: ['jongen', 'anders'] }
				],
				async (zoek) => ({
					meisje: (await zoek({ geslacht: 'meisje' })).sort(),
					jongen: (await zoek({ geslacht: 'jongen' })).sort(),
					anders: (await zoek({ geslacht: 'anders' })).sort(),
					alle: (await zoek()).length
				})
			);
			expect(found).toEqual({
				meisje: ['iedereen', 'meisjes'],
				jongen: ['iedereen', 'jongens en anders'],
				anders: ['iedereen', 'jongens en anders'],
				alle: 3
			});
		});

		it('tags: every chosen tag is required', async () => {
			const found = await metAanbod(
				[
					{ naam: 'geen', tags: [] },
					{ naam: 'trauma', tags: ['trauma'] },
					{ naam: 'trauma en lvb', tags: ['lvb', 'trauma'] }
				],
				async (zoek) => ({
					trauma: (await zoek({ tags: ['trauma'] })).sort(),
					beide: await zoek({ tags: ['trauma', 'lvb'] }),
					geen: (await zoek({ tags: [] })).length
				})
			);
			expect(found).toEqual({ trauma: ['trauma', 'trauma en lvb'], beide: ['trauma en lvb'], geen: 3 });
		});

		it('taal: offerings in that language', async () => {
			const found = await metAanbod(
				[
					{ naam: 'nederlands', talen: ['nl'] },
					{ naam: 'tweetalig', talen: ['nl', 'en'] },
					{ naam: 'arabisch', talen: ['ar'] }
				],
				async (zoek) => ({
					nl: (await zoek({ taal: 'nl' })).sort(),
					en: await zoek({ taal: 'en' }),
					tr: await zoek({ taal: 'tr' })
				})
			);
			expect(found).toEqual({ nl: ['nederlands', 'tweetalig'], en: ['tweetalig'], tr: [] });
		});

		it('afstand: within so many km of the origin, nearest first, with the distance', async () => {
			// From Woerden (3445): Harmelen (3481) 3.999 km, almost due east; Utrecht (3511) 14.8 km.
			const aanbod: Aanbod[] = [
				{ naam: 'Woerden', pc4: '3445' },
				{ naam: 'Harmelen', pc4: '3481' },
				{ naam: 'Utrecht', pc4: '3511' },
				{ naam: 'Maastricht', pc4: '6211' }
			];
			const found = await metAanbod(aanbod, async (zoek, tx) => ({
				drie: await zoek({ plaats: '3445', afstand: 3 }),
				// At the edge of the radius, where a too tight bounding box would already have dropped it.
				vier: await zoek({ plaats: '3445', afstand: 4 }),
				vijftien: await zoek({ plaats: '3445', afstand: 15 }),
				afstanden: (await zoekIn(tx, { plaats: '3445' })).map((r) => [r.naam, r.afstandKm])
			}));
			expect(found).toEqual({
				drie: ['Woerden'],
				vier: ['Woerden', 'Harmelen'],
				vijftien: ['Woerden', 'Harmelen', 'Utrecht'],
				afstanden: [
					['Woerden', 0],
					['Harmelen', 4],
					['Utrecht', 14.8],
					['Maastricht', 148.3]
				]
			});
		});

		it('afstand: the bounding box never drops an offering inside the radius', async () => {
			// Every direction from Utrecht, each searched with a radius of exactly its own distance.
			const pc4s = ['3446', '3445', '3481', '3811', '3451', '1011', '6211', '9711', '4331', '7511', '2511'];
			const verloren = await metAanbod(
				pc4s.map((pc4) => ({ naam: pc4, pc4 })),
				async (zoek, tx) => {
					const afstanden = await tx.query<{ pc4: string; km: number }>(
						`select t.pc4, public.afstand_km(o.lat, o.lon, t.lat, t.lon) as km
						   from public.pc4 o, public.pc4 t where o.pc4 = '3511' and t.pc4 = any($1::text[])`,
						[pc4s]
					);
					const missend: string[] = [];
					for (const { pc4, km } of afstanden) {
						if (!(await zoek({ plaats: '3511', afstand: km })).includes(pc4)) missend.push(pc4);
					}
					return missend;
				}
			);
			expect(verloren).toEqual([]);
		});

		it('beschikbaar: free now, or a start within so many weeks (never grijs)', async () => {
			const found = await metAanbod(
				[
					{ naam: 'vrij', melding: { vrij: 2 } },
					{ naam: 'over 3 weken vrij', melding: { vrij: 0, eerstvolgendeOver: 20 } },
					{ naam: 'wacht 4 weken', melding: { vrij: 0, wachttijd: 4 } },
					{ naam: 'wacht 10 weken', melding: { vrij: 0, wachttijd: 10 } },
					{ naam: 'onbekend', melding: { vrij: 0 } },
					{ naam: 'oud maar vrij', melding: { vrij: 2, dagenGeleden: 15 } },
					{ naam: 'nooit gemeld', melding: null }
				],
				async (zoek) => ({
					vrijNu: await zoek({ beschikbaar: 'vrij_nu' }),
					binnen3: await zoek({ beschikbaar: 'binnen', weken: 3 }),
					binnen4: await zoek({ beschikbaar: 'binnen', weken: 4 }),
					binnen12: await zoek({ beschikbaar: 'binnen', weken: 12 })
				})
			);
			expect(found).toEqual({
				vrijNu: ['vrij'],
				binnen3: ['vrij', 'over 3 weken vrij'],
				binnen4: ['vrij', 'over 3 weken vrij', 'wacht 4 weken'],
				binnen12: ['vrij', 'over 3 weken vrij', 'wacht 4 weken', 'wacht 10 weken']
			});
		});

		describe('contract', () => {
			// 3511 lies in Utrecht Stad (JZ22), in the jeugdbeschermingsregio Utrecht en Flevoland (JB05).
			const aanbod: Aanbod[] = [
				{ naam: 'gecontracteerd', contract: ['JZ20', 'JZ22'] },
				{ naam: 'bovenregionaal', contract: ['JZ20'], bovenregionaal: true },
				{ naam: 'elders', contract: ['JZ20'] }
			];

			it('regio: contracted for the child’s jeugdregio, optionally also bovenregionaal', async () => {
				const found = await metAanbod(aanbod, async (zoek, tx) => ({
					contract: await zoek({ plaats: '3511', regio: 'contract' }),
					contractOfBoven: (await zoek({ plaats: '3511', regio: 'contract_of_boven' })).sort(),
					alle: (await zoekIn(tx, { plaats: '3511', regio: 'alle' }))
						.map((r) => [r.naam, r.gecontracteerd])
						.sort(),
					// Without an origin there is no jeugdregio to hold a contract against: no filter.
					zonderPlaats: (await zoek({ regio: 'contract' })).length
				}));
				expect(found).toEqual({
					contract: ['gecontracteerd'],
					contractOfBoven: ['bovenregionaal', 'gecontracteerd'],
					alle: [
						['bovenregionaal', false],
						['elders', false],
						['gecontracteerd', true]
					],
					zonderPlaats: 3
				});
			});

			it('jeugdregio (a wijzer cell): contracted for it, or bovenregionaal in its jeugdbeschermingsregio', async () => {
				const found = await metAanbod(
					[
						...aanbod,
						{ naam: 'bovenregionaal in Limburg', pc4: '6211', contract: ['JZ41'], bovenregionaal: true }
					],
					async (zoek) => ({
						utrechtStad: (await zoek({ jeugdregio: 'JZ22' })).sort(),
						zuidLimburg: (await zoek({ jeugdregio: 'JZ41' })).sort()
					})
				);
				expect(found).toEqual({
					utrechtStad: ['bovenregionaal', 'gecontracteerd'],
					zuidLimburg: ['bovenregionaal in Limburg']
				});
			});
		});

		it.each(['jeugdbeschermer', 'aanbieder'] as const)(
			'an inactive offering never appears, not even to its own provider (%s)',
			async (persona) => {
				const found = await metAanbod(
					[
						{ naam: 'actief', melding: { vrij: 1 } },
						{ naam: 'inactief', actief: false, melding: { vrij: 5 } }
					],
					(zoek) => zoek({ plaats: '3511', hulpvormen: ['pleegzorg'], beschikbaar: 'vrij_nu' }),
					persona
				);
				expect(found).toEqual(['actief']);
			}
		);
	});

	describe('HERKOMST_SQL: where the child lives', () => {
		const utrecht = { gemeenteCode: 'GM0344', gemeente: 'Utrecht', jeugdregioCode: 'JZ22' };
		const vind = (plaats: string) => t.as('jeugdbeschermer')((tx) => herkomstVan(tx, plaats));

		it('resolves a PC4 to its own point', async () => {
			expect(await vind('3511')).toEqual({ ...utrecht, pc4: '3511', lat: 52.08841, lon: 5.1176 });
		});

		it.each(['GM0344', 'gm0344', 'Utrecht', 'utrecht', 'UTRECHT'])(
			'resolves %s to the gemeente’s centroid',
			async (plaats) => {
				expect(await vind(plaats)).toEqual({ ...utrecht, pc4: null, lat: 52.09095, lon: 5.07567 });
			}
		);

		it('resolves a name with an apostrophe', async () => {
			expect(await vind("'s-gravenhage")).toMatchObject({ gemeenteCode: 'GM0518' });
		});

		it.each(['Atlantis', '0000', '1000', 'GM9999', ''])('finds nothing for %j', async (plaats) => {
			expect(await vind(plaats)).toBeNull();
		});
	});
});
