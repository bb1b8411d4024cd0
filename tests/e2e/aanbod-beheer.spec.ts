import { expect, test } from '@playwright/test';
import { expectAccessible, personas, useSession, waitForHydration } from './helpers';

// Issue 3 §1: a provider manages its locaties (PC4 only) and aanbod; bad input keeps what was typed.

test('a location is added by its PC4, its gemeente follows; a PC6 or unknown PC4 is refused', async ({
	page
}) => {
	await useSession(page, personas.aanbieder);
	await page.goto('/aanbod');
	await waitForHydration(page);
	await page.getByRole('link', { name: 'Locaties beheren' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Locaties' })).toBeVisible();
	await waitForHydration(page);

	const naam = page.getByLabel('Naam');
	const pc4 = page.getByLabel('Postcode (4 cijfers)');
	await naam.fill('Testlocatie Amersfoort');
	await pc4.fill('3811 AB');
	await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
	await expect(
		page.getByText('Vul alleen de 4 cijfers van de postcode in: een adres slaan we niet op.')
	).toBeVisible();
	await expect(naam).toHaveValue('Testlocatie Amersfoort');
	await expect(pc4).toHaveValue('3811 AB');
	await expect(pc4).toHaveAttribute('aria-invalid', 'true');

	await pc4.fill('1000');
	await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
	await expect(page.getByText('Onbekende postcode 1000: controleer de vier cijfers.')).toBeVisible();
	await expect(naam).toHaveValue('Testlocatie Amersfoort');
	await expectAccessible(page);

	await pc4.fill('3811');
	await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
	const kaart = page.getByRole('listitem').filter({ hasText: 'Testlocatie Amersfoort' });
	await expect(kaart).toContainText('3811 · Amersfoort · 0 aanbod');

	// Its own page: rename it, then remove it (it has no offerings).
	await waitForHydration(page);
	await kaart.getByRole('link', { name: /Wijzigen/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Locatie wijzigen' })).toBeVisible();
	await waitForHydration(page);
	await expectAccessible(page);
	await page.getByLabel('Naam').fill('Testlocatie Eemland');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'Testlocatie Eemland' })).toBeVisible();
	await waitForHydration(page);
	await page.getByRole('listitem').filter({ hasText: 'Testlocatie Eemland' }).getByRole('link').click();
	await waitForHydration(page);
	await page.getByRole('button', { name: 'Locatie verwijderen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Locaties' })).toBeVisible();
	await expect(page.getByText('Testlocatie Eemland')).toHaveCount(0);
});

test('a location with offerings cannot be removed, and says why', async ({ page }) => {
	await useSession(page, personas.aanbieder);
	await page.goto('/aanbod/locaties');
	await waitForHydration(page);
	const inGebruik = page
		.getByRole('listitem')
		.filter({ hasText: /· [1-9]\d* aanbod/ })
		.first();
	await inGebruik.getByRole('link', { name: /Wijzigen/ }).click();
	await waitForHydration(page);
	await page.getByRole('button', { name: 'Locatie verwijderen' }).click();
	await expect(page.getByRole('alert')).toContainText(/Op deze locatie is nog \d+ aanbod/);
});

test('an offering is added and changed; bad input gets Dutch errors and keeps what was typed', async ({
	page
}) => {
	await useSession(page, personas.aanbieder);
	await page.goto('/aanbod/nieuw');
	await waitForHydration(page);

	await page.getByLabel('Naam', { exact: true }).fill('Testgroep Eemland');
	await page.getByLabel('Vanaf leeftijd').fill('14');
	await page.getByLabel('Tot en met leeftijd').fill('12');
	await page.getByLabel('Capaciteit (aantal plaatsen of starts)').fill('-2');
	await page.getByRole('checkbox', { name: 'Meisje' }).check();
	await page.getByRole('button', { name: 'Aanbod toevoegen' }).click();

	await expect(page.getByText('Kies een hulpvorm.')).toBeVisible();
	await expect(page.getByText('Kies een locatie.')).toBeVisible();
	await expect(page.getByText('De minimumleeftijd is hoger dan de maximumleeftijd.')).toBeVisible();
	await expect(page.getByText('De capaciteit kan niet negatief zijn.')).toBeVisible();
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Testgroep Eemland');
	await expect(page.getByLabel('Vanaf leeftijd')).toHaveValue('14');
	await expect(page.getByLabel('Capaciteit (aantal plaatsen of starts)')).toHaveValue('-2');
	await expect(page.getByRole('checkbox', { name: 'Meisje' })).toBeChecked();
	await expectAccessible(page);

	await page.getByLabel('Hulpvorm').selectOption({ label: 'Gezinshuis' });
	await page.getByLabel('Locatie').selectOption({ index: 1 });
	await page.getByLabel('Vanaf leeftijd').fill('4');
	await page.getByLabel('Capaciteit (aantal plaatsen of starts)').fill('3');
	await page.getByText('Utrecht en Flevoland').click();
	await page.getByRole('checkbox', { name: 'Eemland' }).check();
	await page.getByRole('button', { name: 'Aanbod toevoegen' }).click();

	// Back on the capacity cards, with the new offering (no report yet).
	await expect(page).toHaveURL(/\/aanbod$/);
	const kaart = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Testgroep Eemland' }) });
	await expect(kaart).toBeVisible();
	await waitForHydration(page);
	await kaart.getByRole('link', { name: /Gegevens wijzigen/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Aanbod wijzigen' })).toBeVisible();
	await waitForHydration(page);
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Testgroep Eemland');
	await expect(page.getByRole('checkbox', { name: 'Eemland' })).toBeChecked();
	await page.getByLabel('Tot en met leeftijd').fill('30');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('De maximumleeftijd is hoogstens 23 jaar.')).toBeVisible();
	await expect(page.getByLabel('Tot en met leeftijd')).toHaveValue('30');
	await expectAccessible(page);
	await page.getByLabel('Tot en met leeftijd').fill('17');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/\/aanbod$/);
	await expectAccessible(page);
});

test('another organisation cannot open an offering it does not own', async ({ page }) => {
	await useSession(page, personas.aanbieder);
	const response = await page.goto('/aanbod/00000000-0000-4000-8000-000000000000/bewerken');
	expect(response?.status()).toBe(404);
});
