import { expect, test } from '@playwright/test';
import {
	DEMO_WACHTWOORD,
	expectAccessible,
	personas,
	signIn,
	submitSignIn,
	waitForHydration
} from './helpers';

// The database allows 20 failed sign-ins per source address per 15 minutes; this file makes 6 in all.

test('the empty sign-in page is accessible and says what the app is for', async ({ page }) => {
	await page.goto('/aanmelden');
	await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Demo-accounts' })).toBeVisible();
	await expectAccessible(page);
});

test('a wrong password gets a Dutch message and keeps the e-mail address', async ({ page }) => {
	await page.goto('/aanmelden');
	await submitSignIn(page, personas.jeugdbeschermer.email, 'niet-het-wachtwoord');
	await expect(page.getByRole('alert')).toContainText('Het e-mailadres of het wachtwoord klopt niet');
	await expect(page.getByLabel('E-mailadres')).toHaveValue(personas.jeugdbeschermer.email);
	await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
	await expectAccessible(page);
});

test('an invalid e-mail address gets a field error', async ({ page }) => {
	await page.goto('/aanmelden');
	await submitSignIn(page, 'geen-e-mailadres', 'iets');
	const email = page.getByLabel('E-mailadres');
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	await expect(email).toHaveAccessibleDescription(/Dit is geen geldig e-mailadres/);
	await expect(email).toHaveValue('geen-e-mailadres');
	await expectAccessible(page);
});

test('empty fields get a field error each', async ({ page }) => {
	await page.goto('/aanmelden');
	await waitForHydration(page);
	await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
	await expect(page.getByLabel('E-mailadres')).toHaveAccessibleDescription(/Vul uw e-mailadres in/);
	await expect(page.getByLabel('Wachtwoord')).toHaveAccessibleDescription(/Vul uw wachtwoord in/);
});

test('after 5 wrong passwords for one e-mail address the sixth try is refused for a while', async ({
	page
}) => {
	// An address no other test uses, so the per-address limit is this test's alone.
	const email = 'ratelimit@demo.nl';
	await page.goto('/aanmelden');
	for (let poging = 1; poging <= 5; poging++) {
		await submitSignIn(page, email, `fout-${poging}`);
		await expect(page.getByRole('alert')).toContainText('klopt niet');
	}
	await submitSignIn(page, email, 'fout-6');
	await expect(page.getByRole('alert')).toContainText(/Te vaak een onjuist wachtwoord.*opnieuw proberen/);
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('sign-in works and returns to the page asked for', async ({ page }) => {
		await page.goto('/aanbod');
		await expect(page).toHaveURL('/aanmelden?terug=%2Faanbod');
		await page.getByLabel('E-mailadres').fill(personas.aanbieder.email);
		await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
		await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
		await expect(page).toHaveURL('/aanbod');
		await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanbod' })).toBeVisible();
	});
});

test('pages carry the security headers', async ({ page }) => {
	const response = await page.goto('/aanmelden');
	const headers = response?.headers() ?? {};
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("default-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBeTruthy();
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
	await signIn(page, personas.jeugdbeschermer);
	const sessie = (await context.cookies()).find((c) => c.name === 'wijzer_sessie');
	expect(sessie, 'sessiecookie').toBeDefined();
	expect(sessie?.httpOnly).toBe(true);
	expect(sessie?.sameSite).toBe('Lax');
	expect(sessie?.path).toBe('/');
});
