import webpush from 'web-push';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	startPushVerzender,
	verstuurWachtende,
	type VerzendOpties
} from '../../src/lib/server/push/verzender';
import type { VapidSleutels } from '../../src/lib/server/push/sleutels';
import type { Queryable } from '../../src/lib/server/db/types';
import {
	count,
	engines,
	expectRefused,
	useTestDatabase,
	type Fixture,
	type Persona,
	type TestDatabase
} from './harness';
import { browserSleutels, startPushDienst, type PushDienst } from './push-dienst';

// Web push (issue 5 §3): subscriptions are each person's own (RLS, as every role); the triggers queue a
// push once per person and event for the right people; the time-based function queues once; and the
// sender, end to end against a real push service on loopback (HTTPS, VAPID, aes128gcm), delivers a
// payload without any case field, removes subscriptions the service calls gone and retries failures.

const sleutels = (() => {
	const paar = webpush.generateVAPIDKeys();
	return { ...paar, subject: 'mailto:beheer@beschikbaarheidswijzer.nl' } satisfies VapidSleutels;
})();

/** Back to the owner within a transaction that acted as someone (the queue is the owner's only). */
const alsEigenaar = (tx: Queryable) => tx.query('reset role');

/** A subscription for this user, inserted by the owner, with a real browser key pair. */
async function abonneer(q: Queryable, userId: string, endpoint?: string): Promise<string> {
	const b = browserSleutels();
	const [rij] = await q.query<{ id: string }>(
		`insert into public.push_abonnementen (user_id, endpoint, p256dh, auth, apparaat)
		 values ($1, $2, $3, $4, 'Chrome op Android') returning id`,
		[userId, endpoint ?? `https://push.example.com/${crypto.randomUUID()}`, b.p256dh, b.auth]
	);
	if (!rij) throw new Error('abonneer: no row');
	return rij.id;
}

/** Posts an open hulpvraag for the fixture's GI as whoever tx acts as. */
async function plaats(
	tx: Queryable,
	fx: Fixture,
	hulpvormen = ['crisisplek']
): Promise<{ id: string; ref: string }> {
	const [rij] = await tx.query<{ id: string; referentie: string }>(
		`insert into public.hulpvragen (organisatie_id, gemeente_code, leeftijd, maatregel, maatregel_datum, urgentie,
		   hulpvorm_codes, status, norm_deadline, verbreden_na)
		 values ($1, 'GM0344', 14, 'ots', current_date, 'hoog', $2, 'open',
		         now() + interval '2 months', now() + interval '2 days')
		 returning id, referentie`,
		[fx.org.gi, hulpvormen]
	);
	if (!rij) throw new Error('plaats: no row');
	return { id: rij.id, ref: rij.referentie };
}

const stel = async (tx: Queryable, hv: string, aanbod: string): Promise<string> => {
	const [rij] = await tx.query<{ id: string }>('select id from public.voorstellen_doen($1, $2::uuid[])', [
		hv,
		[aanbod]
	]);
	if (!rij) throw new Error('stel: no row');
	return rij.id;
};

interface Rij {
	user_id: string;
	soort: string;
	sleutel: string;
	url: string;
}

/** The queue as the owner sees it (within tx), ordered. */
const wachtrij = (tx: Queryable): Promise<Rij[]> =>
	tx.query<Rij>('select user_id, soort, sleutel, url from private.push_berichten order by id');

