import AxeBuilder from '@axe-core/playwright';
import { expect, type Cookie, type Page } from '@playwright/test';

/** The demo accounts the seed creates; all share this password. */
export const DEMO_WACHTWOORD = 'wijzer-demo';

export interface Persona {
	email: string;
	/** The role as the header shows it (rolLabels). */
	rolLabel: string;
}

export const personas = {
	jeugdbeschermer: { email: 'jeugdbeschermer@demo.nl', rolLabel: 'Jeugdbeschermer' },
	giCoordinator: { email: 'gi-coordinator@demo.nl', rolLabel: 'Coördinator GI' },
	aanbieder: { email: 'aanbieder@demo.nl', rolLabel: 'Zorgaanbieder' },
	zorgmakelaar: { email: 'zorgmakelaar@demo.nl', rolLabel: 'Zorgmakelaar' },
	expertteam: { email: 'expertteam@demo.nl', rolLabel: 'Expertteam' },
	regio: { email: 'regio@demo.nl', rolLabel: 'Regio (beleid en inkoop)' },
	beheerder: { email: 'beheer@demo.nl', rolLabel: 'Beheerder' }
} as const satisfies Record<string, Persona>;

/** Waits until the root layout has hydrated (it sets data-hydrated on body), so clicks reach Svelte. */
export async function waitForHydration(page: Page): Promise<void> {
	await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
}

/** Fills in and submits the sign-in form on the current page (which must be /aanmelden). */
export async function submitSignIn(page: Page, email: string, wachtwoord: string): Promise<void> {
	await waitForHydration(page);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(wachtwoord);
	await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
}

/** Signs in through the form and waits for the start page. */
export async function signIn(page: Page, persona: Persona): Promise<void> {
	await page.goto('/aanmelden');
	await submitSignIn(page, persona.email, DEMO_WACHTWOORD);
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Goedendag' })).toBeVisible();
}

// One worker runs the tests (playwright.config.ts), so this cache is per run. Sessions are signed
// tokens, so a cookie from an earlier sign-in stays valid after that test signed out.
const sessies = new Map<string, Cookie[]>();

/**
 * Signs in once per persona through the form, then reuses the session cookie: for tests about
 * something else than signing in, so the run stays short.
 */
export async function useSession(page: Page, persona: Persona): Promise<void> {
	const cookies = sessies.get(persona.email);
	if (cookies) {
		await page.context().addCookies(cookies);
		return;
	}
	await signIn(page, persona);
	sessies.set(persona.email, await page.context().cookies());
}

/** Signs out with the header's button and checks the sign-in page says so. */
export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page).toHaveURL('/aanmelden?afgemeld=1');
	await expect(page.getByRole('status')).toContainText('U bent afgemeld.');
}

/** axe with the WCAG 2.1 A and AA rules: no violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.options({ resultTypes: ['violations'] })
		.analyze();
	const samenvatting = violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(samenvatting, `axe-overtredingen op ${page.url()}`).toEqual([]);
}
