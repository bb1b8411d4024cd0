/**
 * Paint first, then load and start the JavaScript.
 *
 * A server-rendered page is readable before any script runs. SvelteKit nevertheless lists every chunk as
 * `modulepreload` (Link header and <head>) and starts the app from an inline script at the end of <body>: on a
 * phone the ~17 chunks compete with the stylesheet for the connection, and where they arrive quickly the browser
 * evaluates and hydrates before it paints, so the first paint waits for all of it (Lighthouse measured 1.3 s of
 * "render delay" on /zoeken, issue 5 §4). Here the chunks are taken out of the preloads and the inline start
 * script waits until the first contentful paint; then the same chunks are preloaded in parallel and the app
 * starts. Forms and links work without JavaScript, so nothing is lost in the moment between paint and hydration.
 */

/** SvelteKit's inline start script: `<script nonce="…">{ __sveltekit_abc = {`. */
const START_SCRIPT = /<script(?: nonce="[^"]*")?>\s*\{\s*__sveltekit_\w+ = \{/;
/** The loader's name in the rewritten start script (tests look for it). */
export const LADER = '__wijzerNaEersteFrame';

/**
 * The start script's loader: waits until the browser reports the first (largest) contentful paint — an observer,
 * because the paint reaches the screen some time after the frame that drew it — or, in a browser that does not
 * report paints, for the next frame; then adds the chunks as modulepreload and imports. At most a second: a tab
 * opened in the background paints nothing until it is shown.
 */
function lader(chunks: readonly string[]): string {
	// Chunk paths come from the build; `<` is escaped anyway so nothing can close the script early.
	const lijst = JSON.stringify(chunks).replaceAll('<', '\\u003c');
	return `
				const ${LADER} = (() => {
					const getekend = new Promise((verder) => {
						const soorten = globalThis.PerformanceObserver?.supportedEntryTypes ?? [];
						const soort = ['largest-contentful-paint', 'paint'].find((s) => soorten.includes(s));
						if (soort) {
							new PerformanceObserver((lijst, waarnemer) => {
								if (!lijst.getEntries().some((e) => e.name !== 'first-paint')) return;
								waarnemer.disconnect();
								verder();
							}).observe({ type: soort, buffered: true });
						} else requestAnimationFrame(() => setTimeout(verder));
						setTimeout(verder, 1000);
					}).then(() => {
						for (const href of ${lijst}) {
							const link = document.createElement('link');
							link.rel = 'modulepreload';
							link.href = href;
							document.head.append(link);
						}
					});
					return (url) => getekend.then(() => import(url));
				})();`;
}

/**
 * Rewrites SvelteKit's start script so its imports wait for the first paint and then preload `chunks`. Returns the
 * HTML unchanged when the start script is not in it (later streamed chunks) or the page was not rendered on the
 * server.
 * Only `import("` is replaced: inside the serialized page data a quote is always escaped (`\"`), so data can never
 * match.
 */
export function naEersteFrame(html: string, chunks: readonly string[]): string {
	const match = START_SCRIPT.exec(html);
	if (!match) return html;
	const open = html.indexOf('>', match.index) + 1;
	const eind = html.indexOf('</script>', open);
	if (eind === -1) return html;
	const script = html.slice(open, eind);
	// Only a server-rendered page has something to paint first (hydration data: `node_ids`); a page without
	// SSR (`ssr = false`) would wait for a paint that only its JavaScript makes.
	if (!script.includes('node_ids:')) return html;
	return html.slice(0, open) + lader(chunks) + script.replaceAll('import("', `${LADER}("`) + html.slice(eind);
}