describe.each(engines())('web push on %s', (engine) => {
	const t: TestDatabase = useTestDatabase(engine);
	const wie = (p: Persona) => t.fx.user[p].id;

	describe('subscriptions (RLS)', () => {
		it('a user adds and sees their own subscriptions only; anon sees nothing', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await abonneer(tx, wie('aanbieder_b'));
				await t.actAs(tx, 'aanbieder');
				const b = browserSleutels();
				await tx.query(
					`insert into public.push_abonnementen (endpoint, p256dh, auth, apparaat)
					 values ('https://push.example.com/eigen', $1, $2, 'Firefox op Windows')`,
					[b.p256dh, b.auth]
				);
				const eigen = await tx.query<{ user_id: string }>('select user_id from public.push_abonnementen');
				await t.actAs(tx, 'jeugdbeschermer');
				const ander = await count(tx, 'select 1 from public.push_abonnementen');
				return { eigen, ander };
			});
			expect(r.eigen).toEqual([{ user_id: wie('aanbieder') }]);
			expect(r.ander).toBe(0);
			await expectRefused(t.anonDryRun((tx) => tx.query('select 1 from public.push_abonnementen')));
		});

		it('a user cannot add a subscription for someone else, nor change one', async () => {
			const b = browserSleutels();
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query(
						`insert into public.push_abonnementen (user_id, endpoint, p256dh, auth)
						 values ($1, 'https://push.example.com/x', $2, $3)`,
						[wie('aanbieder_b'), b.p256dh, b.auth]
					)
				)
			);
			await expectRefused(
				t.ownerDryRun(async (tx) => {
					await abonneer(tx, wie('aanbieder'));
					await t.actAs(tx, 'aanbieder');
					await tx.query(`update public.push_abonnementen set apparaat = 'Edge op Windows'`);
				})
			);
		});

		it('a user removes their own subscriptions, never someone else’s', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				const van_b = await abonneer(tx, wie('aanbieder_b'));
				const eigen = await abonneer(tx, wie('aanbieder'));
				await t.actAs(tx, 'aanbieder');
				const ander = await tx.query('delete from public.push_abonnementen where id = $1 returning id', [
					van_b
				]);
				const zelf = await tx.query('delete from public.push_abonnementen where id = $1 returning id', [
					eigen
				]);
				await alsEigenaar(tx);
				return {
					ander: ander.length,
					zelf: zelf.length,
					over: await count(tx, 'select 1 from public.push_abonnementen')
				};
			});
			expect(r).toEqual({ ander: 0, zelf: 1, over: 1 });
		});

		it('the database refuses http endpoints, malformed keys and free-text device names', async () => {
			const b = browserSleutels();
			for (const [endpoint, p256dh, auth, apparaat] of [
				['http://push.example.com/x', b.p256dh, b.auth, ''],
				['https://push.example.com/x', 'A' + b.p256dh.slice(1), b.auth, ''],
				['https://push.example.com/x', b.p256dh, 'kort', ''],
				['https://push.example.com/x', b.p256dh, b.auth, 'Telefoon 0612345678']
			]) {
				await expectRefused(
					t.dryRun('aanbieder')((tx) =>
						tx.query(
							'insert into public.push_abonnementen (endpoint, p256dh, auth, apparaat) values ($1, $2, $3, $4)',
							[endpoint, p256dh, auth, apparaat]
						)
					),
					'23514'
				);
			}
		});

		it('push_abonneren: a browser another user subscribed on before now pushes for the new user', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await abonneer(tx, wie('aanbieder_b'), 'https://push.example.com/gedeeld');
				await t.actAs(tx, 'aanbieder');
				const b = browserSleutels();
				const args = ['https://push.example.com/gedeeld', b.p256dh, b.auth, 'Chrome op Android'];
				const [eerste] = await tx.query<{ id: string }>(
					'select public.push_abonneren($1, $2, $3, $4) as id',
					args
				);
				const [tweede] = await tx.query<{ id: string }>(
					'select public.push_abonneren($1, $2, $3, $4) as id',
					args
				);
				await alsEigenaar(tx);
				const rijen = await tx.query<{ user_id: string }>(
					`select user_id from public.push_abonnementen where endpoint = 'https://push.example.com/gedeeld'`
				);
				return { zelfde: eerste?.id === tweede?.id, rijen };
			});
			expect(r).toEqual({ zelfde: true, rijen: [{ user_id: wie('aanbieder') }] });
		});

		it('push_abonneren: at most 10 devices per user, with a Dutch message', async () => {
			await expect(
				t.ownerDryRun(async (tx) => {
					for (let i = 0; i < 10; i++) await abonneer(tx, wie('aanbieder'));
					await t.actAs(tx, 'aanbieder');
					const b = browserSleutels();
					await tx.query("select public.push_abonneren('https://push.example.com/elfde', $1, $2, '')", [
						b.p256dh,
						b.auth
					]);
				})
			).rejects.toThrow(/al aan op 10 apparaten/);
		});

		it('signed-in users can neither read the queue nor queue pushes themselves', async () => {
			await expectRefused(t.dryRun('aanbieder')((tx) => tx.query('select 1 from private.push_berichten')));
			await expectRefused(
				t.dryRun('zorgmakelaar')((tx) => tx.query('select private.push_tijdgebonden(now())'))
			);
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query(`select private.push_in_wachtrij(array[$1::uuid], 'test', 'x:y', '/inbox')`, [
						wie('aanbieder')
					])
				)
			);
		});

		it('a test push: refused without a device, then at most one per minute', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'regio_analist');
				const zonder = await tx.query<{ u: string }>('select public.push_testmelding() as u');
				await alsEigenaar(tx);
				await abonneer(tx, wie('regio_analist'));
				await t.actAs(tx, 'regio_analist');
				const eerste = await tx.query<{ u: string }>('select public.push_testmelding() as u');
				const tweede = await tx.query<{ u: string }>('select public.push_testmelding() as u');
				await alsEigenaar(tx);
				return {
					zonder: zonder[0]?.u,
					eerste: eerste[0]?.u,
					tweede: tweede[0]?.u,
					rijen: await wachtrij(tx)
				};
			});
			expect(r).toMatchObject({ zonder: 'geen_apparaat', eerste: 'in_wachtrij', tweede: 'al_gevraagd' });
			expect(r.rijen).toEqual([
				{
					user_id: wie('regio_analist'),
					soort: 'test',
					sleutel: expect.stringMatching(/^test:/),
					url: '/instellingen'
				}
			]);
		});
	});

	describe('what queues a push, for whom, once', () => {
		/** Everyone has a device with push on, so the queue shows exactly whom each event is for. */
		const iedereenAbonnee = async (tx: Queryable) => {
			for (const p of Object.keys(t.fx.user) as Persona[]) await abonneer(tx, wie(p));
		};

		it('a new proposal: the provider’s staff; each answer: the jeugdbeschermer who posted the case', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await iedereenAbonnee(tx);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id: hv } = await plaats(tx, t.fx);
				const voorstel = await stel(tx, hv, t.fx.aanbod.A);
				await alsEigenaar(tx);
				const naVoorstel = await wachtrij(tx);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				await tx.query('select public.voorstel_intake($1)', [voorstel]);
				await alsEigenaar(tx);
				const naAntwoord = (await wachtrij(tx)).slice(naVoorstel.length);
				// The same event again queues nothing.
				const [opnieuw] = await tx.query<{ n: number }>(
					`select private.push_in_wachtrij(array[$1::uuid], 'antwoord', $2, '/inbox') as n`,
					[wie('jeugdbeschermer'), `voorstel:${voorstel}:gereserveerd`]
				);
				return { naVoorstel, naAntwoord, voorstel, opnieuw: opnieuw?.n };
			});
			expect(r.naVoorstel).toEqual([
				{
					user_id: wie('aanbieder'),
					soort: 'nieuw_voorstel',
					sleutel: `voorstel:${r.voorstel}:nieuw`,
					url: '/voorstellen'
				}
			]);
			expect(r.naAntwoord).toEqual([
				{
					user_id: wie('jeugdbeschermer'),
					soort: 'antwoord',
					sleutel: `voorstel:${r.voorstel}:gereserveerd`,
					url: '/inbox'
				},
				{
					user_id: wie('jeugdbeschermer'),
					soort: 'antwoord',
					sleutel: `voorstel:${r.voorstel}:intake`,
					url: '/inbox'
				}
			]);
			expect(r.opnieuw).toBe(0);
		});

		it('a refusal pushes too; a withdrawal by the GI itself does not', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await iedereenAbonnee(tx);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id: hv } = await plaats(tx, t.fx, ['crisisplek', 'jeugd_ggz_ambulant']);
				const afgewezen = await stel(tx, hv, t.fx.aanbod.A);
				const ingetrokken = await stel(tx, hv, t.fx.aanbod.B);
				await tx.query('select public.voorstel_intrekken($1)', [ingetrokken]);
				await t.actAs(tx, 'aanbieder');
				await tx.query(`select public.voorstel_afwijzen($1, 'geen_plek')`, [afgewezen]);
				await alsEigenaar(tx);
				return (await wachtrij(tx)).filter((w) => w.soort === 'antwoord').map((w) => w.sleutel);
			});
			expect(r).toEqual([expect.stringMatching(/:afgewezen$/)]);
		});

		it('a case posted through an API token (no poster): the answer goes to every jeugdbeschermer of the GI', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await iedereenAbonnee(tx);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id: hv } = await plaats(tx, t.fx);
				const voorstel = await stel(tx, hv, t.fx.aanbod.A);
				await alsEigenaar(tx);
				await tx.query('update public.hulpvragen set aangemaakt_door = null where id = $1', [hv]);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				await alsEigenaar(tx);
				return (await wachtrij(tx)).filter((w) => w.soort === 'antwoord').map((w) => w.user_id);
			});
			expect(r).toEqual([wie('jeugdbeschermer')]);
		});

		it('an escalation: the members of the region’s expertteam', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await iedereenAbonnee(tx);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id: hv } = await plaats(tx, t.fx);
				const [e] = await tx.query<{ id: string }>(
					`select id from public.hulpvraag_escaleren($1, 'Geen passend aanbod in de regio.')`,
					[hv]
				);
				await alsEigenaar(tx);
				return { rijen: await wachtrij(tx), escalatie: e?.id };
			});
			expect(r.rijen).toEqual([
				{
					user_id: wie('expertteam'),
					soort: 'escalatie',
					sleutel: `escalatie:${r.escalatie}`,
					url: '/expertteam'
				}
			]);
		});

		it('nobody without a device with push on is queued', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await t.actAs(tx, 'jeugdbeschermer');
				const { id: hv } = await plaats(tx, t.fx);
				await stel(tx, hv, t.fx.aanbod.A);
				await tx.query(`select public.hulpvraag_escaleren($1, 'Geen passend aanbod in de regio.')`, [hv]);
				await alsEigenaar(tx);
				return count(tx, 'select 1 from private.push_berichten');
			});
			expect(r).toBe(0);
		});

		it('time: a hold ending within 2 hours and a passed norm, each queued once', async () => {
			const r = await t.ownerDryRun(async (tx) => {
				await iedereenAbonnee(tx);
				await t.actAs(tx, 'jeugdbeschermer');
				const { id: hv } = await plaats(tx, t.fx);
				const { id: oud } = await plaats(tx, t.fx);
				const { id: later } = await plaats(tx, t.fx);
				const voorstel = await stel(tx, hv, t.fx.aanbod.A);
				const voorstelLater = await stel(tx, later, t.fx.aanbod.A);
				await t.actAs(tx, 'aanbieder');
				await tx.query('select public.voorstel_accepteren($1)', [voorstel]);
				await tx.query('select public.voorstel_accepteren($1)', [voorstelLater]);
				await alsEigenaar(tx);
				await tx.query(
					`update public.voorstellen set verloopt_op = now() + interval '90 minutes' where id = $1`,
					[voorstel]
				);
				await tx.query(
					`update public.voorstellen set verloopt_op = now() + interval '3 hours' where id = $1`,
					[voorstelLater]
				);
				await tx.query(
					`update public.hulpvragen set norm_deadline = now() - interval '1 hour' where id = $1`,
					[hv]
				);
				// Passed long ago: left to the inbox (and to the comply-or-explain list).
				await tx.query(
					`update public.hulpvragen set norm_deadline = now() - interval '8 days' where id = $1`,
					[oud]
				);
				await tx.query('delete from private.push_berichten');
				const [eerste] = await tx.query<{ n: number }>('select private.push_tijdgebonden(now()) as n');
				const [tweede] = await tx.query<{ n: number }>('select private.push_tijdgebonden(now()) as n');
				return { eerste: eerste?.n, tweede: tweede?.n, rijen: await wachtrij(tx), voorstel, hv };
			});
			expect(r.eerste).toBe(2);
			expect(r.tweede).toBe(0);
			expect(r.rijen).toEqual([
				{
					user_id: wie('jeugdbeschermer'),
					soort: 'hold_verloopt',
					sleutel: `voorstel:${r.voorstel}:hold_verloopt`,
					url: '/inbox'
				},
				{
					user_id: wie('zorgmakelaar'),
					soort: 'norm_verlopen',
					sleutel: `hulpvraag:${r.hv}:norm_verlopen`,
					url: '/inbox'
				}
			]);
		});

		it('NOTIFY push wakes the sender when rows are queued', async () => {
			const ontvangen: string[] = [];
			const stop = await t.db.listen('push', (p) => ontvangen.push(p));
			try {
				const id = await abonneer(t.db, wie('beheerder'));
				await t.as('beheerder')((tx) => tx.query('select public.push_testmelding()'));
				for (let i = 0; i < 100 && ontvangen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
				expect(ontvangen.length).toBeGreaterThan(0);
				await t.db.query('delete from public.push_abonnementen where id = $1', [id]);
				await t.db.query('delete from private.push_berichten');
			} finally {
				await stop();
			}
		});
	});

	describe('sending, end to end, to a push service on loopback', () => {
		let dienst: PushDienst;
		const opties = (): VerzendOpties => ({
			db: t.db,
			sleutels,
			agent: dienst.agent,
			timeoutMs: 1500,
			log: () => {}
		});

		beforeAll(async () => {
			dienst = await startPushDienst();
		});
		afterAll(async () => {
			await dienst.close();
		});
		afterEach(async () => {
			await t.db.query('delete from public.push_abonnementen');
			await t.db.query('delete from private.push_berichten');
			dienst.verzoeken.length = 0;
		});

		/** A subscription on the loopback service for this persona, with the browser's keys. */
		const abonneerOpDienst = async (p: Persona, pad: string) => {
			const b = browserSleutels();
			const [rij] = await t.db.query<{ id: string }>(
				`insert into public.push_abonnementen (user_id, endpoint, p256dh, auth, apparaat)
				 values ($1, $2, $3, $4, 'Firefox op Linux') returning id`,
				[wie(p), `${dienst.origin}${pad}`, b.p256dh, b.auth]
			);
			return { id: rij!.id, ...b };
		};

		it('a proposal made in the app reaches the provider’s device: VAPID, TTL, aes128gcm, no case field', async () => {
			const browser = await abonneerOpDienst('aanbieder', '/push/aanbieder');
			// The sender as the server runs it: LISTEN on push, woken by the proposal's commit.
			const verzender = await startPushVerzender({ ...opties(), tikMs: 3_600_000 });
			if (!verzender) throw new Error('de verzender startte niet');
			let zaak: { hv: string; ref: string; voorstel: string };
			try {
				zaak = await t.as('jeugdbeschermer')(async (tx) => {
					const { id: hv, ref } = await plaats(tx, t.fx);
					return { hv, ref, voorstel: await stel(tx, hv, t.fx.aanbod.A) };
				});
				await dienst.wachtOp(1);
				await verzender.wek();
			} finally {
				await verzender.stop();
			}

			expect(dienst.verzoeken).toHaveLength(1);
			const verzoek = dienst.verzoeken[0]!;
			expect(verzoek.methode).toBe('POST');
			expect(verzoek.pad).toBe('/push/aanbieder');
			expect(verzoek.headers['content-encoding']).toBe('aes128gcm');
			expect(verzoek.headers.ttl).toBe(String(24 * 60 * 60));
			expect(verzoek.headers.urgency).toBe('high');
			const vapid = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(
				String(verzoek.headers.authorization)
			);
			expect(vapid?.[4]).toBe(sleutels.publicKey);
			const jwt = JSON.parse(Buffer.from(vapid![2]!, 'base64url').toString('utf8')) as Record<
				string,
				unknown
			>;
			expect(jwt).toMatchObject({ aud: dienst.origin, sub: sleutels.subject });

			const tekst = browser.ontsleutel(verzoek.body);
			const payload = JSON.parse(tekst) as Record<string, unknown>;
			expect(Object.keys(payload).sort()).toEqual(['soort', 'tekst', 'titel', 'url']);
			expect(payload).toEqual({
				soort: 'nieuw_voorstel',
				titel: 'Nieuw voorstel',
				tekst: 'Er wacht een voorstel op uw antwoord. Open de app.',
				url: '/voorstellen'
			});
			const [feiten] = await t.db.query<Record<string, string>>(
				`select g.naam as gemeente, a.naam as aanbod, hv.naam as hulpvorm, l.naam as locatie, l.pc4,
				        oa.naam as aanbieder, og.naam as gi, h.gemeente_code, h.jbregio_code, h.jeugdregio_code
				   from public.hulpvragen h
				   join public.gemeenten g on g.code = h.gemeente_code
				   join public.voorstellen v on v.hulpvraag_id = h.id
				   join public.aanbod a on a.id = v.aanbod_id
				   join public.hulpvormen hv on hv.code = a.hulpvorm_code
				   join public.locaties l on l.id = a.locatie_id
				   join public.organisaties oa on oa.id = a.organisatie_id
				   join public.organisaties og on og.id = h.organisatie_id
				  where h.id = $1`,
				[zaak.hv]
			);
			const verboden = [
				zaak.ref,
				zaak.hv,
				zaak.voorstel,
				t.fx.aanbod.A,
				'crisisplek',
				...Object.values(feiten ?? {})
			];
			expect(verboden.length).toBeGreaterThan(12);
			for (const v of verboden) expect(tekst.toLowerCase(), v).not.toContain(v.toLowerCase());

			const [rij] = await t.db.query<{ uitkomst: string; verstuurd: boolean; afgeleverd_aan: string[] }>(
				`select uitkomst, verstuurd_op is not null as verstuurd, afgeleverd_aan from private.push_berichten`
			);
			expect(rij).toEqual({ uitkomst: 'afgeleverd', verstuurd: true, afgeleverd_aan: [browser.id] });
			const [gebruikt] = await t.db.query<{ ja: boolean }>(
				'select laatst_gebruikt_op is not null as ja from public.push_abonnementen where id = $1',
				[browser.id]
			);
			expect(gebruikt?.ja).toBe(true);
		});

		it('a push service answering 410 (or 404) makes the subscription disappear', async () => {
			const weg = await abonneerOpDienst('expertteam', '/push/weg');
			const onbekend = await abonneerOpDienst('expertteam', '/push/onbekend');
			dienst.antwoord('/push/weg', 410);
			dienst.antwoord('/push/onbekend', 404);
			await t.as('expertteam')((tx) => tx.query('select public.push_testmelding()'));
			const ronde = await verstuurWachtende(opties());
			expect(ronde).toMatchObject({ berichten: 1, afgeleverd: 0, verwijderd: 2 });
			expect(dienst.verzoeken.map((v) => v.pad).sort()).toEqual(['/push/onbekend', '/push/weg']);
			expect(
				await count(t.db, 'select 1 from public.push_abonnementen where id = any($1::uuid[])', [
					[weg.id, onbekend.id]
				])
			).toBe(0);
			const [rij] = await t.db.query<{ uitkomst: string }>('select uitkomst from private.push_berichten');
			expect(rij?.uitkomst).toBe('geen_apparaat');
		});

		it('a 500 (or no answer) leaves the subscription, and the push is retried later, once per device', async () => {
			const goed = await abonneerOpDienst('zorgmakelaar', '/push/goed');
			const storing = await abonneerOpDienst('zorgmakelaar', '/push/storing');
			const stil = await abonneerOpDienst('zorgmakelaar', '/push/stil');
			dienst.antwoord('/push/storing', 500);
			dienst.antwoord('/push/stil', 'geen');
			await t.as('zorgmakelaar')((tx) => tx.query('select public.push_testmelding()'));

			const eerste = await verstuurWachtende(opties());
			expect(eerste).toMatchObject({ berichten: 1, afgeleverd: 1, verwijderd: 0, mislukt: 2 });
			expect(await count(t.db, 'select 1 from public.push_abonnementen')).toBe(3);
			const [naEerste] = await t.db.query<{ verstuurd: boolean; pogingen: number; later: boolean }>(
				`select verstuurd_op is not null as verstuurd, pogingen, volgende_poging > now() as later
				   from private.push_berichten`
			);
			expect(naEerste).toEqual({ verstuurd: false, pogingen: 1, later: true });

			// Not due yet: nothing goes out.
			dienst.verzoeken.length = 0;
			expect(await verstuurWachtende(opties())).toMatchObject({ berichten: 0 });
			expect(dienst.verzoeken).toHaveLength(0);

			// Later, the services are back: only the two devices that missed it get it.
			dienst.antwoord('/push/storing', 201);
			dienst.antwoord('/push/stil', 201);
			const straks = new Date(Date.now() + 5 * 60_000);
			const tweede = await verstuurWachtende({ ...opties(), nu: () => straks });
			expect(tweede).toMatchObject({ berichten: 1, afgeleverd: 2, mislukt: 0 });
			expect(dienst.verzoeken.map((v) => v.pad).sort()).toEqual(['/push/stil', '/push/storing']);
			const [rij] = await t.db.query<{ uitkomst: string; afgeleverd_aan: string[] }>(
				'select uitkomst, afgeleverd_aan from private.push_berichten'
			);
			expect(rij?.uitkomst).toBe('afgeleverd');
			expect([...(rij?.afgeleverd_aan ?? [])].sort()).toEqual([goed.id, storing.id, stil.id].sort());
		});

		it('gives up after repeated failures, and never sends a push older than its TTL', async () => {
			await abonneerOpDienst('aanbieder', '/push/kapot');
			dienst.antwoord('/push/kapot', 503);
			await t.as('aanbieder')((tx) => tx.query('select public.push_testmelding()'));
			let moment = Date.now();
			for (let i = 0; i < 6; i++) {
				const tijd = new Date(moment);
				await verstuurWachtende({ ...opties(), nu: () => tijd });
				moment += 20 * 60_000;
			}
			const [rij] = await t.db.query<{ uitkomst: string; pogingen: number }>(
				'select uitkomst, pogingen from private.push_berichten'
			);
			expect(rij).toEqual({ uitkomst: 'opgegeven', pogingen: 6 });
			expect(dienst.verzoeken).toHaveLength(6);

			await t.db.query('delete from private.push_berichten');
			dienst.verzoeken.length = 0;
			await t.as('aanbieder')((tx) => tx.query('select public.push_testmelding()'));
			const overmorgen = new Date(Date.now() + 2 * 24 * 3600_000);
			await verstuurWachtende({ ...opties(), nu: () => overmorgen });
			expect(dienst.verzoeken).toHaveLength(0);
			const [oud] = await t.db.query<{ uitkomst: string }>('select uitkomst from private.push_berichten');
			expect(oud?.uitkomst).toBe('opgegeven');
		});
	});
});
