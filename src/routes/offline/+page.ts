import type { PageLoad } from './$types';

// Built once into static HTML without anyone's data: the service worker precaches it and serves it for
// any page when the network is gone. What it shows comes from the device (offline-opslag).
export const prerender = true;

// Served at other URLs (/zoeken, /hulpvragen, …), where SvelteKit's page.route is that URL's route:
// this flag in the page's own data is how the layout knows it is the shell.
export const load = (() => ({ offlineShell: true as const })) satisfies PageLoad;
