import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, personas, signIn, signOut, type Persona } from './helpers';

/** The header names who is signed in: role and organisation. */
async function expectSignedInAs(page: Page, persona: Persona): Promise<void> {
	await expect(page.getByRole('banner')).toContainText(persona.rolLabel);
	await expect(
		page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' })
	).toHaveAttribute('aria-current', 'page');
}

/** The start page of the roles that look for help: a status per hulpvorm, in words as well as colour. */
async function expectBeschikbaarheid(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { level: 2, name: 'Wat nu?' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: /^Nu vrij in / })).toBeVisible();
	const lijst = page.getByRole('list', { name: 'Hulpvormen met hun status' });
	await expect(lijst.getByRole('listitem').first()).toBeVisible();
	await expect(lijst).toContainText(
		/plek(ken)? vrij|Kan nu starten|Start binnen|Geen plek binnen|Geen recente melding|Geen aanbod/
	);
	// The demo region always has free places somewhere: none at all means the searcher cannot read them.
	await expect(lijst).toContainText(/\d+ plek(ken)? vrij/);
	await expect(page.getByRole('link', { name: 'Naar mijn aanbod' })).toHaveCount(0);
}

for (const [naam, persona] of [
	['jeugdbeschermer', personas.jeugdbeschermer],
	['gi_coordinator', personas.giCoordinator],
	['zorgmakelaar', personas.zorgmakelaar],
	['expertteam', personas.expertteam]
] as const) {
	test(`${naam} signs in, sees availability per hulpvorm and signs out`, async ({ page }) => {
		await signIn(page, persona);
		await expectSignedInAs(page, persona);
		await expectBeschikbaarheid(page);
		await expectAccessible(page);
		await signOut(page);
	});
}

test('aanbieder signs in, is pointed to its aanbod, opens it and signs out', async ({ page }) => {
	await signIn(page, personas.aanbieder);
	await expectSignedInAs(page, personas.aanbieder);
	await expect(page.getByRole('heading', { level: 2, name: 'Wat nu?' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Naar mijn aanbod' }).click();
	await expect(page).toHaveURL('/aanbod');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn aanbod' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn aanbod' })
	).toHaveAttribute('aria-current', 'page');
	await expect(
		page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { level: 2 }) })
			.first()
	).toBeVisible();
	await expectAccessible(page);
	await signOut(page);
});

test('regio_analist signs in, sees suppressed aggregates with the <5 explained, and signs out', async ({
	page
}) => {
	await signIn(page, personas.regio);
	await expectSignedInAs(page, personas.regio);
	await expect(page.getByText('Waarom staat er soms <5?')).toBeVisible();
	const tabel = page.getByRole('table', { name: 'Aanbod en aanbod met plek nu, per hulpvorm' });
	await expect(tabel.getByRole('columnheader', { name: 'Met plek nu' })).toBeVisible();
	// Every count is 5 or more, or shown as <5: never a small number.
	const cellen = await tabel.getByRole('cell').allTextContents();
	expect(cellen.length).toBeGreaterThan(0);
	for (const cel of cellen) expect(cel.replace('minder dan 5', '').trim()).toMatch(/^(<5|[5-9]|[1-9]\d+)$/);
	await expectAccessible(page);
	await signOut(page);
});

test('beheerder signs in, sees the counts, opens the organisations table and signs out', async ({ page }) => {
	await signIn(page, personas.beheerder);
	await expectSignedInAs(page, personas.beheerder);
	await expect(page.getByRole('term').filter({ hasText: 'Gebruikers' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Naar beheer' }).click();
	await expect(page).toHaveURL('/beheer');
	const tabel = page.getByRole('table', { name: 'Organisaties' });
	await expect(tabel.getByRole('row').nth(1)).toBeVisible();
	await expect(tabel.getByRole('rowheader').first()).not.toBeEmpty();
	await expectAccessible(page);
	await signOut(page);
});
