import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { personas, useSession, waitForHydration, type Persona } from './helpers';

// Issue 3 "Done when": a provider changes free places on its phone; a jeugdbeschermer's search and
// wijzer, already open in another browser, show the change within a second, without reload. And the
// same with the provider offline: the report waits on the device and is sent once on reconnect.

interface EigenAanbod {
	aanbodId: string;
	naam: string;
	hulpvormCode: string;
	actief: boolean;
	capaciteitTotaal: number;
	vrijePlaatsen: number | null;
	gemeldOp: string | null;
}

const VERBLIJF = [
	'crisisplek',
	'gezinshuis',
	'pleegzorg',
	'behandelgroep',
	'kleinschalig_wonen',
	'kamertraining'
];
const BINNEN_EEN_SECONDE = { timeout: 1000 };

async function alsPersona(
	browser: Browser,
	persona: Persona
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await useSession(page, persona);
	return { context, page };
}

/** One of the provider's own offerings that counts places, reported this week, with room for one more. */
async function kiesAanbod(aanbieder: Page, nietDit?: string): Promise<EigenAanbod> {
	const response = await aanbieder.request.get('/api/v1/capaciteit');
	const { aanbod } = (await response.json()) as { aanbod: EigenAanbod[] };
	const week = Date.now() - 6 * 24 * 3600 * 1000;
	const gekozen = aanbod.find(
		(a) =>
			a.actief &&
			a.aanbodId !== nietDit &&
			VERBLIJF.includes(a.hulpvormCode) &&
			a.vrijePlaatsen !== null &&
			a.vrijePlaatsen < a.capaciteitTotaal &&
			a.gemeldOp !== null &&
			Date.parse(a.gemeldOp) > week
	);
	if (!gekozen) throw new Error('Geen geschikt aanbod van aanbieder@demo.nl in de demodata');
	return gekozen;
}

function kaart(page: Page, naam: string): Locator {
	return page
		.getByRole('list', { name: 'Capaciteit per aanbod' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 2, name: naam, exact: true }) });
}

/** The searcher's open pages: a search for this offering's hulpvorm and the wijzer of the region. */
async function openZoekerPaginas(browser: Browser, aanbod: EigenAanbod) {
	const { context, page: zoeken } = await alsPersona(browser, personas.jeugdbeschermer);
	await zoeken.goto(`/zoeken?hulpvorm=${aanbod.hulpvormCode}&plaats=Utrecht&afstand=150`);
	await waitForHydration(zoeken);
	const resultaat = zoeken.getByRole('listitem').filter({ hasText: aanbod.naam }).first();
	await expect(resultaat).toBeVisible();
	const wijzer = await context.newPage();
	await wijzer.goto('/wijzer');
	await waitForHydration(wijzer);
	// Both pages hold an open event stream before the provider acts.
	await expect(zoeken.locator('.live-bijwerken[data-verbonden="true"]')).toBeVisible();
	await expect(wijzer.locator('.live-bijwerken[data-verbonden="true"]')).toBeVisible();
	return { context, zoeken, resultaat, wijzer };
}

/** The links of the wijzer row of a hulpvorm, as their full labels (they change when its figures do). */
async function rijLabels(wijzer: Page, hulpvormNaam: string): Promise<string[]> {
	return wijzer
		.getByRole('link', { name: new RegExp(`^${hulpvormNaam.replace(/[()/]/g, '.')} voor `) })
		.evaluateAll((links) => links.map((l) => l.getAttribute('aria-label') ?? ''));
}

async function hulpvormNaam(page: Page, code: string): Promise<string> {
	const response = await page.request.get(`/api/v1/aanbod?hulpvorm=${code}`);
	const { resultaten } = (await response.json()) as { resultaten: { hulpvorm: string }[] };
	return resultaten[0]!.hulpvorm;
}

test('a saved capacity report shows on an open search and wijzer within a second', async ({ browser }) => {
	const { context: aanbiederContext, page: aanbieder } = await alsPersona(browser, personas.aanbieder);
	const aanbod = await kiesAanbod(aanbieder);
	const zoeker = await openZoekerPaginas(browser, aanbod);
	const naam = await hulpvormNaam(zoeker.zoeken, aanbod.hulpvormCode);
	const wijzerVoor = await rijLabels(zoeker.wijzer, naam);
	const nieuw = aanbod.vrijePlaatsen! + 1;

	await aanbieder.goto('/aanbod');
	await waitForHydration(aanbieder);
	const k = kaart(aanbieder, aanbod.naam);
	await k.getByRole('button', { name: 'Eén vrije plaats meer' }).click();
	await k.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(k.getByRole('status')).toContainText(/Opgeslagen om/);

	// No reload on the searcher's side: the same documents change.
	await expect(zoeker.resultaat).toContainText(
		new RegExp(`\\b${nieuw} (van \\d+ )?plaatse?n? vrij`),
		BINNEN_EEN_SECONDE
	);
	await expect.poll(() => rijLabels(zoeker.wijzer, naam), BINNEN_EEN_SECONDE).not.toEqual(wijzerVoor);
	await expect(
		zoeker.zoeken.getByRole('status').filter({ hasText: 'Zoekresultaten bijgewerkt' })
	).toHaveCount(1);
	await expect(zoeker.wijzer.getByRole('status').filter({ hasText: 'Wijzer bijgewerkt' })).toHaveCount(1);

	await zoeker.context.close();
	await aanbiederContext.close();
});

test('offline, the report waits on the phone and is sent once on reconnect; the searcher sees it', async ({
	browser
}) => {
	const { context: aanbiederContext, page: aanbieder } = await alsPersona(browser, personas.aanbieder);
	const eerder = await kiesAanbod(aanbieder);
	// Another offering than the first test's, so this one's figure is known.
	const aanbod = await kiesAanbod(aanbieder, eerder.aanbodId).catch(() => eerder);
	const zoeker = await openZoekerPaginas(browser, aanbod);
	const nieuw = aanbod.vrijePlaatsen! + 1;

	await aanbieder.goto('/aanbod');
	await waitForHydration(aanbieder);
	const posts: string[] = [];
	aanbieder.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/capaciteit') posts.push(r.url());
	});

	await aanbiederContext.setOffline(true);
	const k = kaart(aanbieder, aanbod.naam);
	await k.getByRole('button', { name: 'Eén vrije plaats meer' }).click();
	await k.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(k).toContainText(/Wacht op verbinding/);
	await expect(aanbieder.getByText('1 melding wacht op verbinding.')).toBeVisible();
	// The searcher still sees the old figure: nothing left the phone.
	await expect(zoeker.resultaat).not.toContainText(new RegExp(`\\b${nieuw} (van \\d+ )?plaatse?n? vrij`));

	await aanbiederContext.setOffline(false);
	await expect(k.getByRole('status')).toContainText(/Opgeslagen om/);
	await expect(zoeker.resultaat).toContainText(
		new RegExp(`\\b${nieuw} (van \\d+ )?plaatse?n? vrij`),
		BINNEN_EEN_SECONDE
	);
	await expect(aanbieder.getByText(/melding(en)? wacht(en)? op verbinding/)).toHaveCount(0);
	// Sent exactly once, however often the browser said it was back online.
	await aanbieder.waitForTimeout(500);
	expect(posts).toHaveLength(1);

	await zoeker.context.close();
	await aanbiederContext.close();
});
