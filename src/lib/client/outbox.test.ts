import { describe, expect, it } from 'vitest';
import {
	AntwoordOutbox,
	verstuurAntwoordViaFetch,
	type AntwoordVelden,
	type AntwoordVerwerkt,
	type AntwoordVerzoek,
	type GeweigerdAntwoord,
	type UitgaandAntwoord
} from './antwoord-outbox';
import {
	geheugenOpslag,
	Outbox,
	verstuurViaFetch,
	type Antwoord,
	type MeldingVelden,
	type MeldingVerzoek,
	type Uitkomst
} from './outbox';

const AANBOD = '7d3c1e0a-5b7f-4f62-9a55-0c1f2d3e4a5b';

function velden(vrijePlaatsen: number): MeldingVelden {
	return {
		aanbodId: AANBOD,
		vrijePlaatsen,
		wachtlijst: 0,
		wachttijdWeken: null,
		eerstvolgendeVrij: null,
		alleenNaOverleg: false,
		notitie: ''
	};
}

/** A server that stores each idempotency key once, as meldCapaciteit does, and can be taken offline. */
function nepServer() {
	const opgeslagen = new Map<string, MeldingVerzoek>();
	const verzoeken: MeldingVerzoek[] = [];
	const server = {
		online: true,
		weiger: undefined as ((v: MeldingVerzoek) => Antwoord | undefined) | undefined,
		opgeslagen,
		verzoeken,
		verstuur: async (v: MeldingVerzoek): Promise<Antwoord> => {
			// As fetch does without a connection.
			if (!server.online) throw new TypeError('Failed to fetch');
			verzoeken.push(v);
			const weigering = server.weiger?.(v);
			if (weigering) return weigering;
			const herhaald = opgeslagen.has(v.idempotentieSleutel);
			if (!herhaald) opgeslagen.set(v.idempotentieSleutel, v);
			return { soort: 'opgeslagen', id: `id-${v.idempotentieSleutel}`, gemeldOp: v.gemeldOp, herhaald };
		}
	};
	return server;
}

/** A clock that moves one minute per call, and keys k1, k2, … */
function opties() {
	let t = Date.parse('2026-11-23T09:00:00Z');
	let n = 0;
	return {
		nu: () => new Date((t += 60_000)),
		nieuweSleutel: () => `k${++n}`
	};
}

