import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, personas, signIn, useSession, waitForHydration } from './helpers';

// The provider's capacity cards (issue 3 §2–§4) on a 360 px phone, as aanbieder@demo.nl.

/** The card of one offering, by its name. */
function kaart(page: Page, naam: string): Locator {
	return page
		.getByRole('list', { name: 'Capaciteit per aanbod' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 2, name: naam, exact: true }) });
}

/** The name of the first card that has a field (e.g. counting places, or start moments). */
async function eersteKaartMet(page: Page, veld: string, extra?: (k: Locator) => Promise<boolean>) {
	const kaarten = page
		.getByRole('list', { name: 'Capaciteit per aanbod' })
		.getByRole('listitem')
		.filter({ has: page.getByLabel(veld, { exact: true }) });
	for (const k of await kaarten.all()) {
		if (!extra || (await extra(k)))
			return (await k.getByRole('heading', { level: 2 }).textContent())?.trim() ?? '';
	}
	throw new Error(`Geen kaart met ${veld}`);
}

async function openAanbod(page: Page): Promise<void> {
	await useSession(page, personas.aanbieder);
	await page.goto('/aanbod');
	await waitForHydration(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanbod' })).toBeVisible();
}

/** A card with a fresh report and room to add a free place (the stale one is for "Klopt nog"). */
async function plaatsenKaart(page: Page): Promise<string> {
	return eersteKaartMet(page, 'Vrije plaatsen', async (k) => {
		if ((await k.textContent())?.includes('Verouderd')) return false;
		const veld = k.getByLabel('Vrije plaatsen', { exact: true });
		return Number(await veld.inputValue()) < Number(await veld.getAttribute('max'));
	});
}

test('the stepper changes the free places, saves at once and the figure stays after a reload', async ({
	page
}) => {
	await openAanbod(page);
	const naam = await plaatsenKaart(page);
	const k = kaart(page, naam);
	const veld = k.getByLabel('Vrije plaatsen', { exact: true });
	const voor = Number(await veld.inputValue());
	const totaal = Number(await veld.getAttribute('max'));

	// Big enough for a thumb.
	const plus = k.getByRole('button', { name: 'Eén vrije plaats meer' });
	const maat = await plus.boundingBox();
	expect(maat?.width).toBeGreaterThanOrEqual(44);
	expect(maat?.height).toBeGreaterThanOrEqual(44);

	await plus.click();
	await expect(veld).toHaveValue(String(voor + 1));
	await k.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(k.getByRole('status')).toContainText(/Opgeslagen om \d{2}:\d{2}/);
	await expect(k).toContainText(`${voor + 1} van ${totaal} ${totaal === 1 ? 'plaats' : 'plaatsen'} vrij`);
	await expect(k).toContainText('Gemeld vandaag');

	await page.reload();
	await waitForHydration(page);
	await expect(kaart(page, naam).getByLabel('Vrije plaatsen', { exact: true })).toHaveValue(String(voor + 1));
	await expect(kaart(page, naam)).toContainText('Gemeld vandaag');
});

test('the start page asks for the stale report; "Klopt nog" confirms it and it reads gemeld vandaag', async ({
	page
}) => {
	await useSession(page, personas.aanbieder);
	await page.goto('/');
	await waitForHydration(page);
	const lijst = page.getByRole('list', { name: 'Aanbod met een verouderde melding' });
	await expect(lijst.getByRole('link').first()).toBeVisible();
	// A report that grew old (not an offering that was never reported, e.g. one another test added).
	const item = lijst
		.getByRole('listitem')
		.filter({ hasText: /\d+ dagen/ })
		.first();
	const naam = (await item.getByRole('link').textContent())?.trim() ?? '';
	await lijst.getByRole('link', { name: naam }).click();
	await expect(page).toHaveURL(/\/aanbod#aanbod-/);
	await waitForHydration(page);

	// Stale reports come first and say so in words.
	const eerste = page.getByRole('list', { name: 'Capaciteit per aanbod' }).getByRole('listitem').first();
	await expect(eerste).toContainText('Verouderd');
	const k = kaart(page, naam);
	await expect(k).toContainText(/Verouderd: gemeld \d+ dagen geleden/);

	await k.getByRole('button', { name: /^Klopt nog/ }).click();
	await expect(k.getByRole('status')).toContainText(/Opgeslagen om \d{2}:\d{2}/);
	await expect(k).toContainText('Gemeld vandaag');
	await expect(k).not.toContainText('Verouderd');

	await page.reload();
	await waitForHydration(page);
	await expect(kaart(page, naam)).toContainText('Gemeld vandaag');
	await expectAccessible(page);

	// The start page no longer asks about it.
	await page.goto('/');
	await expect(page.getByRole('link', { name: naam, exact: true })).toHaveCount(0);
});

test('bad input gets a Dutch error at the field and keeps what was typed', async ({ page }) => {
	await openAanbod(page);
	const posts: string[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/capaciteit') posts.push(r.url());
	});

	const ambulant = kaart(page, await eersteKaartMet(page, 'Kan nu starten'));
	const wachttijd = ambulant.getByLabel('Verwachte wachttijd (weken)', { exact: true });
	await wachttijd.fill('900');
	await ambulant.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(ambulant.getByText('Een wachttijd van meer dan 104 weken (2 jaar) kan niet')).toBeVisible();
	await expect(wachttijd).toHaveValue('900');
	await expect(wachttijd).toHaveAttribute('aria-invalid', 'true');
	await expect(wachttijd).toBeFocused();

	const k = kaart(page, await plaatsenKaart(page));
	const vrij = k.getByLabel('Vrije plaatsen', { exact: true });
	const totaal = Number(await vrij.getAttribute('max'));
	await vrij.fill('-1');
	await k.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(k.getByText('Het aantal vrije plaatsen kan niet negatief zijn.')).toBeVisible();
	await expect(vrij).toHaveValue('-1');

	await vrij.fill(String(totaal + 1));
	await k.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(
		k.getByText(`Er zijn meer vrije plaatsen gemeld (${totaal + 1}) dan het totaal (${totaal}).`)
	).toBeVisible();
	await expect(vrij).toHaveValue(String(totaal + 1));
	await expectAccessible(page);
	// Checked on the phone, the same checks as the server: nothing went out.
	expect(posts).toEqual([]);
});

test('the JSON endpoint refuses bad reports in Dutch and stores a replayed key once', async ({ page }) => {
	await openAanbod(page);
	const id =
		(await page.locator('li[id^="aanbod-"]').first().getAttribute('id'))?.replace('aanbod-', '') ?? '';
	const melding = {
		aanbodId: id,
		vrijePlaatsen: 0,
		wachtlijst: 2,
		wachttijdWeken: 900,
		eerstvolgendeVrij: null,
		alleenNaOverleg: false,
		notitie: '',
		gemeldOp: new Date().toISOString(),
		idempotentieSleutel: crypto.randomUUID()
	};
	const te = await page.request.post('/api/v1/capaciteit', { data: melding });
	expect(te.status()).toBe(400);
	expect(await te.json()).toMatchObject({
		fout: 'Een wachttijd van meer dan 104 weken (2 jaar) kan niet: controleer het getal.',
		veld: 'wachttijdWeken'
	});

	const negatief = await page.request.post('/api/v1/capaciteit', {
		data: { ...melding, wachttijdWeken: 2, wachtlijst: -3 }
	});
	expect(negatief.status()).toBe(400);
	expect(await negatief.json()).toMatchObject({
		fout: 'De wachtlijst kan niet negatief zijn.',
		veld: 'wachtlijst'
	});

	const teVeel = await page.request.post('/api/v1/capaciteit', {
		data: { ...melding, wachttijdWeken: 2, vrijePlaatsen: 500 }
	});
	expect(teVeel.status()).toBe(400);
	expect(await teVeel.json()).toMatchObject({
		veld: 'vrijePlaatsen',
		fout: expect.stringMatching(/^Er zijn meer vrije plaatsen gemeld/)
	});

	const vreemd = await page.request.post('/api/v1/capaciteit', {
		data: { ...melding, wachttijdWeken: 2, aanbodId: crypto.randomUUID() }
	});
	expect(vreemd.status()).toBe(403);
	expect(await vreemd.json()).toMatchObject({ veld: 'aanbodId' });

	const geenJson = await page.request.post('/api/v1/capaciteit', {
		headers: { 'content-type': 'text/csv' },
		data: 'aanbodId;vrijePlaatsen'
	});
	expect(geenJson.status()).toBe(415);

	const goed = { ...melding, wachttijdWeken: 2 };
	const eerste = await page.request.post('/api/v1/capaciteit', { data: goed });
	expect(eerste.status()).toBe(201);
	const opgeslagen = await eerste.json();
	expect(opgeslagen).toMatchObject({ herhaald: false, gemeldOp: expect.any(String) });
	const nogEens = await page.request.post('/api/v1/capaciteit', { data: goed });
	expect(nogEens.status()).toBe(201);
	expect(await nogEens.json()).toEqual({ ...opgeslagen, herhaald: true });
});

test('offline: a report waits in the outbox, then goes out exactly once when back online', async ({
	page,
	context
}) => {
	await openAanbod(page);
	const naam = await plaatsenKaart(page);
	const k = kaart(page, naam);
	const veld = k.getByLabel('Vrije plaatsen', { exact: true });
	const voor = Number(await veld.inputValue());
	const totaal = Number(await veld.getAttribute('max'));
	const verstuurd: string[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/capaciteit')
			verstuurd.push(r.postData() ?? '');
	});

	await context.setOffline(true);
	await k.getByRole('button', { name: 'Eén vrije plaats meer' }).click();
	await k.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(k.getByRole('status')).toHaveText('Wacht op verbinding — wordt verstuurd zodra u online bent');
	await expect(page.getByText('1 melding wacht op verbinding.')).toBeVisible();
	// Shown at once, as it will be.
	await expect(k).toContainText(`${voor + 1} van ${totaal}`);
	expect(verstuurd).toEqual([]);
	await expectAccessible(page);

	await context.setOffline(false);
	await expect(k.getByRole('status')).toContainText(/Opgeslagen om \d{2}:\d{2}/);
	await expect(page.getByText(/melding(en)? wacht(en)? op verbinding/)).toHaveCount(0);
	expect(verstuurd).toHaveLength(1);
	const melding = JSON.parse(verstuurd[0] ?? '{}');
	expect(melding).toMatchObject({ vrijePlaatsen: voor + 1, idempotentieSleutel: expect.any(String) });
	// The time it was made offline, not when it arrived.
	expect(Date.parse(melding.gemeldOp)).toBeLessThanOrEqual(Date.now());

	// A reload sends nothing more: the outbox is empty.
	await page.reload();
	await waitForHydration(page);
	await expect(kaart(page, naam).getByLabel('Vrije plaatsen', { exact: true })).toHaveValue(String(voor + 1));
	await expect(page.getByText(/wacht(en)? op verbinding/)).toHaveCount(0);
	expect(verstuurd).toHaveLength(1);

	// The server knows this key once: sending it again stores nothing new.
	const nogEens = await page.request.post('/api/v1/capaciteit', { data: melding });
	expect(await nogEens.json()).toMatchObject({ herhaald: true });
});

