import { expect, test } from '@playwright/test';
import { expectAccessible, personas, useSession, waitForHydration } from './helpers';

// Issue 4 §8–§13: the zorgmakelaar's queue, escalation to the expertteam and its advice, "Voor u", the
// JSON API for GI case systems (session and GI token), and who may open what. On the seeded demo region.

test('the zorgmakelaar filters the queue and escalates; the expertteam records advice and an outcome', async ({
	page
}) => {
	test.setTimeout(120_000);
	await useSession(page, personas.zorgmakelaar);
	await page.goto('/makelaar');
	await waitForHydration(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Wachtrij' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: /^\d+ hulpvragen$/ })).toBeVisible();
	await expectAccessible(page);

	// Past the norm only: every card says so.
	await page.getByText('Filters', { exact: true }).click();
	await page.getByLabel('Alleen over de normtermijn').check();
	await page.getByRole('button', { name: 'Filteren' }).click();
	await expect(page).toHaveURL(/overTermijn=ja/);
	const kaarten = page.getByRole('region', { name: /hulpvra/ }).getByRole('article');
	await expect(kaarten.first()).toBeVisible();
	for (const tekst of await kaarten.allInnerTexts()) expect(tekst).toContain('over de termijn');

	// A case without proposals and not yet with the expertteam.
	await page.goto('/makelaar?status=zonder_voorstel');
	await waitForHydration(page);
	const kaart = page.getByRole('article').filter({ hasNotText: 'bij het expertteam' }).first();
	const referentie = (await kaart.getByRole('link').textContent())!.trim();
	await kaart.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: `Hulpvraag ${referentie}` })).toBeVisible();
	await waitForHydration(page);
	await expect(page.getByRole('region', { name: /Passend aanbod/ })).toBeVisible();

	await page.getByText('Escaleren naar het expertteam').click();
	const notitie = page.getByLabel('Waarom naar het expertteam?');
	await page.getByRole('button', { name: 'Escaleren', exact: true }).click();
	await expect(page.getByText('Schrijf kort waarom dit naar het expertteam gaat.')).toBeVisible();
	await notitie.fill('Moeder (geboren 12-03-1990) wil niet meewerken');
	await page.getByRole('button', { name: 'Escaleren', exact: true }).click();
	await expect(page.getByText(/Haal een datum weg/)).toBeVisible();
	await expect(notitie).toHaveValue('Moeder (geboren 12-03-1990) wil niet meewerken');
	await expectAccessible(page);
	await notitie.fill('Geen aanbieder in de regio neemt aan; graag bovenregionaal advies.');
	await page.getByRole('button', { name: 'Escaleren', exact: true }).click();
	await expect(page.getByText('De hulpvraag ligt nu bij het expertteam.')).toBeVisible();

	// The expertteam sees it in "Voor u" and on its list, and records advice, then the outcome.
	await page.context().clearCookies();
	await useSession(page, personas.expertteam);
	await page.goto('/inbox');
	await waitForHydration(page);
	await expect(page.getByRole('link', { name: `${referentie}: Escalatie: advies gevraagd` })).toBeVisible();
	await page.goto('/expertteam');
	await waitForHydration(page);
	await expectAccessible(page);
	await page.getByRole('link', { name: referentie, exact: true }).click();
	await waitForHydration(page);
	await expect(page.getByText('Vraag: Geen aanbieder in de regio neemt aan')).toBeVisible();
	await page.getByLabel('Advies').fill('Vraag Eemland en Flevoland; bel de RET-voorzitter bij geen reactie.');
	await page.getByRole('button', { name: 'Vastleggen' }).click();
	await expect(page.getByText('Het advies is vastgelegd.')).toBeVisible();
	await page.getByLabel('Escalatie afronden').check();
	await page.getByRole('button', { name: 'Vastleggen' }).click();
	await expect(page.getByText('Vul de uitkomst in om af te ronden.')).toBeVisible();
	await expect(page.getByLabel('Advies')).toHaveValue(/Vraag Eemland en Flevoland/);
	await page.getByLabel('Uitkomst').fill('Voorstel gedaan aan een aanbieder in Flevoland.');
	await page.getByRole('button', { name: 'Vastleggen' }).click();
	await expect(page.getByText(/afgerond/).first()).toBeVisible();
	await expectAccessible(page);
});