describe('Outbox', () => {
	it('gives every report its own idempotency key and the device time it was made', () => {
		const outbox = new Outbox(geheugenOpslag(), nepServer().verstuur, opties());
		const a = outbox.maak(velden(1));
		const b = outbox.maak(velden(2));
		expect(a.verzoek.idempotentieSleutel).toBe('k1');
		expect(b.verzoek.idempotentieSleutel).toBe('k2');
		expect(a.verzoek.gemeldOp).toBe('2026-11-23T09:01:00.000Z');
		expect(b.volgnummer).toBeGreaterThan(a.volgnummer);
	});

	it('keeps the order even when the clock does not move or steps back', () => {
		const tijden = [5_000, 5_000, 1_000];
		const outbox = new Outbox(geheugenOpslag(), nepServer().verstuur, {
			nu: () => new Date(tijden.shift() ?? 0)
		});
		const [a, b, c] = [outbox.maak(velden(1)), outbox.maak(velden(2)), outbox.maak(velden(3))];
		expect(a.volgnummer).toBeLessThan(b.volgnummer);
		expect(b.volgnummer).toBeLessThan(c.volgnummer);
	});

	it('sends at once when online and leaves nothing waiting', async () => {
		const server = nepServer();
		const outbox = new Outbox(geheugenOpslag(), server.verstuur, opties());
		const antwoord = await outbox.meld(outbox.maak(velden(2)));
		expect(antwoord).toMatchObject({ soort: 'opgeslagen', herhaald: false });
		expect(await outbox.wachtend()).toEqual([]);
		expect(server.opgeslagen.size).toBe(1);
	});

	it('keeps reports made offline and sends them once, in the order made, when back online', async () => {
		const server = nepServer();
		server.online = false;
		const opslag = geheugenOpslag();
		const outbox = new Outbox(opslag, server.verstuur, opties());
		const gezien: Uitkomst[] = [];
		outbox.luister((u) => gezien.push(u));

		expect(await outbox.meld(outbox.maak(velden(1)))).toEqual({ soort: 'geen-verbinding' });
		expect(await outbox.meld(outbox.maak(velden(3)))).toEqual({ soort: 'geen-verbinding' });
		expect((await outbox.wachtend()).map((m) => m.verzoek.vrijePlaatsen)).toEqual([1, 3]);

		server.online = true;
		// The online event and the page load may both fire: still each report is sent once.
		const [eerste, tweede] = await Promise.all([outbox.verstuurWachtende(), outbox.verstuurWachtende()]);
		expect(eerste.map((u) => u.antwoord.soort)).toEqual(['opgeslagen', 'opgeslagen']);
		expect(tweede).toEqual([]);
		expect(server.verzoeken.map((v) => v.vrijePlaatsen)).toEqual([1, 3]);
		expect(server.opgeslagen.size).toBe(2);
		expect(await outbox.wachtend()).toEqual([]);
		expect(gezien.filter((u) => u.antwoord.soort === 'opgeslagen')).toHaveLength(2);
	});

	it('survives a new page: a report left in the store is sent by the next outbox', async () => {
		const server = nepServer();
		server.online = false;
		const opslag = geheugenOpslag();
		const eerder = new Outbox(opslag, server.verstuur, opties());
		const melding = eerder.maak(velden(4));
		await eerder.meld(melding);

		server.online = true;
		const later = new Outbox(opslag, server.verstuur, opties());
		const uitkomsten = await later.verstuurWachtende();
		expect(uitkomsten).toHaveLength(1);
		expect(uitkomsten[0]?.melding.sleutel).toBe(melding.sleutel);
		expect(server.opgeslagen.get(melding.sleutel)?.gemeldOp).toBe(melding.verzoek.gemeldOp);
	});

	it('replays a report whose answer was lost without storing it twice', async () => {
		const server = nepServer();
		const opslag = geheugenOpslag();
		let verliesAntwoord = true;
		const outbox = new Outbox(
			opslag,
			async (v) => {
				const antwoord = await server.verstuur(v);
				if (verliesAntwoord) {
					verliesAntwoord = false;
					throw new TypeError('network connection lost');
				}
				return antwoord;
			},
			opties()
		);
		expect(await outbox.meld(outbox.maak(velden(2)))).toEqual({ soort: 'geen-verbinding' });
		expect(await outbox.wachtend()).toHaveLength(1);
		const [replay] = await outbox.verstuurWachtende();
		expect(replay?.antwoord).toMatchObject({ soort: 'opgeslagen', herhaald: true });
		expect(server.verzoeken).toHaveLength(2);
		expect(server.opgeslagen.size).toBe(1);
		expect(await outbox.wachtend()).toEqual([]);
	});

	it('removes a refused report and reports the refusal, then sends the next', async () => {
		const server = nepServer();
		server.online = false;
		const outbox = new Outbox(geheugenOpslag(), server.verstuur, opties());
		const gezien: Uitkomst[] = [];
		outbox.luister((u) => gezien.push(u));
		await outbox.meld(outbox.maak(velden(99)));
		await outbox.meld(outbox.maak(velden(1)));

		server.online = true;
		server.weiger = (v) =>
			v.vrijePlaatsen > 10
				? { soort: 'geweigerd', status: 400, fout: 'Te veel vrije plaatsen.', veld: 'vrijePlaatsen' }
				: undefined;
		const uitkomsten = await outbox.verstuurWachtende();
		expect(uitkomsten.map((u) => u.antwoord.soort)).toEqual(['geweigerd', 'opgeslagen']);
		expect(gezien.at(-2)?.antwoord).toEqual({
			soort: 'geweigerd',
			status: 400,
			fout: 'Te veel vrije plaatsen.',
			veld: 'vrijePlaatsen'
		});
		expect(await outbox.wachtend()).toEqual([]);
	});

	it('keeps a report on a server fault and sends nothing newer past it', async () => {
		const server = nepServer();
		let storing = true;
		const outbox = new Outbox(
			geheugenOpslag(),
			async (v) => (storing ? { soort: 'storing', fout: 'Storing.' } : server.verstuur(v)),
			opties()
		);
		expect((await outbox.meld(outbox.maak(velden(1)))).soort).toBe('storing');
		expect((await outbox.meld(outbox.maak(velden(2)))).soort).toBe('storing');
		expect(server.verzoeken).toEqual([]);
		expect(await outbox.wachtend()).toHaveLength(2);

		storing = false;
		await outbox.verstuurWachtende();
		expect(server.verzoeken.map((v) => v.vrijePlaatsen)).toEqual([1, 2]);
	});

	it('counts an unexpected error as a fault, not as offline, and keeps the report', async () => {
		const outbox = new Outbox(
			geheugenOpslag(),
			async () => {
				throw new Error('kapot');
			},
			opties()
		);
		const antwoord = await outbox.meld(outbox.maak(velden(1)));
		expect(antwoord.soort).toBe('storing');
		expect(await outbox.wachtend()).toHaveLength(1);
	});

	it('stops listening when asked', async () => {
		const outbox = new Outbox(geheugenOpslag(), nepServer().verstuur, opties());
		let aantal = 0;
		const stop = outbox.luister(() => aantal++);
		await outbox.meld(outbox.maak(velden(1)));
		stop();
		await outbox.meld(outbox.maak(velden(1)));
		expect(aantal).toBe(1);
	});
});

