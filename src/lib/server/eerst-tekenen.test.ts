import { describe, expect, it } from 'vitest';
import { LADER, naEersteFrame } from './eerst-tekenen';

// SvelteKit 2's start script as it renders it (split bundles, nonce CSP), with page data holding a quote.
const pagina = (data: string) => `<!doctype html><html><head><title>x</title></head><body><div>
			<p>Inhoud</p>
			<script nonce="abc+/=">
				{
					__sveltekit_1uboq46 = {
						base: "",
						env: {}
					};
					const element = document.currentScript.parentElement;
					Promise.all([
						import("/_app/immutable/entry/start.fNm3Jt-q.js"),
						import("/_app/immutable/entry/app.BdVBxGVE.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {
							node_ids: [0, 27],
							data: [{type:"data",data:${data},uses:{}}],
							form: null,
							error: null
						});
					});
				}
			</script>
		</div></body></html>`;
const chunks = ['/_app/immutable/entry/start.fNm3Jt-q.js', '/_app/immutable/chunks/DcUUIcKg.js'];

describe('naEersteFrame', () => {
	it('makes both imports of the start script wait for the loader, which preloads the chunks', () => {
		const html = naEersteFrame(pagina('{x:1}'), chunks);
		expect(html).not.toMatch(/\bimport\("\/_app/);
		expect(html.match(new RegExp(`${LADER}\\("/_app/immutable/entry/`, 'g'))).toHaveLength(2);
		expect(html).toContain(`for (const href of ${JSON.stringify(chunks)})`);
		// The loader comes first in the same script element, so the nonce covers it.
		expect(html).toMatch(new RegExp(`<script nonce="abc\\+/=">\\s*const ${LADER} = \\(\\(\\) => \\{`));
		expect(html.match(/<script/g)).toHaveLength(1);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
	});

	it('leaves page data alone, even text that reads like an import', () => {
		const data = '{tekst:"zie import(\\"/_app/x.js\\") en import(1)"}';
		const html = naEersteFrame(pagina(data), chunks);
		expect(html).toContain(`data:${data}`);
	});

	it('keeps everything around the start script as it was', () => {
		const voor = pagina('{x:1}');
		const na = naEersteFrame(voor, chunks);
		const begin = voor.indexOf('<script');
		expect(na.slice(0, begin)).toBe(voor.slice(0, begin));
		expect(na.slice(na.indexOf('</script>'))).toBe(voor.slice(voor.indexOf('</script>')));
	});

	it('cannot be made to close the script early by a chunk path', () => {
		const html = naEersteFrame(pagina('{x:1}'), ['/_app/</script><script>alert(1)//.js']);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(html).toContain('\\u003c/script>');
	});

	it('leaves a page rendered only in the browser (ssr = false) alone: it has nothing to paint first', () => {
		const zonderSsr = pagina('{x:1}').replace(/\t*node_ids: \[0, 27\],\n[\s\S]*?error: null\n/, '');
		expect(zonderSsr).not.toContain('node_ids');
		expect(naEersteFrame(zonderSsr, chunks)).toBe(zonderSsr);
	});

	it('returns HTML without a start script unchanged', () => {
		const zonder =
			'<!doctype html><html><body><p>Geen JavaScript</p><script>{ iets(); }</script></body></html>';
		expect(naEersteFrame(zonder, chunks)).toBe(zonder);
		expect(naEersteFrame('<div>later gestreamd deel</div>', chunks)).toBe('<div>later gestreamd deel</div>');
	});
});