/**
 * Opens the aanbod and makes one report (a free place more) that cannot get through while the device thinks it is
 * online (a dead cell, a captive portal), so it waits in the outbox. `aangekomen` collects the bodies of the
 * reports that reach the server from here on; unrouting /api/v1/capaciteit lets them through again.
 */
async function meldingDieBlijftWachten(page: Page) {
	await openAanbod(page);
	const naam = await plaatsenKaart(page);
	const k = kaart(page, naam);
	const voor = Number(await k.getByLabel('Vrije plaatsen', { exact: true }).inputValue());
	const aangekomen: string[] = [];
	page.on('requestfinished', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/capaciteit')
			aangekomen.push(r.postData() ?? '');
	});
	await page.route('**/api/v1/capaciteit', (route) => route.abort('internetdisconnected'));
	await k.getByRole('button', { name: 'Eén vrije plaats meer' }).click();
	await k.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(k.getByRole('status')).toHaveText('Wacht op verbinding — wordt verstuurd zodra u online bent');
	await expect(page.getByText('1 melding wacht om verstuurd te worden.')).toBeVisible();
	return { naam, voor, aangekomen };
}

test('a report that could not go out survives a reload and is sent once with "Nu versturen"', async ({
	page
}) => {
	const { naam, voor, aangekomen } = await meldingDieBlijftWachten(page);

	// Kept in IndexedDB: after a reload the card still shows it, waiting.
	await page.reload();
	await waitForHydration(page);
	await expect(kaart(page, naam).getByRole('status')).toHaveText(
		'Wacht op verbinding — wordt verstuurd zodra u online bent'
	);
	await expect(kaart(page, naam)).toContainText(`${voor + 1} van`);

	await page.unroute('**/api/v1/capaciteit');
	await page.getByRole('button', { name: 'Nu versturen' }).click();
	await expect(kaart(page, naam).getByRole('status')).toContainText(/Opgeslagen om \d{2}:\d{2}/);
	await expect(page.getByText(/wacht om verstuurd te worden/)).toHaveCount(0);
	expect(aangekomen).toHaveLength(1);
	expect(JSON.parse(aangekomen[0] ?? '{}')).toMatchObject({ vrijePlaatsen: voor + 1 });
});

