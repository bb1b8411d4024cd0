import { expect, test } from '@playwright/test';
import { expectAccessible, personas, useSession, waitForHydration } from './helpers';

// Issue 3 §6–§7: the search page (filters in the URL, also without JavaScript) and the map.

const resultaten = (page: import('@playwright/test').Page) =>
	page.getByRole('list', { name: 'Zoekresultaten' }).getByRole('listitem');

test('a search by hulpvorm, place and distance ranks results, keeps its filters in the URL, and Back works', async ({
	page
}) => {
	await useSession(page, personas.jeugdbeschermer);
	await page.goto('/zoeken');
	await waitForHydration(page);
	await page.getByRole('checkbox', { name: 'Gezinshuis' }).check();
	await page.getByLabel('Gemeente of postcode (4 cijfers) van het kind').fill('Amersfoort');
	await page.getByLabel('Maximale afstand in km').fill('50');
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page).toHaveURL(/[?&]hulpvorm=gezinshuis/);
	await expect(page).toHaveURL(/[?&]plaats=Amersfoort/);
	await expect(page).toHaveURL(/[?&]afstand=50/);
	await expect(
		page.getByRole('heading', { level: 2, name: /\d+ resultaten? vanaf Amersfoort/ })
	).toBeVisible();
	const eerste = resultaten(page).first();
	await expect(eerste).toContainText(/\d+(,\d)? km/);
	await expect(eerste).toContainText(/Gemeld|Verouderd/);
	// Ranked by availability: free now before anything else.
	const teksten = await resultaten(page).allInnerTexts();
	const rang = (t: string) => (/plaatse?n? vrij|Kan nu starten/.test(t) ? 0 : /Start over/.test(t) ? 1 : 2);
	const rangen = teksten.map(rang);
	expect(rangen).toEqual([...rangen].sort((a, b) => a - b));
	await expectAccessible(page);

	const eersteUrl = page.url();
	await page.getByRole('checkbox', { name: 'Crisisplek' }).check();
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page).toHaveURL(/hulpvorm=crisisplek/);
	await page.goBack();
	await expect(page).toHaveURL(eersteUrl);
	await expect(page.getByRole('checkbox', { name: 'Crisisplek' })).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Gezinshuis' })).toBeChecked();
});

test('the map loads on demand and shows the results as points', async ({ page }) => {
	await useSession(page, personas.zorgmakelaar);
	const leaflet: string[] = [];
	page.on('request', (r) => {
		if (/leaflet/i.test(r.url())) leaflet.push(r.url());
	});
	await page.goto('/zoeken?hulpvorm=crisisplek&hulpvorm=gezinshuis&plaats=Utrecht&afstand=60');
	await waitForHydration(page);
	await expect(resultaten(page).first()).toBeVisible();
	expect(leaflet).toEqual([]);
	await page.getByRole('button', { name: 'Toon op kaart' }).click();
	await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
	expect(await page.locator('.leaflet-marker-icon').count()).toBe(await resultaten(page).count());
	expect(leaflet.length).toBeGreaterThan(0);
	await expectAccessible(page);
});

test('a search works without JavaScript', async ({ browser, page }) => {
	await useSession(page, personas.jeugdbeschermer);
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies(await page.context().cookies());
	const zonderJs = await context.newPage();
	await zonderJs.goto('/zoeken');
	await zonderJs.getByRole('checkbox', { name: 'Pleegzorg' }).check();
	await zonderJs.getByLabel('Gemeente of postcode (4 cijfers) van het kind').fill('3811');
	await zonderJs.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(zonderJs).toHaveURL(/hulpvorm=pleegzorg.*plaats=3811/);
	await expect(resultaten(zonderJs).first()).toBeVisible();
	await context.close();
});

test('bad filters get a Dutch message at the field and keep what was typed', async ({ page }) => {
	await useSession(page, personas.jeugdbeschermer);
	await page.goto('/zoeken?hulpvorm=gezinshuis&leeftijd=40&plaats=Atlantis');
	await waitForHydration(page);
	const leeftijd = page.getByLabel('Leeftijd van het kind');
	await expect(leeftijd).toHaveValue('40');
	await expect(leeftijd).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('De leeftijd is hoogstens 23.')).toBeVisible();
	await expect(page.getByRole('list', { name: 'Zoekresultaten' })).toHaveCount(0);
	await expectAccessible(page);

	await page.goto('/zoeken?hulpvorm=gezinshuis&plaats=Atlantis');
	await expect(page.getByText(/Onbekende gemeente of postcode: "Atlantis"/)).toBeVisible();
	await expect(page.getByLabel('Gemeente of postcode (4 cijfers) van het kind')).toHaveValue('Atlantis');

	await page.goto('/zoeken?plaats=3811AB&afstand=10');
	await expect(page.getByText('Kies ten minste één hulpvorm.')).toBeVisible();
	await expect(page.getByText(/alleen de 4 cijfers van de postcode/)).toBeVisible();
	await expect(page.getByLabel('Gemeente of postcode (4 cijfers) van het kind')).toHaveValue('3811AB');
});

test('providers cannot open the search page', async ({ page }) => {
	await useSession(page, personas.aanbieder);
	expect((await page.goto('/zoeken'))?.status()).toBe(403);
});