describe('verstuurViaFetch', () => {
	const verzoek: MeldingVerzoek = {
		...velden(1),
		gemeldOp: '2026-11-23T09:00:00.000Z',
		idempotentieSleutel: '0b7e2c1d-1111-4a2b-8c3d-4e5f6a7b8c9d'
	};
	const json = (status: number, body: unknown) =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

	it('posts the report as JSON and reads the stored report', async () => {
		let verstuurd: RequestInit | undefined;
		const verstuur = verstuurViaFetch('/api/v1/capaciteit', {
			isOnline: () => true,
			fetch: async (_url, init) => {
				verstuurd = init;
				return json(201, { id: 'm1', gemeldOp: verzoek.gemeldOp, herhaald: false });
			}
		});
		expect(await verstuur(verzoek)).toEqual({
			soort: 'opgeslagen',
			id: 'm1',
			gemeldOp: verzoek.gemeldOp,
			herhaald: false
		});
		expect(verstuurd?.method).toBe('POST');
		expect(JSON.parse(String(verstuurd?.body))).toEqual(verzoek);
	});

	it('does not try when the device says it is offline', async () => {
		let geprobeerd = false;
		const verstuur = verstuurViaFetch('/api/v1/capaciteit', {
			isOnline: () => false,
			fetch: async () => {
				geprobeerd = true;
				return json(201, {});
			}
		});
		expect(await verstuur(verzoek)).toEqual({ soort: 'geen-verbinding' });
		expect(geprobeerd).toBe(false);
	});

	it('passes on a refusal with its Dutch message and field', async () => {
		const verstuur = verstuurViaFetch('/api/v1/capaciteit', {
			isOnline: () => true,
			fetch: async () => json(400, { fout: 'De wachttijd kan niet negatief zijn.', veld: 'wachttijdWeken' })
		});
		expect(await verstuur(verzoek)).toEqual({
			soort: 'geweigerd',
			status: 400,
			fout: 'De wachttijd kan niet negatief zijn.',
			veld: 'wachttijdWeken'
		});
	});

	it('keeps the report when signed out, rate limited or on a server fault', async () => {
		for (const status of [401, 429, 500, 503]) {
			const verstuur = verstuurViaFetch('/api/v1/capaciteit', {
				isOnline: () => true,
				fetch: async () => json(status, { fout: 'x' })
			});
			expect((await verstuur(verzoek)).soort, `status ${status}`).toBe('storing');
		}
	});
});

// The same queue for a provider's answers to proposals (antwoord-outbox.ts): own requests, own store,
// refusals kept until the person has read them.

const VOORSTEL = '3f0c9a7e-2b1d-4c5e-8f6a-7b8c9d0e1f2a';

function keuze(soort: AntwoordVelden['soort'], voorstelId = VOORSTEL): AntwoordVelden {
	return soort === 'afwijzen'
		? { voorstelId, referentie: 'HV-ABCD', soort, reden: 'geen_plek' }
		: { voorstelId, referentie: 'HV-ABCD', soort };
}