test('signing out while a report waits asks first; the report stays on the device and goes out at the next sign-in', async ({
	page
}) => {
	const { naam, voor, aangekomen } = await meldingDieBlijftWachten(page);

	const vraag = page.getByRole('dialog', { name: 'Nog niet verstuurd' });
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(vraag).toContainText('Er wacht nog 1 melding op dit apparaat op verbinding.');
	await expect(vraag.getByRole('button', { name: 'Aangemeld blijven' })).toBeFocused();
	await expectAccessible(page);
	// Staying keeps everything as it was.
	await vraag.getByRole('button', { name: 'Aangemeld blijven' }).click();
	await expect(vraag).toHaveCount(0);
	await expect(page).toHaveURL('/aanbod');
	await expect(page.getByText('1 melding wacht om verstuurd te worden.')).toBeVisible();
	// Escape is "stay" too.
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(vraag).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(vraag).toHaveCount(0);
	await expect(page).toHaveURL('/aanbod');

	await page.getByRole('button', { name: 'Afmelden' }).click();
	await vraag.getByRole('button', { name: 'Toch afmelden' }).click();
	await expect(page).toHaveURL('/aanmelden?afgemeld=1');
	expect(aangekomen).toEqual([]);

	// Back on this device, the report goes out, once.
	await page.unroute('**/api/v1/capaciteit');
	await signIn(page, personas.aanbieder);
	await page.goto('/aanbod');
	await waitForHydration(page);
	await expect(kaart(page, naam).getByRole('status')).toContainText(/Opgeslagen om \d{2}:\d{2}/);
	expect(aangekomen).toHaveLength(1);
	expect(JSON.parse(aangekomen[0] ?? '{}')).toMatchObject({ vrijePlaatsen: voor + 1 });
	// Nothing waits any more: signing out goes straight through.
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page).toHaveURL('/aanmelden?afgemeld=1');
});

