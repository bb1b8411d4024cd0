import { expect, test } from '@playwright/test';
import { expectAccessible, personas, useSession } from './helpers';

test('a signed-out visit to the start page goes to sign-in', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL('/aanmelden');
	await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afmelden' })).toHaveCount(0);
});

test.describe('as jeugdbeschermer', () => {
	test.beforeEach(async ({ page }) => {
		await useSession(page, personas.jeugdbeschermer);
	});

	for (const pad of ['/aanbod', '/beheer']) {
		test(`${pad} answers with the Dutch 403 page`, async ({ page }) => {
			const response = await page.goto(pad);
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
			await expect(page.getByText('U heeft geen toegang tot deze pagina.')).toBeVisible();
			await expect(page.getByRole('link', { name: 'Naar de startpagina' })).toHaveAttribute('href', '/');
			// Both answers are the same page: checking one keeps the run short.
			if (pad === '/aanbod') await expectAccessible(page);
		});
	}

	test('an unknown address answers with the 404 page', async ({ page }) => {
		const response = await page.goto('/bestaat-niet');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
		await expect(page.getByText('Controleer het adres.')).toBeVisible();
		await expectAccessible(page);
	});

	test('the navigation offers only what the role may open', async ({ page }) => {
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
		await expect(nav.getByRole('link')).toHaveText(['Start', 'Voor u', 'Hulpvragen', 'Zoeken', 'Wijzer']);
	});
});

test('the skip link is the first stop and moves to the content', async ({ page }) => {
	await page.goto('/aanmelden');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#inhoud$/);
});
