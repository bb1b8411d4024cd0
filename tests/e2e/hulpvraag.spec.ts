import { expect, test, type Page } from '@playwright/test';
import { DEMO_AANBIEDERS } from '../../src/lib/server/db/seeds/catalogus';
import { expectAccessible, personas, signIn, useSession, waitForHydration, type Persona } from './helpers';

// Issue 4, "Done when": on a 360×800 phone a jeugdbeschermer publishes a hulpvraag, sees ranked matches
// with reasons, proposes to two; one provider declines with a reason, the other accepts; the hold shows in
// search and wijzer; intake; geplaatst; capacity reflects it; the timeline shows every step.

/** Hulpvormen that count free places (migration 0260, telwijze 'plaatsen'). */
const PLAATSEN = [
	'crisisplek',
	'gezinshuis',
	'pleegzorg',
	'behandelgroep',
	'kleinschalig_wonen',
	'kamertraining'
];

const slug = (tekst: string) =>
	tekst
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/** A demo provider's extra staff member (seeds/demo.ts), who signs in with the shared demo password. */
function medewerkerVan(organisatie: string): Persona | null {
	const a = DEMO_AANBIEDERS.find((d) => d.naam === organisatie);
	if (!a || a === DEMO_AANBIEDERS[0]) return null;
	return { email: `medewerker.${slug(a.kort)}@aanbieder.demo.nl`, rolLabel: 'Zorgaanbieder' };
}

interface Resultaat {
	id: string;
	naam: string;
	organisatie: string;
	gemeente: string;
	hulpvorm: string;
	leeftijdMin: number;
	vrijePlaatsen: number | null;
	gereserveerd: number;
}

async function zoek(page: Page, query: string): Promise<Resultaat[]> {
	const antwoord = await page.request.get(`/api/v1/aanbod?${query}`);
	expect(antwoord.status()).toBe(200);
	return (await antwoord.json()).resultaten as Resultaat[];
}

async function wordt(page: Page, persona: Persona): Promise<void> {
	await page.context().clearCookies();
	if (Object.values(personas).some((p) => p.email === persona.email)) await useSession(page, persona);
	else await signIn(page, persona);
}

/** The free places the wijzer's cell says for this hulpvorm and jeugdregio. */
async function wijzerVrij(page: Page, hulpvorm: string, jeugdregio: string): Promise<number> {
	await page.goto('/wijzer');
	await waitForHydration(page);
	const label = await page
		.getByRole('link', { name: new RegExp(`^${hulpvorm} voor ${jeugdregio}:`) })
		.getAttribute('aria-label');
	const vrij = /(\d+) plaatse?n? vrij/.exec(label ?? '');
	expect(vrij, `wijzercel ${label}`).not.toBeNull();
	return Number(vrij![1]);
}

