import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, personas, useSession, waitForHydration } from './helpers';

// Issue 3 §5 and §10: an organisation API token made in the app, used by a "planning system" (a
// cookie-less request context) for POST /api/v1/capaciteit, and every refusal with its Dutch message.

interface EigenAanbod {
	aanbodId: string;
	naam: string;
	capaciteitTotaal: number;
	vrijePlaatsen: number | null;
}

async function maakToken(page: Page, naam: string): Promise<string> {
	await page.goto('/aanbod/api-tokens');
	await waitForHydration(page);
	await page.getByLabel(/^Naam/).fill(naam);
	await page.getByRole('button', { name: 'Token aanmaken' }).click();
	const veld = page.getByLabel('Uw nieuwe token');
	await expect(veld).toHaveValue(/^bw_[A-Za-z0-9_-]{43}$/);
	return veld.inputValue();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function eigenAanbod(request: APIRequestContext, token: string): Promise<EigenAanbod[]> {
	const response = await request.get('/api/v1/capaciteit', { headers: bearer(token) });
	expect(response.status()).toBe(200);
	return ((await response.json()) as { aanbod: EigenAanbod[] }).aanbod;
}

test.describe('API-tokens and the capacity API', () => {
	test('a token is shown once, reports capacity, and stops working when revoked', async ({
		page,
		playwright,
		baseURL
	}) => {
		await useSession(page, personas.aanbieder);
		const token = await maakToken(page, 'Planningssysteem test');
		await expectAccessible(page);

		// Shown once: after a reload only the prefix is left.
		await page.reload();
		await expect(page.getByLabel('Uw nieuwe token')).toHaveCount(0);
		await expect(page.getByText(token.slice(0, 9) + '…')).toBeVisible();
		await expect(page.getByText(token)).toHaveCount(0);

		const systeem = await playwright.request.newContext({ baseURL });
		const [eerste] = await eigenAanbod(systeem, token);
		expect(eerste).toBeDefined();
		const vrij = Math.min(1, eerste!.capaciteitTotaal);
		const melding = await systeem.post('/api/v1/capaciteit', {
			headers: bearer(token),
			data: { aanbodId: eerste!.aanbodId, vrijePlaatsen: vrij, wachtlijst: 3 }
		});
		expect(melding.status()).toBe(201);
		expect(
			(await eigenAanbod(systeem, token)).find((a) => a.aanbodId === eerste!.aanbodId)?.vrijePlaatsen
		).toBe(vrij);

		// The page now says when the token was last used; revoke it there.
		await page.reload();
		await waitForHydration(page);
		const kaart = page.getByRole('listitem').filter({ hasText: 'Planningssysteem test' }).first();
		await expect(kaart).not.toContainText('Laatst gebruikt: —');
		await kaart.getByRole('button', { name: /Intrekken/ }).click();
		await expect(page.getByRole('status')).toContainText('Het token is ingetrokken.');

		const na = await systeem.post('/api/v1/capaciteit', {
			headers: bearer(token),
			data: { aanbodId: eerste!.aanbodId, vrijePlaatsen: 0 }
		});
		expect(na.status()).toBe(401);
		expect((await na.json()).fout).toBe('Dit API-token is ongeldig of ingetrokken.');
		await systeem.dispose();
	});

	test('bad input is refused with a Dutch message and the field, nothing stored', async ({
		page,
		playwright,
		baseURL
	}) => {
		await useSession(page, personas.aanbieder);
		const token = await maakToken(page, 'Fouten test');
		const systeem = await playwright.request.newContext({ baseURL });
		const aanbod = await eigenAanbod(systeem, token);
		const doel = aanbod[0]!;
		const stuur = (data: unknown, headers: Record<string, string> = {}) =>
			systeem.post('/api/v1/capaciteit', {
				headers: { ...bearer(token), 'content-type': 'application/json', ...headers },
				data: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data))
			});

		const gevallen: [string, unknown, number, string, string | undefined][] = [
			['malformed JSON', '{"aanbodId": ', 400, 'De JSON is ongeldig', undefined],
			['a JSON string instead of an object', '"8 vrij"', 400, 'Stuur één melding als JSON-object', undefined],
			['negative', { aanbodId: doel.aanbodId, vrijePlaatsen: -1 }, 400, 'niet negatief', 'vrijePlaatsen'],
			[
				'a wait of 900 weeks',
				{ aanbodId: doel.aanbodId, vrijePlaatsen: 0, wachttijdWeken: 900 },
				400,
				'meer dan 104 weken',
				'wachttijdWeken'
			],
			[
				'more free than the total',
				{ aanbodId: doel.aanbodId, vrijePlaatsen: doel.capaciteitTotaal + 1 },
				400,
				'meer vrije plaatsen gemeld',
				'vrijePlaatsen'
			],
			['not a uuid', { aanbodId: 'abc', vrijePlaatsen: 0 }, 400, 'Onbekend aanbod', 'aanbodId']
		];
		for (const [wat, data, status, tekst, veld] of gevallen) {
			const response = await stuur(data);
			expect(response.status(), wat).toBe(status);
			const body = (await response.json()) as { fout: string; veld?: string };
			expect(body.fout, wat).toContain(tekst);
			expect(body.veld, wat).toBe(veld);
		}

		// Another organisation's aanbod (found through the search API): refused by RLS.
		const zoek = await systeem.get('/api/v1/aanbod?hulpvorm=crisisplek&hulpvorm=gezinshuis', {
			headers: bearer(token)
		});
		const eigen = new Set(aanbod.map((a) => a.aanbodId));
		const vreemd = ((await zoek.json()) as { resultaten: { id: string }[] }).resultaten.find(
			(r) => !eigen.has(r.id)
		);
		expect(vreemd).toBeDefined();
		const anderen = await stuur({ aanbodId: vreemd!.id, vrijePlaatsen: 0 });
		expect(anderen.status()).toBe(403);
		expect((await anderen.json()).fout).toBe(
			'U kunt alleen capaciteit melden voor aanbod van uw eigen organisatie.'
		);

		// An unknown or made-up token, and no token at all.
		const nep = await systeem.post('/api/v1/capaciteit', {
			headers: bearer('bw_' + 'x'.repeat(43)),
			data: { aanbodId: doel.aanbodId, vrijePlaatsen: 0 }
		});
		expect(nep.status()).toBe(401);
		const zonder = await systeem.post('/api/v1/capaciteit', {
			data: { aanbodId: doel.aanbodId, vrijePlaatsen: 0 }
		});
		expect(zonder.status()).toBe(401);

		// Nothing of the above changed the current state.
		expect((await eigenAanbod(systeem, token)).find((a) => a.aanbodId === doel.aanbodId)).toEqual(doel);
		await systeem.dispose();
	});

	test('the same idempotency key stores a report once', async ({ page, playwright, baseURL }) => {
		await useSession(page, personas.aanbieder);
		const token = await maakToken(page, 'Herhaal test');
		const systeem = await playwright.request.newContext({ baseURL });
		const [doel] = await eigenAanbod(systeem, token);
		const data = {
			aanbodId: doel!.aanbodId,
			vrijePlaatsen: 0,
			wachttijdWeken: 3,
			idempotentieSleutel: crypto.randomUUID()
		};
		const eerste = await systeem.post('/api/v1/capaciteit', { headers: bearer(token), data });
		const tweede = await systeem.post('/api/v1/capaciteit', { headers: bearer(token), data });
		expect([eerste.status(), tweede.status()]).toEqual([201, 201]);
		const [a, b] = [await eerste.json(), await tweede.json()];
		expect(b).toEqual({ ...a, herhaald: true });
		await systeem.dispose();
	});

	test('the search API takes the search page filters and refuses bad ones in Dutch', async ({ page }) => {
		await useSession(page, personas.jeugdbeschermer);
		const goed = await page.request.get('/api/v1/aanbod?hulpvorm=gezinshuis&plaats=Amersfoort&afstand=50');
		expect(goed.status()).toBe(200);
		const { resultaten, totaal } = (await goed.json()) as {
			resultaten: { afstandKm: number; status: string }[];
			totaal: number;
		};
		expect(totaal).toBeGreaterThan(0);
		expect(resultaten.every((r) => r.afstandKm <= 50)).toBe(true);

		for (const [query, veld, tekst] of [
			['hulpvorm=vliegtuig', 'hulpvorm', 'Onbekende hulpvorm'],
			['hulpvorm=gezinshuis&plaats=Atlantis', 'plaats', 'Onbekende gemeente of postcode'],
			['hulpvorm=gezinshuis&leeftijd=40', 'leeftijd', 'hoogstens 23'],
			['hulpvorm=gezinshuis&afstand=20', 'plaats', 'om op afstand te zoeken'],
			['hulpvorm=gezinshuis&plaats=3811AB', 'plaats', 'alleen de 4 cijfers']
		]) {
			const response = await page.request.get(`/api/v1/aanbod?${query}`);
			expect(response.status(), query).toBe(400);
			const body = (await response.json()) as { fout: string; veld: string };
			expect(body.veld, query).toBe(veld);
			expect(body.fout, query).toContain(tekst);
		}
	});

	test('the OpenAPI description lists both endpoints', async ({ request }) => {
		const response = await request.get('/api/v1/openapi.json');
		expect(response.status()).toBe(200);
		const doc = (await response.json()) as {
			openapi: string;
			paths: Record<string, Record<string, unknown>>;
		};
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths['/api/v1/capaciteit']!)).toEqual(['get', 'post']);
		expect(Object.keys(doc.paths['/api/v1/aanbod']!)).toEqual(['get']);
	});
});
