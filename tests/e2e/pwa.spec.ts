import { createECDH, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { pushBericht } from '../../src/lib/server/push/bericht';
import { expectAccessible, personas, signIn, signOut, waitForHydration } from './helpers';

// The PWA with its real service worker (src/service-worker.ts): the other specs block service workers.
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker is active and controls this page (it claims pages on first install). */
async function wachtOpServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/**
 * Opens a page with the network cut. Chromium's emulation leaves navigator.onLine true in a document
 * loaded while offline (a real phone without signal says false); cutting again makes it say so.
 */
async function openOffline(page: Page, pad: string): Promise<void> {
	const context = page.context();
	await context.setOffline(true);
	await page.goto(pad);
	await waitForHydration(page);
	await context.setOffline(false);
	await context.setOffline(true);
	await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

/** The offline copies on this device, read straight from IndexedDB: [soort, url] per copy. */
function offlineKopieen(page: Page): Promise<string[][]> {
	return page.evaluate(async () => {
		const namen = (await indexedDB.databases()).map((d) => d.name);
		if (!namen.includes('wijzer-offline')) return [];
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const v = indexedDB.open('wijzer-offline');
			v.onsuccess = () => resolve(v.result);
			v.onerror = () => reject(v.error);
		});
		const alle = await new Promise<{ soort: string; url: string }[]>((resolve, reject) => {
			const v = db.transaction('momentopnamen').objectStore('momentopnamen').getAll();
			v.onsuccess = () => resolve(v.result as { soort: string; url: string }[]);
			v.onerror = () => reject(v.error);
		});
		db.close();
		return alle.map((o) => [o.soort, o.url]).sort();
	});
}

const ZOEKOPDRACHT = '/zoeken?hulpvorm=crisisplek&hulpvorm=gezinshuis&plaats=Utrecht&afstand=60';

