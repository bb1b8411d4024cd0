import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Small page and component stylesheets go inline into <head>: each was its own render-blocking request
		// (a round trip on a slow mobile connection) before the first paint; the shared NL Design System sheet
		// stays a cacheable file. Inline <style> is allowed: style-src has 'unsafe-inline' (no nonce added).
		inlineStyleThreshold: 4096,
		// CSP via SvelteKit so inline hydration scripts get hashes instead of 'unsafe-inline'.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'https://service.pdok.nl'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Registered by $lib/client/pwa.svelte.ts with workbox-window, which also shows the update prompt.
		serviceWorker: { register: false },
		// Absolute asset paths: the service worker serves the prerendered /offline shell at any depth.
		paths: { relative: false },
		alias: {
			$server: 'src/lib/server'
		}
	}
};

export default config;