test('axe finds no violations on /aanbod, also with "Meer" open', async ({ page }) => {
	// Two axe runs over every card: on a slow or busy machine this alone can take half a minute.
	test.setTimeout(90_000);
	await openAanbod(page);
	await expectAccessible(page);
	const k = kaart(page, await plaatsenKaart(page));
	await k.getByText(/^Meer:/).click();
	await expect(k.getByLabel('Eerstvolgende vrije plek verwacht op')).toBeVisible();
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the card form saves, and refuses bad input in Dutch keeping every value', async ({ page }) => {
		// Several full page loads of every card without JavaScript: slow on a busy machine.
		test.setTimeout(90_000);
		await useSession(page, personas.aanbieder);
		await page.goto('/aanbod');
		const ambulantNaam = await eersteKaartMet(page, 'Kan nu starten');
		let ambulant = kaart(page, ambulantNaam);
		await ambulant.getByLabel('Verwachte wachttijd (weken)', { exact: true }).fill('900');
		await ambulant.getByText(/^Meer:/).click();
		await ambulant.getByLabel('Korte notitie (optioneel)').fill('Alleen na overleg met de regiebehandelaar');
		await ambulant.getByRole('button', { name: /^Opslaan/ }).click();

		ambulant = kaart(page, ambulantNaam);
		await expect(ambulant.getByText('Een wachttijd van meer dan 104 weken (2 jaar) kan niet')).toBeVisible();
		await expect(ambulant.getByLabel('Verwachte wachttijd (weken)', { exact: true })).toHaveValue('900');
		await expect(ambulant.getByLabel('Korte notitie (optioneel)')).toHaveValue(
			'Alleen na overleg met de regiebehandelaar'
		);

		const naam = await eersteKaartMet(page, 'Vrije plaatsen');
		const vrij = kaart(page, naam).getByLabel('Vrije plaatsen', { exact: true });
		const totaal = Number(await vrij.getAttribute('max'));
		await vrij.fill(String(totaal + 1));
		await kaart(page, naam)
			.getByRole('button', { name: /^Opslaan/ })
			.click();
		await expect(
			kaart(page, naam).getByText(
				`Er zijn meer vrije plaatsen gemeld (${totaal + 1}) dan het totaal (${totaal}).`
			)
		).toBeVisible();
		await expect(kaart(page, naam).getByLabel('Vrije plaatsen', { exact: true })).toHaveValue(
			String(totaal + 1)
		);

		await kaart(page, naam).getByLabel('Vrije plaatsen', { exact: true }).fill('0');
		await kaart(page, naam)
			.getByRole('button', { name: /^Opslaan/ })
			.click();
		await expect(page).toHaveURL(/\/aanbod\?opgeslagen=/);
		await expect(kaart(page, naam).getByRole('status')).toContainText(/Opgeslagen om \d{2}:\d{2}/);
		await expect(kaart(page, naam).getByLabel('Vrije plaatsen', { exact: true })).toHaveValue('0');
		await expect(kaart(page, naam)).toContainText('Vol ·');
	});
});