test('installable: a Dutch manifest with maskable icon, and the start URL opens per role', async ({
	page
}) => {
	const manifest = await (await page.request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({
		name: 'Beschikbaarheidswijzer',
		short_name: 'Wijzer',
		lang: 'nl-NL',
		start_url: '/start',
		display: 'standalone',
		theme_color: '#154273'
	});
	expect(manifest.icons).toContainEqual(expect.objectContaining({ sizes: '512x512', purpose: 'maskable' }));
	for (const icoon of manifest.icons as { src: string }[]) {
		expect((await page.request.get(icoon.src)).headers()['content-type']).toBe('image/png');
	}

	await page.goto('/start');
	await expect(page).toHaveURL('/aanmelden?terug=%2Fstart');
	await signIn(page, personas.aanbieder);
	await page.goto('/start');
	await expect(page).toHaveURL('/aanbod');
});

test('offline: last search, wijzer and own hulpvragen show with the banner; sign-out wipes them', async ({
	page,
	context
}) => {
	// Eleven page loads, three axe runs.
	test.setTimeout(90_000);
	await signIn(page, personas.jeugdbeschermer);
	await wachtOpServiceWorker(page);
	await page.goto(ZOEKOPDRACHT);
	const resultaten = page.getByRole('heading', { level: 1, name: 'Zoeken' });
	await expect(resultaten).toBeVisible();
	const eersteResultaat = await page.getByRole('article').first().getByRole('heading').first().innerText();
	// Each copy is written just after its page shows; a page load before that would cut it off.
	await expect.poll(() => offlineKopieen(page)).toHaveLength(1);
	await page.goto('/wijzer');
	await expect.poll(() => offlineKopieen(page)).toHaveLength(2);
	await page.goto('/hulpvragen');
	const referentie = await page.getByRole('link', { name: /^HV-/ }).first().innerText();
	await expect
		.poll(() => offlineKopieen(page))
		.toEqual([
			['hulpvragen', '/hulpvragen'],
			['wijzer', '/wijzer'],
			['zoeken', ZOEKOPDRACHT]
		]);

	await openOffline(page, '/zoeken');
	await expect(page.getByText(/^Offline\s—\sgegevens van \d{2}:\d{2}$/)).toBeVisible();
	await expect(page.getByRole('article').first()).toContainText(eersteResultaat);
	await expectAccessible(page);

	await openOffline(page, '/hulpvragen');
	await expect(page.getByRole('heading', { level: 1, name: 'Hulpvragen' })).toBeVisible();
	await expect(page.getByText(referentie).first()).toBeVisible();
	await expect(page.getByText(/^Offline\s—\sgegevens van \d{2}:\d{2}$/)).toBeVisible();
	await expectAccessible(page);

	// The header's navigation works offline too (SvelteKit falls back to a page load, the worker to the shell).
	await page.getByRole('link', { name: 'Wijzer', exact: true }).click();
	await expect(page).toHaveURL('/wijzer');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('wijzer', { ignoreCase: true });

	// A page that was never kept says so, and offers what is.
	await page.goto('/makelaar');
	await expect(page.getByRole('heading', { level: 1, name: 'Niet offline beschikbaar' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Laatste zoekresultaten' })).toBeVisible();

	await context.setOffline(false);
	await page.goto('/hulpvragen');
	await signOut(page);
	expect(await offlineKopieen(page)).toEqual([]);

	await context.setOffline(true);
	await page.goto('/hulpvragen');
	await expect(page.getByRole('heading', { level: 1, name: 'U bent offline' })).toBeVisible();
	await expect(page.getByText(referentie)).toHaveCount(0);
	await context.setOffline(false);
});

test('offline: the aanbod opens from the device and a report made there goes out once on reconnect', async ({
	page,
	context
}) => {
	await signIn(page, personas.aanbieder);
	await wachtOpServiceWorker(page);
	await page.goto('/aanbod');
	await expect.poll(() => offlineKopieen(page)).toContainEqual(['aanbod', '/aanbod']);
	const verstuurd: string[] = [];
	context.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/capaciteit')
			verstuurd.push(r.postData() ?? '');
	});

	await openOffline(page, '/aanbod');
	await expect(page.getByText(/^Offline\s—\sgegevens van \d{2}:\d{2}$/)).toBeVisible();
	const kaart = page
		.getByRole('list', { name: 'Capaciteit per aanbod' })
		.getByRole('listitem')
		// One with room for another free place (other tests fill cards up to their capacity).
		.filter({ has: page.getByRole('button', { name: 'Eén vrije plaats meer', disabled: false }) })
		.first();
	const veld = kaart.getByLabel('Vrije plaatsen', { exact: true });
	const voor = Number(await veld.inputValue());
	const naam = await kaart.getByRole('heading', { level: 2 }).innerText();
	// The card by its name from here: saving can move it in the list (stale cards go first).
	const vast = page
		.getByRole('list', { name: 'Capaciteit per aanbod' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 2, name: naam, exact: true }) });
	await vast.getByRole('button', { name: 'Eén vrije plaats meer' }).click();
	await vast.getByRole('button', { name: /^Opslaan/ }).click();
	await expect(page.getByText('1 melding wacht op verbinding.')).toBeVisible();
	await expectAccessible(page);
	expect(verstuurd).toEqual([]);

	await context.setOffline(false);
	await expect(vast.getByRole('status')).toContainText(/Opgeslagen om \d{2}:\d{2}/);
	await expect(page.getByText(/melding(en)? wacht(en)? op verbinding/)).toHaveCount(0);
	expect(verstuurd).toHaveLength(1);
	expect(JSON.parse(verstuurd[0] ?? '{}')).toMatchObject({ vrijePlaatsen: voor + 1 });

	// Online again, the server has it, once.
	await page.goto('/aanbod');
	await waitForHydration(page);
	const naKaart = page
		.getByRole('list', { name: 'Capaciteit per aanbod' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 2, name: naam, exact: true }) });
	await expect(naKaart.getByLabel('Vrije plaatsen', { exact: true })).toHaveValue(String(voor + 1));
	expect(verstuurd).toHaveLength(1);
});

