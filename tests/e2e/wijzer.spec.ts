import { expect, test } from '@playwright/test';
import { expectAccessible, personas, useSession, waitForHydration } from './helpers';

// Issue 3 §8: the beschikbaarheidswijzer matrix, readable at 360 px, every cell in words as well as colour.

test('the wijzer shows the own region, every cell with text, and opens the search for a cell', async ({
	page
}) => {
	await useSession(page, personas.jeugdbeschermer);
	await page.goto('/wijzer');
	await waitForHydration(page);
	const tabel = page.getByRole('table');
	await expect(tabel).toContainText('Utrecht en Flevoland');
	await expect(page.getByRole('combobox', { name: 'Jeugdbeschermingsregio' })).toHaveValue('JB05');

	// 18 hulpvormen × the 7 jeugdregio's of Utrecht en Flevoland, each cell a link that says it all.
	await expect(tabel.getByRole('rowheader')).toHaveCount(18);
	await expect(tabel.getByRole('columnheader')).toHaveCount(1 + 7);
	const cellen = tabel.getByRole('link');
	await expect(cellen).toHaveCount(18 * 7);
	for (const tekst of await cellen.allInnerTexts())
		expect(tekst.trim()).toMatch(/^(\d+ vrij|nu|\d+ wk|vol|geen|\?)$/);
	for (const label of await cellen.evaluateAll((a) => a.map((e) => e.getAttribute('aria-label')))) {
		expect(label).toMatch(/ voor .+: .+\. Open de zoekresultaten\.$/);
	}
	// The demo region has free places somewhere and no-report cells somewhere.
	await expect(tabel.getByRole('link', { name: /plaatsen? vrij|kan nu starten/ }).first()).toBeVisible();

	// The page never scrolls sideways; only the matrix region does.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(page);

	const cel = tabel.getByRole('link', { name: /^Gezinshuis voor Eemland:/ });
	await cel.click();
	await expect(page).toHaveURL(/\/zoeken\?hulpvorm=gezinshuis&jeugdregio=JZ20$/);
});

test('choosing another region changes the columns', async ({ page }) => {
	await useSession(page, personas.zorgmakelaar);
	await page.goto('/wijzer');
	await waitForHydration(page);
	await page.getByRole('combobox', { name: 'Jeugdbeschermingsregio' }).selectOption({ label: 'Limburg' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/\/wijzer\?regio=JB11$/);
	const tabel = page.getByRole('table');
	await expect(tabel.getByRole('columnheader')).toHaveCount(1 + 4);
	await expect(tabel.getByRole('columnheader', { name: 'Zuid-Limburg' })).toBeVisible();
	await expectAccessible(page);
});

test('region users see the statuses without counts, as text rather than links to the search', async ({
	page
}) => {
	await useSession(page, personas.regio);
	await page.goto('/wijzer');
	const tabel = page.getByRole('table');
	await expect(tabel.getByRole('rowheader')).toHaveCount(18);
	await expect(tabel.getByRole('link')).toHaveCount(0);
	await expect(tabel).not.toContainText(/\d+ vrij|\(\d+ aanbod\)/);
	await expect(tabel).toContainText(/: (plaats vrij|kan nu starten)/);
	await expectAccessible(page);
});

test('providers cannot open the wijzer; an unknown region is a clear 404', async ({ page }) => {
	await useSession(page, personas.aanbieder);
	expect((await page.goto('/wijzer'))?.status()).toBe(403);
	await useSession(page, personas.jeugdbeschermer);
	const response = await page.goto('/wijzer?regio=JB99');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
	await expect(page.getByText('Deze jeugdbeschermingsregio bestaat niet.')).toBeVisible();
});