/** A server that processes each key once, as public.voorstel_beantwoorden does, and can refuse. */
function nepVoorstelServer() {
	const verwerkt = new Map<string, AntwoordVerzoek>();
	const verzoeken: AntwoordVerzoek[] = [];
	const server = {
		online: true,
		weiger: undefined as ((v: AntwoordVerzoek) => Antwoord<AntwoordVerwerkt> | undefined) | undefined,
		verwerkt,
		verzoeken,
		verstuur: async (v: AntwoordVerzoek): Promise<Antwoord<AntwoordVerwerkt>> => {
			if (!server.online) throw new TypeError('Failed to fetch');
			verzoeken.push(v);
			const weigering = server.weiger?.(v);
			if (weigering) return weigering;
			const herhaald = verwerkt.has(v.idempotentieSleutel);
			if (!herhaald) verwerkt.set(v.idempotentieSleutel, v);
			return {
				soort: 'opgeslagen',
				status: v.soort === 'accepteren' ? 'gereserveerd' : 'afgewezen',
				herhaald
			};
		}
	};
	return server;
}

const VERLOPEN = 'Dit voorstel is verlopen terwijl u offline was; uw antwoord is niet verwerkt.';

describe('AntwoordOutbox', () => {
	it('gives every answer its own key and the device time it was given', () => {
		const outbox = new AntwoordOutbox(geheugenOpslag(), nepVoorstelServer().verstuur, opties());
		const a = outbox.maak(keuze('accepteren'));
		expect(a.verzoek).toEqual({
			voorstelId: VOORSTEL,
			referentie: 'HV-ABCD',
			soort: 'accepteren',
			gedaanOp: '2026-11-23T09:01:00.000Z',
			idempotentieSleutel: 'k1'
		});
		expect(a.sleutel).toBe('k1');
	});

	it('keeps answers given offline and sends each once, in order, when back online', async () => {
		const server = nepVoorstelServer();
		server.online = false;
		const outbox = new AntwoordOutbox(geheugenOpslag(), server.verstuur, opties());
		const ander = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
		expect(await outbox.meld(outbox.maak(keuze('accepteren')))).toEqual({ soort: 'geen-verbinding' });
		expect(await outbox.meld(outbox.maak(keuze('afwijzen', ander)))).toEqual({ soort: 'geen-verbinding' });
		expect(await outbox.wachtend()).toHaveLength(2);

		server.online = true;
		const [eerste, tweede] = await Promise.all([outbox.verstuurWachtende(), outbox.verstuurWachtende()]);
		expect(eerste.map((u) => u.antwoord)).toEqual([
			{ soort: 'opgeslagen', status: 'gereserveerd', herhaald: false },
			{ soort: 'opgeslagen', status: 'afgewezen', herhaald: false }
		]);
		expect(tweede).toEqual([]);
		expect(server.verzoeken.map((v) => v.voorstelId)).toEqual([VOORSTEL, ander]);
		expect(await outbox.wachtend()).toEqual([]);
	});

	it('keeps a refusal (the proposal expired meanwhile) until the person dismisses it', async () => {
		const server = nepVoorstelServer();
		server.online = false;
		const weigeringen = geheugenOpslag<GeweigerdAntwoord>();
		const outbox = new AntwoordOutbox(geheugenOpslag(), server.verstuur, { ...opties(), weigeringen });
		const gezien: Uitkomst<AntwoordVerzoek, AntwoordVerwerkt>[] = [];
		outbox.luister((u) => gezien.push(u));
		const antwoord = outbox.maak(keuze('accepteren'));
		await outbox.meld(antwoord);

		server.online = true;
		server.weiger = () => ({ soort: 'geweigerd', status: 409, fout: VERLOPEN });
		await outbox.verstuurWachtende();
		expect(gezien.at(-1)?.antwoord).toEqual({ soort: 'geweigerd', status: 409, fout: VERLOPEN });
		expect(await outbox.wachtend()).toEqual([]);
		// A new page (after a reload) still has it, with what was answered.
		const later = new AntwoordOutbox(geheugenOpslag(), server.verstuur, { ...opties(), weigeringen });
		expect(await later.geweigerd()).toEqual([
			expect.objectContaining({
				sleutel: antwoord.sleutel,
				status: 409,
				fout: VERLOPEN,
				verzoek: antwoord.verzoek
			})
		]);

		await later.vergeet(antwoord.sleutel);
		expect(await later.geweigerd()).toEqual([]);
	});

	it('a refusal kept before the outbox lost it: a crash in between shows it, never loses it', async () => {
		const server = nepVoorstelServer();
		const wachtend = geheugenOpslag<UitgaandAntwoord>();
		let crash = true;
		const breekbaar = {
			...wachtend,
			verwijder: async (sleutel: string) => {
				if (crash) {
					crash = false;
					throw new Error('tab gesloten');
				}
				await wachtend.verwijder(sleutel);
			}
		};
		const weigeringen = geheugenOpslag<GeweigerdAntwoord>();
		const outbox = new AntwoordOutbox(breekbaar, server.verstuur, { ...opties(), weigeringen });
		server.weiger = () => ({ soort: 'geweigerd', status: 409, fout: VERLOPEN });
		await expect(outbox.meld(outbox.maak(keuze('accepteren')))).rejects.toThrow('tab gesloten');
		expect(await weigeringen.lijst()).toHaveLength(1);

		// Sent again on the next page load: refused again, kept once, and gone from the outbox.
		await outbox.verstuurWachtende();
		expect(await weigeringen.lijst()).toHaveLength(1);
		expect(await outbox.wachtend()).toEqual([]);
	});

	it('does not mix with the capacity outbox: each has its own store', async () => {
		const server = nepVoorstelServer();
		server.online = false;
		const antwoorden = new AntwoordOutbox(geheugenOpslag(), server.verstuur, opties());
		const meldingen = new Outbox(geheugenOpslag(), nepServer().verstuur, opties());
		await antwoorden.meld(antwoorden.maak(keuze('accepteren')));
		expect(await meldingen.wachtend()).toEqual([]);
		expect(await antwoorden.wachtend()).toHaveLength(1);
	});
});

