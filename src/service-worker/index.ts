/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// The service worker (issue 5, DESIGN.md §4). What it may keep, and what never:
// - precached: the app shell, i.e. the built JS/CSS, the static files and the prerendered /offline page,
//   none of which holds anything about a person or a child;
// - cached at run time: static assets not in the precache and map tiles, each with an entry limit;
// - never cached: pages (HTML), __data.json, /api (JSON with case data), form posts. Offline, a page
//   request gets the /offline shell, which shows the person's own snapshot from IndexedDB (kept per
//   signed-in person and wiped at sign-out, see $lib/client/offline-opslag.ts).
import { build, files, prerendered, version } from '$service-worker';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import * as navigationPreload from 'workbox-navigation-preload';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

const OFFLINE_PAGINA = '/offline';

// The public settings the server hands the app at run time (SvelteKit's $env/dynamic/public): fresh from
// the network when there is one, the last copy offline. Fetched at install, so the shell starts offline.
const APP_ENV = '/_app/env.js';
registerRoute(
	({ url, sameOrigin }) => sameOrigin && url.pathname === APP_ENV,
	new NetworkFirst({ cacheName: 'app-env', networkTimeoutSeconds: 3 })
);
self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open('app-env')
			.then((cache) => cache.add(APP_ENV))
			.catch(() => undefined)
	);
});

// Hashed build files need no revision; static files and the prerendered shell change with the version.
precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files.map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
cleanupOutdatedCaches();
// A page request starts while the worker boots, so the worker costs no time on a navigation.
navigationPreload.enable();

// Pages always come from the network; offline, the shell. Never stored: they carry the person's data.
registerRoute(
	new NavigationRoute(
		{
			handle: async (opties) => {
				try {
					return await new NetworkOnly().handle(opties);
				} catch {
					return (await matchPrecache(OFFLINE_PAGINA)) ?? Response.error();
				}
			}
		},
		// Signing out and API downloads are never answered from the shell.
		{ denylist: [/^\/api\//, /^\/afmelden/] }
	)
);

// Static assets that are not in the precache (e.g. a file added after this version): same origin,
// never /api, never a document or data. At most 60 of them.
registerRoute(
	({ request, url, sameOrigin }) =>
		sameOrigin &&
		!url.pathname.startsWith('/api/') &&
		!url.pathname.endsWith('/__data.json') &&
		url.pathname !== APP_ENV &&
		['style', 'script', 'font', 'image'].includes(request.destination),
	new CacheFirst({
		cacheName: 'statisch',
		plugins: [
			new CacheableResponsePlugin({ statuses: [200] }),
			new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true })
		]
	})
);

// Map tiles (PDOK BRT, public, no personal data): the map of an area seen before shows offline. Leaflet
// loads them as plain images, so the worker gets opaque answers (status 0); each counts for megabytes in
// the browser's storage quota, hence a small cap, and the oldest go first.
registerRoute(
	({ url }) => url.origin === 'https://service.pdok.nl',
	new CacheFirst({
		cacheName: 'kaarttegels',
		plugins: [
			new CacheableResponsePlugin({ statuses: [0, 200] }),
			new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true })
		]
	})
);

// A new version waits until the person chooses "vernieuwen" (workbox-window sends SKIP_WAITING), so a
// half-filled form is never reloaded under their thumb.
self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();

/** What the server pushes (src/lib/server/push): never anything about a case. */
interface PushBericht {
	titel?: string;
	tekst?: string;
	url?: string;
}

self.addEventListener('push', (event) => {
	let bericht: PushBericht = {};
	try {
		bericht = (event.data?.json() ?? {}) as PushBericht;
	} catch {
		// A push we cannot read still tells the person to look.
	}
	const url = typeof bericht.url === 'string' && bericht.url.startsWith('/') ? bericht.url : '/inbox';
	event.waitUntil(
		self.registration.showNotification(bericht.titel ?? 'Beschikbaarheidswijzer', {
			body: bericht.tekst ?? 'Er is iets voor u. Open de app.',
			icon: '/icons/icon-192.png',
			badge: '/icons/icon-192.png',
			lang: 'nl-NL',
			data: { url }
		})
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = new URL(
		(event.notification.data as { url?: string } | null)?.url ?? '/inbox',
		self.location.origin
	);
	event.waitUntil(
		(async () => {
			const vensters = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = vensters.find((v) => new URL(v.url).origin === url.origin);
			if (open) {
				await open.focus();
				await open.navigate(url.href);
			} else {
				await self.clients.openWindow(url.href);
			}
		})()
	);
});