test('a new service worker shows "Nieuwe versie beschikbaar — vernieuwen" and takes over on the tap', async ({
	page
}) => {
	await signIn(page, personas.jeugdbeschermer);
	await wachtOpServiceWorker(page);
	await expect(page.getByText('Nieuwe versie beschikbaar')).toHaveCount(0);

	// A new worker for the app's scope, as after a deploy. (The browser's own update check cannot be
	// intercepted by Playwright, so the new worker comes from another script URL: to the browser this is
	// the same update flow, install → waiting until told to take over.)
	await page.evaluate(() =>
		navigator.serviceWorker.register('/service-worker.js?versie=2').then(() => undefined)
	);

	await expect(page.getByText('Nieuwe versie beschikbaar —')).toBeVisible();
	await expectAccessible(page);
	// It waits: the page keeps its current worker until the person chooses.
	expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(
		true
	);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).not.toContain('versie=2');

	await page.evaluate(() => ((window as unknown as { voorVernieuwen: boolean }).voorVernieuwen = true));
	await page.getByRole('button', { name: 'vernieuwen' }).click();
	// Reloaded (the marker is gone) under the new worker; evaluate fails while the page is reloading.
	const staat = () =>
		page
			.evaluate(() => ({
				oud: (window as unknown as { voorVernieuwen?: boolean }).voorVernieuwen ?? false,
				worker: navigator.serviceWorker.controller?.scriptURL ?? ''
			}))
			.catch(() => ({ oud: true, worker: '' }));
	await expect.poll(staat).toEqual({ oud: false, worker: expect.stringContaining('versie=2') });
});

test('a push shows as a notification with the server’s own text and the page to open', async ({
	page,
	context
}) => {
	await context.grantPermissions(['notifications']);
	await signIn(page, personas.aanbieder);
	await wachtOpServiceWorker(page);
	const bericht = pushBericht('nieuw_voorstel');

	// The browser's push channel, without a vendor's push service: Chromium delivers to the worker itself.
	const cdp = await context.newCDPSession(page);
	const { targetInfo } = await cdp.send('Target.getTargetInfo');
	// The registration whose worker controls this page: active, so the push goes to a worker that can show it.
	const registratie = new Promise<string>((resolve) =>
		cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
			const v = versions.find((x) => x.controlledClients?.includes(targetInfo.targetId));
			if (v) resolve(v.registrationId);
		})
	);
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.deliverPushMessage', {
		origin: new URL(page.url()).origin,
		registrationId: await registratie,
		data: JSON.stringify(bericht)
	});

	// Once in a full run (1 of 4) nothing showed within the default 5 s; given more time on a busy machine.
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const r = await navigator.serviceWorker.getRegistration();
					return (await r?.getNotifications())?.map((n) => ({ titel: n.title, tekst: n.body, data: n.data }));
				}),
			{ timeout: 15_000 }
		)
		.toEqual([{ titel: 'Nieuw voorstel', tekst: bericht.tekst, data: { url: '/voorstellen' } }]);
});

test('settings: push per device, listed and removable; refusals in Dutch; axe-clean', async ({
	page,
	context
}) => {
	await context.grantPermissions(['notifications']);
	await signIn(page, personas.zorgmakelaar);
	await wachtOpServiceWorker(page);
	await page.getByRole('link', { name: 'Instellingen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
	await expect(page.getByText('Meldingen staan uit op dit apparaat.')).toBeVisible();
	await expect(page.getByText('U hebt meldingen nog op geen enkel apparaat aangezet.')).toBeVisible();
	await expectAccessible(page);

	// Another device of this person, as its browser would send it (keys of a real P-256 pair).
	const sleutel = createECDH('prime256v1');
	sleutel.generateKeys();
	const abonnement = {
		endpoint: 'https://push.voorbeeld.nl/abonnement/e2e-1',
		keys: { p256dh: sleutel.getPublicKey('base64url'), auth: randomBytes(16).toString('base64url') },
		apparaat: 'Firefox op Android'
	};
	const fout = await page.request.post('/api/push/abonnementen', {
		data: { ...abonnement, endpoint: 'http://192.168.1.10/push' }
	});
	expect(fout.status()).toBe(400);
	expect(await fout.json()).toMatchObject({ veld: 'endpoint', fout: expect.stringContaining('https-adres') });
	expect((await page.request.post('/api/push/abonnementen', { data: abonnement })).status()).toBeLessThan(
		300
	);

	await page.reload();
	await waitForHydration(page);
	const apparaat = page.getByRole('listitem').filter({ hasText: 'Firefox op Android' });
	await expect(apparaat).toBeVisible();
	await expectAccessible(page);
	await apparaat.getByRole('button', { name: /^Meldingen uitzetten/ }).click();
	await expect(page.getByText('Meldingen op dat apparaat staan uit.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Firefox op Android' })).toHaveCount(0);
});