describe('verstuurAntwoordViaFetch', () => {
	const verzoek: AntwoordVerzoek = {
		...keuze('afwijzen'),
		toelichting: 'Vol tot de zomer.',
		gedaanOp: '2026-11-23T09:00:00.000Z',
		idempotentieSleutel: '0b7e2c1d-1111-4a2b-8c3d-4e5f6a7b8c9d'
	};
	const json = (status: number, body: unknown) =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

	it("posts the answer to the proposal's endpoint, without what is only for the page", async () => {
		let url = '';
		let verstuurd: RequestInit | undefined;
		const verstuur = verstuurAntwoordViaFetch({
			isOnline: () => true,
			fetch: async (u, init) => {
				url = String(u);
				verstuurd = init;
				return json(201, { voorstelId: VOORSTEL, soort: 'afwijzen', status: 'afgewezen', herhaald: true });
			}
		});
		expect(await verstuur(verzoek)).toEqual({ soort: 'opgeslagen', status: 'afgewezen', herhaald: true });
		expect(url).toBe(`/api/v1/voorstellen/${VOORSTEL}/antwoord`);
		expect(JSON.parse(String(verstuurd?.body))).toEqual({
			soort: 'afwijzen',
			reden: 'geen_plek',
			toelichting: 'Vol tot de zomer.',
			gedaanOp: verzoek.gedaanOp,
			idempotentieSleutel: verzoek.idempotentieSleutel
		});
	});

	it('passes on a conflict with its Dutch message', async () => {
		const verstuur = verstuurAntwoordViaFetch({
			isOnline: () => true,
			fetch: async () => json(409, { fout: VERLOPEN })
		});
		expect(await verstuur(verzoek)).toEqual({ soort: 'geweigerd', status: 409, fout: VERLOPEN });
	});

	it('keeps the answer when signed out or on a server fault, in words about the answer', async () => {
		for (const status of [401, 500]) {
			const verstuur = verstuurAntwoordViaFetch({
				isOnline: () => true,
				fetch: async () => json(status, {})
			});
			const antwoord = await verstuur(verzoek);
			expect(antwoord).toMatchObject({
				soort: 'storing',
				fout: expect.stringMatching(/uw antwoord blijft bewaard/i)
			});
		}
	});
});