test('a hulpvraag from publication to placement, with a decline, a hold in search and wijzer, and the timeline', async ({
	page
}) => {
	test.setTimeout(240_000);

	// --- Set-up through the API: an offering of aanbieder@demo.nl with 2 free places and a competitor.
	await wordt(page, personas.aanbieder);
	const eigen = (await (await page.request.get('/api/v1/capaciteit')).json()).aanbod as {
		aanbodId: string;
		hulpvormCode: string;
		actief: boolean;
		capaciteitTotaal: number;
	}[];
	let keuze: { code: string; zelf: Resultaat; ander: Resultaat; medewerker: Persona } | null = null;
	for (const a of eigen.filter(
		(e) => e.actief && e.capaciteitTotaal >= 2 && PLAATSEN.includes(e.hulpvormCode)
	)) {
		const zelf = (await zoek(page, `hulpvorm=${a.hulpvormCode}`)).find((r) => r.id === a.aanbodId);
		if (!zelf) continue;
		const kandidaten = await zoek(
			page,
			`hulpvorm=${a.hulpvormCode}&plaats=${encodeURIComponent(zelf.gemeente)}&afstand=100&leeftijd=${zelf.leeftijdMin}&regio=contract_of_boven`
		);
		const ander = kandidaten.find((r) => r.organisatie !== zelf.organisatie && medewerkerVan(r.organisatie));
		if (kandidaten.some((r) => r.id === zelf.id) && ander) {
			keuze = { code: a.hulpvormCode, zelf, ander, medewerker: medewerkerVan(ander.organisatie)! };
			break;
		}
	}
	expect(keuze, 'een aanbod van aanbieder@demo.nl met een concurrent in de buurt').not.toBeNull();
	const { code, zelf, ander, medewerker } = keuze!;
	const melding = await page.request.post('/api/v1/capaciteit', {
		data: { aanbodId: zelf.id, vrijePlaatsen: 2 }
	});
	expect(melding.status()).toBe(201);

	// --- The jeugdbeschermer posts the hulpvraag; PII in the text is refused and nothing typed is lost.
	await wordt(page, personas.jeugdbeschermer);
	await page.goto('/hulpvragen/nieuw');
	await waitForHydration(page);
	await page.getByLabel('Woonplaats (gemeente)').fill(zelf.gemeente);
	await page.getByLabel('Leeftijd (jaren)').fill(String(zelf.leeftijdMin));
	await page.getByLabel('Maatregel', { exact: true }).selectOption('ots');
	const maatregelDatum = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Datum van de maatregel').fill(maatregelDatum);
	await page.getByRole('radio', { name: /^Hoog/ }).check();
	await page.getByRole('checkbox', { name: zelf.hulpvorm, exact: true }).check();
	await page.getByLabel('Maximale reisafstand (km)').fill('100');
	const toelichting = 'Rustige groep nodig. Moeder bereikbaar op 06-12345678.';
	await page.getByLabel('Korte toelichting (optioneel)').fill(toelichting);
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByText(/Haal een telefoonnummer weg/)).toBeVisible();
	await expect(page.getByLabel('Korte toelichting (optioneel)')).toHaveValue(toelichting);
	await expect(page.getByLabel('Woonplaats (gemeente)')).toHaveValue(zelf.gemeente);
	await expect(page.getByRole('checkbox', { name: zelf.hulpvorm, exact: true })).toBeChecked();
	await expectAccessible(page);
	await page
		.getByLabel('Korte toelichting (optioneel)')
		.fill('Rustige groep nodig; school in de buurt houden.');
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page).toHaveURL(/\/hulpvragen\/HV-[2-9A-HJ-NP-Z]{4}$/);
	const referentie = /HV-[2-9A-HJ-NP-Z]{4}/.exec(page.url())![0];
	await expect(page.getByRole('heading', { level: 1, name: `Hulpvraag ${referentie}` })).toBeVisible();
	await expect(page.getByText(/Normtermijn:\s*nog \d+ dagen/).first()).toBeVisible();

	// Ranked matches with reasons; propose to our offering and the competitor's.
	const matches = page.getByRole('region', { name: /Passend aanbod/ });
	const kaartZelf = matches.locator('.hv-match').filter({ hasText: zelf.naam }).first();
	await expect(kaartZelf).toContainText('Vrij nu (2 plaatsen)');
	await expect(kaartZelf).toContainText(/\d+(,\d)? km · (gecontracteerd voor|neemt bovenregionaal op)/);
	await expect(kaartZelf).toContainText(/Score \d+ van 100/);
	await expectAccessible(page);
	await kaartZelf.getByRole('checkbox').check();
	await matches.locator('.hv-match').filter({ hasText: ander.naam }).first().getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Voorstellen aan 2 aanbieders' }).click();
	await expect(page.getByText('Voorgesteld aan 2 aanbieders.')).toBeVisible();
	const voorstellen = page.getByRole('region', { name: /^Voorstellen/ });
	await expect(voorstellen.getByRole('article')).toHaveCount(2);
	await expect(voorstellen).toContainText('Wacht op antwoord');

	// The GI's list shows it with its norm clock and running proposals.
	await page.goto('/hulpvragen');
	await waitForHydration(page);
	await expect(page.getByRole('article').filter({ hasText: referentie })).toContainText(
		'2 lopende voorstellen'
	);
	await expectAccessible(page);

	const hv = await (await page.request.get(`/api/v1/hulpvragen/${referentie}`)).json();
	const hulpvormNaam = (hv.hulpvormen as { code: string; naam: string }[]).find((h) => h.code === code)!.naam;
	const wijzerVoor = await wijzerVrij(page, hulpvormNaam, hv.jeugdregio);

	// --- The competitor declines with a structured reason.
	await wordt(page, medewerker);
	await page.goto('/voorstellen');
	await waitForHydration(page);
	const kaartAnder = page.getByRole('article').filter({ hasText: referentie });
	await kaartAnder.getByText('Afwijzen', { exact: true }).click();
	await kaartAnder.getByLabel('Reden').selectOption('past_niet_bij_doelgroep');
	await kaartAnder.getByRole('button', { name: 'Afwijzing versturen' }).click();
	await expect(page.getByText('Afgewezen. De jeugdbeschermer ziet uw reden.')).toBeVisible();

	// --- Our provider sees the proposal in "Voor u" and accepts: one place is held.
	await wordt(page, personas.aanbieder);
	await page.goto('/inbox');
	await waitForHydration(page);
	await expectAccessible(page);
	await page.getByRole('link', { name: `${referentie}: Nieuw voorstel voor ${zelf.naam}` }).click();
	await expect(page).toHaveURL(/\/voorstellen#voorstel-/);
	await waitForHydration(page);
	const kaart = page.getByRole('article').filter({ hasText: referentie });
	await expect(kaart).toContainText('Wacht op antwoord');
	await expectAccessible(page);
	await kaart.getByRole('button', { name: 'Accepteren en plek reserveren' }).click();
	await expect(page.getByText('Geaccepteerd: er is een plek voor dit kind gereserveerd.')).toBeVisible();
	await expect(kaart).toContainText('Plek gereserveerd');

	// --- The hold shows, to the jeugdbeschermer, in the hulpvraag, in search and in the wijzer.
	await wordt(page, personas.jeugdbeschermer);
	await page.goto(`/hulpvragen/${referentie}`);
	await waitForHydration(page);
	await expect(voorstellen.getByRole('article').filter({ hasText: zelf.naam })).toContainText(
		'Plek gereserveerd'
	);
	await expect(voorstellen.getByRole('article').filter({ hasText: ander.naam })).toContainText(
		'Afgewezen · Past niet bij onze doelgroep'
	);
	const naHold = (
		await zoek(page, `hulpvorm=${code}&plaats=${encodeURIComponent(zelf.gemeente)}&afstand=100`)
	).find((r) => r.id === zelf.id);
	expect(naHold).toMatchObject({ vrijePlaatsen: 1, gereserveerd: 1 });
	await page.goto(`/zoeken?hulpvorm=${code}&plaats=${encodeURIComponent(zelf.gemeente)}&afstand=100`);
	await expect(
		page.getByRole('list', { name: 'Zoekresultaten' }).getByRole('listitem').filter({ hasText: zelf.naam })
	).toContainText('1 gereserveerd voor een hulpvraag');
	expect(await wijzerVrij(page, hulpvormNaam, hv.jeugdregio)).toBe(wijzerVoor - 1);

	// --- Intake, then placed: the case closes and the provider's capacity says one fewer free.
	await wordt(page, personas.aanbieder);
	await page.goto('/voorstellen');
	await waitForHydration(page);
	await kaart.getByRole('button', { name: 'Intake gestart' }).click();
	await expect(page.getByText('De intake is vastgelegd; de plek blijft gereserveerd.')).toBeVisible();
	await kaart.getByRole('button', { name: 'Kind geplaatst' }).click();
	await expect(page.getByText('Geplaatst. Uw capaciteit is met één plek verlaagd.')).toBeVisible();
	const stand = (await (await page.request.get('/api/v1/capaciteit')).json()).aanbod.find(
		(a: { aanbodId: string }) => a.aanbodId === zelf.id
	);
	expect(stand.vrijePlaatsen).toBe(1);

	// --- The timeline tells every step.
	await wordt(page, personas.jeugdbeschermer);
	await page.goto(`/hulpvragen/${referentie}`);
	await waitForHydration(page);
	await expect(page.getByText(/^Geplaatst · urgentie hoog/)).toBeVisible();
	const tijdlijn = (
		await page.getByRole('region', { name: 'Tijdlijn' }).getByRole('listitem').allInnerTexts()
	)
		.map((t) => t.replace(/^\S+ \d+ \S+ \d{4}, \d\d:\d\d /, ''))
		.filter((t) => !t.startsWith('Ingezien'));
	expect(tijdlijn.slice(0, 3)).toEqual([
		expect.stringMatching(/^Gepubliceerd door /),
		expect.stringMatching(/^Voorgesteld aan /),
		expect.stringMatching(/^Voorgesteld aan /)
	]);
	expect(tijdlijn.slice(1, 3).sort()).toEqual(
		[
			`Voorgesteld aan ${zelf.naam} door ${hv.organisatie}`,
			`Voorgesteld aan ${ander.naam} door ${hv.organisatie}`
		].sort()
	);
	expect(tijdlijn.slice(3)).toEqual([
		`${ander.naam} heeft afgewezen: past niet bij onze doelgroep`,
		`${zelf.naam} heeft geaccepteerd: plek gereserveerd`,
		`Intake bij ${zelf.naam}`,
		`Geplaatst bij ${zelf.naam}`,
		'Hulpvraag gesloten: geplaatst'
	]);
	await expectAccessible(page);
});