test('the hulpvraag API takes a GI token and the session, and refuses bad input in Dutch with the field', async ({
	page,
	playwright,
	baseURL
}) => {
	await useSession(page, personas.giCoordinator);
	await page.goto('/hulpvragen/api-tokens');
	await waitForHydration(page);
	await page.getByLabel(/^Naam/).fill('Zaaksysteem test');
	await page.getByRole('button', { name: 'Token aanmaken' }).click();
	const token = await page.getByLabel('Uw nieuwe token').inputValue();
	expect(token).toMatch(/^bw_/);
	await expectAccessible(page);

	const systeem = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { authorization: `Bearer ${token}` }
	});
	const goed = {
		gemeente: 'Amersfoort',
		leeftijd: 12,
		maatregel: 'ots',
		maatregelDatum: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
		urgentie: 'regulier',
		hulpvormen: ['gezinshuis'],
		toelichting: 'Rustige omgeving nodig.'
	};
	const fouten: [Record<string, unknown>, string, RegExp][] = [
		[{ toelichting: 'BSN 111222333, zie dossier' }, 'toelichting', /^Haal een BSN weg/],
		[{ gemeente: 'Atlantis' }, 'gemeente', /^Onbekende gemeente "Atlantis"/],
		[{ leeftijd: 30 }, 'leeftijd', /tot en met 23 jaar/],
		[{ maatregelDatum: '2099-01-01' }, 'maatregelDatum', /niet in de toekomst/],
		[{ hulpvormen: [] }, 'hulpvormen', /minstens één hulpvorm/]
	];
	for (const [wijziging, veld, bericht] of fouten) {
		const antwoord = await systeem.post('/api/v1/hulpvragen', { data: { ...goed, ...wijziging } });
		expect(antwoord.status(), veld).toBe(400);
		const body = await antwoord.json();
		expect(body.veld).toBe(veld);
		expect(body.fout).toMatch(bericht);
	}
	const geplaatst = await systeem.post('/api/v1/hulpvragen', { data: goed });
	expect(geplaatst.status()).toBe(201);
	const { referentie } = await geplaatst.json();
	expect(referentie).toMatch(/^HV-[2-9A-HJ-NP-Z]{4}$/);

	const gelezen = await systeem.get(`/api/v1/hulpvragen/${referentie}`);
	expect(gelezen.status()).toBe(200);
	expect(await gelezen.json()).toMatchObject({
		referentie,
		status: 'open',
		gemeente: 'Amersfoort',
		leeftijd: 12
	});
	const matches = await systeem.get(`/api/v1/hulpvragen/${referentie}/matches`);
	expect(matches.status()).toBe(200);
	const lijst = (await matches.json()).matches as { uitleg: string; score: number }[];
	expect(lijst.length).toBeGreaterThan(0);
	expect(lijst[0]!.uitleg).toMatch(/ km · /);
	expect(lijst.map((m) => m.score)).toEqual([...lijst.map((m) => m.score)].sort((a, b) => b - a));

	// The session works too (the GI's own case), and without either the API says how to sign in.
	expect((await page.request.get(`/api/v1/hulpvragen/${referentie}`)).status()).toBe(200);
	const anoniem = await playwright.request.newContext({ baseURL });
	expect((await anoniem.get(`/api/v1/hulpvragen/${referentie}`)).status()).toBe(401);
	const openapi = await (await anoniem.get('/api/v1/openapi.json')).json();
	expect(Object.keys(openapi.paths)).toEqual(
		expect.arrayContaining([
			'/api/v1/hulpvragen',
			'/api/v1/hulpvragen/{referentie}',
			'/api/v1/hulpvragen/{referentie}/matches'
		])
	);
	await systeem.dispose();
	await anoniem.dispose();
});

test('who opens what: providers and analysts see no case lists; an unknown or hidden hulpvraag is a 404', async ({
	page
}) => {
	await useSession(page, personas.aanbieder);
	for (const pad of ['/hulpvragen', '/makelaar', '/expertteam', '/hulpvragen/nieuw']) {
		expect((await page.goto(pad))?.status(), pad).toBe(403);
	}
	expect((await page.goto('/hulpvragen/HV-2222'))?.status()).toBe(404);
	await expect(page.getByText('Deze hulpvraag bestaat niet, of u mag haar niet zien.')).toBeVisible();
	await page.context().clearCookies();
	await useSession(page, personas.regio);
	for (const pad of ['/hulpvragen', '/inbox', '/voorstellen']) {
		expect((await page.goto(pad))?.status(), pad).toBe(403);
	}
});
