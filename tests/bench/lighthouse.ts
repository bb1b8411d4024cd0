/**
 * Issue 5 §4: the performance budget, measured with Lighthouse 12 on Chromium against the built app on a fresh
 * embedded demo database. Five pages — sign-in (signed out), search with a realistic query, the wijzer, a demo
 * hulpvraag and the provider's aanbod — each signed in as the person who uses it (the session cookie goes to
 * Lighthouse as an extra header). Mobile profile with Lighthouse's default simulated throttling (slow 4G:
 * 150 ms RTT, 1.6 Mbit/s; 4× CPU slowdown), categories performance, accessibility and best practices; every page
 * is run RONDES times and each figure is the median over those runs.
 * The search page's first-load JavaScript is measured twice: what Lighthouse saw transferred (the scripts in the
 * page's load, from the network-requests audit; as served, i.e. adapter-node's precompressed brotli), and
 * independently from the build output: the chunks the /zoeken response references (the start script's list) and
 * their static imports, gzipped with node:zlib.
 * Lantern (Lighthouse's simulation) multiplies the main-thread time it observes by 4: on a busy or slow machine
 * the performance figures drop, so measure on a quiet one (benchmarkIndex, printed, says how fast it was).
 * LIGHTHOUSE_RAPPORTEN=<dir> writes the full report of each page's median run (HTML and JSON).
 * Targets (issue 5): performance ≥ 95, accessibility 100, best practices ≥ 95, LCP ≤ 1.5 s on every page;
 * first-load JS of the search page ≤ 100 KB gzipped (Leaflet only when the map opens).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { generateReport, type Flags, type Result } from 'lighthouse';
import { openDatabase } from '../../src/lib/server/db/index';
import { oordeel } from './groot';
import { aanmelden, startServer } from './server';
import { percentile, row } from './stats';

const RONDES = 3;
const DOEL = { performance: 95, accessibility: 100, bestPractices: 95, lcp: 1500, eersteJsKB: 100 };
/** A jeugdbeschermer's search in the demo region: two hulpvormen near the child's gemeente. */
const ZOEKOPDRACHT = 'hulpvorm=gezinshuis&hulpvorm=pleegzorg&plaats=Amersfoort&afstand=50';
const JEUGDBESCHERMER = 'jeugdbeschermer@demo.nl';
const AANBIEDER = 'aanbieder@demo.nl';
// Without the networking flags Chromium floods the closed network (STACK.md).
const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	'--disable-breakpad',
	'--disable-crash-reporter'
];
const CATEGORIEEN = ['performance', 'accessibility', 'best-practices'] as const;

interface Pagina {
	naam: string;
	pad: string;
	/** Who is signed in (null: signed out). */
	wie: string | null;
}

interface Meting {
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcp: number;
	fcp: number;
	tbt: number;
	cls: number;
	si: number;
	/** All script bytes transferred in the load (resource-summary). */
	jsKB: number;
	/** Script requests in the load and their transfer sizes (network-requests). */
	scripts: { url: string; kB: number }[];
	/** Lowest–highest performance score over the runs (set on the median). */
	spreiding: string;
	lhr: Result;
}

const kB = (bytes: number) => bytes / 1024;
const score = (lhr: Result, id: (typeof CATEGORIEEN)[number]) =>
	Math.round((lhr.categories[id]?.score ?? 0) * 100);
const waarde = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;

interface Rij {
	resourceType?: string;
	transferSize?: number;
	url?: string;
}
/** The rows of an audit's table (details.items), loosely typed: Lighthouse's detail types are a union. */
function rijen(lhr: Result, audit: string): Rij[] {
	const details = lhr.audits[audit]?.details as { items?: Rij[] } | undefined;
	return details?.items ?? [];
}

function meting(lhr: Result): Meting {
	const scriptRij = rijen(lhr, 'resource-summary').find((r) => r.resourceType === 'script');
	return {
		performance: score(lhr, 'performance'),
		accessibility: score(lhr, 'accessibility'),
		bestPractices: score(lhr, 'best-practices'),
		lcp: waarde(lhr, 'largest-contentful-paint'),
		fcp: waarde(lhr, 'first-contentful-paint'),
		tbt: waarde(lhr, 'total-blocking-time'),
		cls: waarde(lhr, 'cumulative-layout-shift'),
		si: waarde(lhr, 'speed-index'),
		jsKB: kB(scriptRij?.transferSize ?? 0),
		scripts: rijen(lhr, 'network-requests')
			.filter((r) => r.resourceType === 'Script')
			.map((r) => ({ url: r.url ?? '', kB: kB(r.transferSize ?? 0) })),
		spreiding: '',
		lhr
	};
}

/** Medians per figure over the runs; the run with the median performance score is kept for diagnosis. */
function mediaan(runs: Meting[]): Meting {
	const m = (f: (r: Meting) => number) => percentile(runs.map(f), 50);
	const opScore = [...runs].sort((a, b) => a.performance - b.performance);
	const midden = opScore[Math.floor((opScore.length - 1) / 2)]!;
	return {
		performance: m((r) => r.performance),
		accessibility: m((r) => r.accessibility),
		bestPractices: m((r) => r.bestPractices),
		lcp: m((r) => r.lcp),
		fcp: m((r) => r.fcp),
		tbt: m((r) => r.tbt),
		cls: m((r) => r.cls),
		si: m((r) => r.si),
		jsKB: m((r) => r.jsKB),
		scripts: midden.scripts,
		spreiding: `${opScore[0]!.performance}–${opScore[opScore.length - 1]!.performance}`,
		lhr: midden.lhr
	};
}

/** Audits that cost points in a category (binary and numeric audits below 1), with their displayed value. */
function tekortkomingen(lhr: Result, categorie: (typeof CATEGORIEEN)[number]): string[] {
	return (lhr.categories[categorie]?.auditRefs ?? [])
		.map((ref) => lhr.audits[ref.id])
		.filter(
			(a) =>
				a &&
				a.score !== null &&
				a.score < 1 &&
				(a.scoreDisplayMode === 'binary' ||
					a.scoreDisplayMode === 'numeric' ||
					a.scoreDisplayMode === 'metricSavings')
		)
		.map((a) => `${a!.id} (${a!.title}${a!.displayValue ? `: ${a!.displayValue}` : ''})`);
}

/**
 * First-load JavaScript from the build output: the chunks the page's response references (modulepreload in the
 * Link header or the HTML, where SvelteKit puts them by default; the inline start script's imports and the chunk
 * list it preloads after the first paint, $lib/server/eerst-tekenen.ts) and everything they import statically,
 * each gzipped (level 9, as the adapter precompresses).
 * Dynamic imports — Leaflet among them — are not followed: they load later.
 */
function eersteJsUitBuild(
	html: string,
	linkHeader: string
): { bestanden: { pad: string; gzipKB: number }[]; leaflet: boolean } {
	const client = resolve('build/client');
	const wachtrij = [
		...linkHeader.matchAll(/<([^>]+\.js)>[^,]*rel="?modulepreload/g),
		...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
		// The start script's chunks: SvelteKit's own imports, or the list it preloads after the first paint.
		...html.matchAll(/"(\/_app\/immutable\/[^"]+\.js)"/g)
	].map((m) => new URL(m[1]!, 'http://x/zoeken').pathname);
	const gezien = new Set<string>();
	const bestanden: { pad: string; gzipKB: number }[] = [];
	let leaflet = false;
	while (wachtrij.length > 0) {
		const pad = wachtrij.shift()!;
		if (gezien.has(pad)) continue;
		gezien.add(pad);
		const code = readFileSync(join(client, pad));
		bestanden.push({ pad, gzipKB: kB(gzipSync(code, { level: 9 }).length) });
		const tekst = code.toString('utf8');
		// Leaflet's bundle gives itself away by these names.
		if (/leafletjs\.com|L\.noConflict|_leaflet_id/.test(tekst)) leaflet = true;
		// Static imports only: `import"./x.js"`, `from"./x.js"` (minified); dynamic `import(` is not matched.
		for (const m of tekst.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) {
			wachtrij.push(new URL(m[1]!, `http://x${pad}`).pathname);
		}
	}
	return { bestanden, leaflet };
}

/** A demo hulpvraag of the jeugdbeschermer's GI with the most going on (proposals), for its detail page. */
async function demoHulpvraag(dataDir: string): Promise<string> {
	const db = await openDatabase({ engine: 'pglite', dataDir, demo: true });
	try {
		const [h] = await db.query<{ referentie: string }>(
			`select h.referentie from public.hulpvragen h
			   join public.leden l on l.organisatie_id = h.organisatie_id join auth.users u on u.id = l.user_id
			  where u.email = $1 and h.status <> 'concept'
			  order by (select count(*) from public.voorstellen v where v.hulpvraag_id = h.id) desc, h.referentie
			  limit 1`,
			[JEUGDBESCHERMER]
		);
		if (!h) throw new Error('Geen demohulpvraag gevonden voor de jeugdbeschermer.');
		return h.referentie;
	} finally {
		await db.close();
	}
}

/**
 * One Lighthouse run. Now and then Chromium's trace misses the navigation start (NO_NAVSTART, NO_FCP): such a
 * run says nothing about the page, so it is repeated (at most twice more, with a line saying so).
 */
async function lighthouseRun(url: string, flags: Flags): Promise<Result> {
	for (let poging = 1; ; poging++) {
		const lhr = (await lighthouse(url, flags))?.lhr;
		if (!lhr) throw new Error(`Lighthouse gaf geen resultaat voor ${url}`);
		if (!lhr.runtimeError) return lhr;
		if (poging === 3) throw new Error(`Lighthouse op ${url}: ${lhr.runtimeError.message}`);
		console.log(
			`(Lighthouse op ${new URL(url).pathname}: ${lhr.runtimeError.code}; de meting wordt herhaald)`
		);
	}
}

const sec = (v: number) => `${(v / 1000).toFixed(2)} s`;
const msTekst = (v: number) => `${v.toFixed(0)} ms`;
const kbTekst = (v: number) => `${v.toFixed(1)} KB`;

export async function benchLighthouse(port: number): Promise<boolean> {
	console.log(
		`\n== Lighthouse: prestatiebudget op 5 pagina's (demoregio, mobiel, gesimuleerd traag 4G, mediaan van ${RONDES}) ==\n`
	);
	const dataDir = mkdtempSync(join(tmpdir(), 'wijzer-bench-lighthouse-'));
	const profiel = mkdtempSync(join(tmpdir(), 'wijzer-bench-chrome-'));
	let chrome: LaunchedChrome | undefined;
	try {
		// A fresh demo database (initdb, migrate, seed), then the built app on it.
		const referentie = await demoHulpvraag(dataDir);
		const server = await startServer(dataDir, port);
		try {
			const sessies = new Map<string, string>();
			for (const email of [JEUGDBESCHERMER, AANBIEDER])
				sessies.set(email, await aanmelden(server.origin, email));
			const paginas: Pagina[] = [
				{ naam: 'aanmelden', pad: '/aanmelden', wie: null },
				{ naam: 'zoeken', pad: `/zoeken?${ZOEKOPDRACHT}`, wie: JEUGDBESCHERMER },
				{ naam: 'wijzer', pad: '/wijzer', wie: JEUGDBESCHERMER },
				{ naam: 'hulpvraag', pad: `/hulpvragen/${referentie}`, wie: JEUGDBESCHERMER },
				{ naam: 'aanbod', pad: '/aanbod', wie: AANBIEDER }
			];

			// Each page must answer 200 for its person (not a redirect to sign-in) before it is measured.
			let zoekHtml = '';
			let zoekLink = '';
			for (const p of paginas) {
				const response = await fetch(`${server.origin}${p.pad}`, {
					redirect: 'manual',
					headers: p.wie ? { cookie: sessies.get(p.wie)! } : {}
				});
				const html = await response.text();
				if (response.status !== 200) throw new Error(`GET ${p.pad} gaf ${response.status}`);
				if (p.naam === 'zoeken') [zoekHtml, zoekLink] = [html, response.headers.get('link') ?? ''];
			}
			const aantal = /<h2[^>]*id="resultaten-titel"[^>]*>\s*(\d+)/.exec(zoekHtml)?.[1];
			if (!aantal || Number(aantal) === 0) throw new Error(`De zoekopdracht ${ZOEKOPDRACHT} vond niets.`);

			chrome = await launch({
				chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
				chromeFlags: CHROME_FLAGS,
				userDataDir: profiel,
				logLevel: 'silent'
			});
			const resultaten = new Map<string, Meting>();
			let lhrVoorbeeld: Result | undefined;
			/** Lighthouse's run warnings, each with the pages it was given for. */
			const waarschuwingen = new Map<string, Set<string>>();
			for (const p of paginas) {
				const runs: Meting[] = [];
				for (let i = 0; i < RONDES; i++) {
					const flags: Flags = {
						port: chrome.port,
						output: 'json',
						logLevel: 'error',
						onlyCategories: [...CATEGORIEEN],
						formFactor: 'mobile',
						throttlingMethod: 'simulate',
						...(p.wie ? { extraHeaders: { Cookie: sessies.get(p.wie)! } } : {})
					};
					const lhr = await lighthouseRun(`${server.origin}${p.pad}`, flags);
					// Signed out or refused, the app would have sent Lighthouse elsewhere (sign-in, start page).
					const eind = new URL(lhr.finalDisplayedUrl);
					if (eind.pathname + eind.search !== p.pad)
						throw new Error(`Lighthouse kwam op ${lhr.finalDisplayedUrl} uit in plaats van ${p.pad}`);
					for (const w of lhr.runWarnings) {
						waarschuwingen.set(w, (waarschuwingen.get(w) ?? new Set()).add(p.naam));
					}
					runs.push(meting(lhr));
					lhrVoorbeeld ??= lhr;
				}
				resultaten.set(p.naam, mediaan(runs));
			}

			for (const [w, bij] of waarschuwingen) console.log(`Lighthouse warning (${[...bij].join(', ')}): ${w}`);
			if (waarschuwingen.size > 0) console.log();

			// The table: one column per page.
			const namen = paginas.map((p) => p.naam);
			const cel = (f: (m: Meting) => string) => namen.map((n) => f(resultaten.get(n)!));
			console.log(row(`median of ${RONDES} runs per page`, ...namen));
			console.log(row('performance score', ...cel((m) => String(m.performance))));
			console.log(row('  lowest–highest of the runs', ...cel((m) => m.spreiding)));
			console.log(row('accessibility score', ...cel((m) => String(m.accessibility))));
			console.log(row('best practices score', ...cel((m) => String(m.bestPractices))));
			console.log(row('largest contentful paint (LCP)', ...cel((m) => sec(m.lcp))));
			console.log(row('first contentful paint (FCP)', ...cel((m) => sec(m.fcp))));
			console.log(row('speed index', ...cel((m) => sec(m.si))));
			console.log(row('total blocking time (TBT)', ...cel((m) => msTekst(m.tbt))));
			console.log(row('cumulative layout shift (CLS)', ...cel((m) => m.cls.toFixed(3))));
			console.log(row('JavaScript transferred (all scripts, as served)', ...cel((m) => kbTekst(m.jsKB))));

			// First-load JavaScript of the search page, both ways.
			const zoeken = resultaten.get('zoeken')!;
			const lhJs = zoeken.scripts.reduce((s, r) => s + r.kB, 0);
			const build = eersteJsUitBuild(zoekHtml, zoekLink);
			const buildJs = build.bestanden.reduce((s, b) => s + b.gzipKB, 0);
			const scriptsMetLeaflet = zoeken.scripts.filter((s) => /leaflet/i.test(s.url)).length;
			console.log();
			console.log(row(`search page (/zoeken?${ZOEKOPDRACHT}, ${aantal} results)`, 'figure'));
			console.log(
				row(
					`  first-load JS, Lighthouse transfer (${zoeken.scripts.length} scripts, as served)`,
					kbTekst(lhJs)
				)
			);
			console.log(
				row(`  first-load JS, build output gzip -9 (${build.bestanden.length} chunks)`, kbTekst(buildJs))
			);
			console.log(row('  Leaflet in the first load', build.leaflet || scriptsMetLeaflet > 0 ? 'ja' : 'nee'));

			if (lhrVoorbeeld) {
				const t = lhrVoorbeeld.configSettings.throttling;
				console.log(
					`\n(Lighthouse ${lhrVoorbeeld.lighthouseVersion}, ${lhrVoorbeeld.configSettings.formFactor}, ` +
						`${lhrVoorbeeld.configSettings.throttlingMethod}d: RTT ${t.rttMs} ms, ` +
						`${((t.throughputKbps ?? 0) / 1024).toFixed(1)} Mbit/s, CPU ×${t.cpuSlowdownMultiplier}; ` +
						`${lhrVoorbeeld.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? ''}, ` +
						`benchmarkIndex ${lhrVoorbeeld.environment.benchmarkIndex.toFixed(0)}; node ${process.version}; ` +
						`${new Date().toISOString()})`
				);
			}

			const lijst = (f: (m: Meting) => string) =>
				namen.map((n) => `${n} ${f(resultaten.get(n)!)}`).join(', ');
			const alle = (f: (m: Meting) => boolean) => namen.every((n) => f(resultaten.get(n)!));
			const checks = [
				[
					`performance ≥ ${DOEL.performance} (${lijst((m) => String(m.performance))})`,
					alle((m) => m.performance >= DOEL.performance)
				],
				[
					`accessibility = ${DOEL.accessibility} (${lijst((m) => String(m.accessibility))})`,
					alle((m) => m.accessibility >= DOEL.accessibility)
				],
				[
					`best practices ≥ ${DOEL.bestPractices} (${lijst((m) => String(m.bestPractices))})`,
					alle((m) => m.bestPractices >= DOEL.bestPractices)
				],
				[`LCP ≤ ${sec(DOEL.lcp)} (${lijst((m) => sec(m.lcp))})`, alle((m) => m.lcp <= DOEL.lcp)],
				[
					`search first-load JS ≤ ${DOEL.eersteJsKB} KB gzipped (build ${kbTekst(buildJs)}, transferred ${kbTekst(lhJs)})`,
					buildJs <= DOEL.eersteJsKB && lhJs <= DOEL.eersteJsKB
				],
				['Leaflet only when the map opens', !build.leaflet && scriptsMetLeaflet === 0]
			] as const;
			console.log('\ntargets (issue 5 §4):');
			for (const [tekst, gehaald] of checks) console.log(`  ${tekst}: ${oordeel(gehaald)}`);

			// Where points were lost, from the median run: the audits to look at.
			for (const n of namen) {
				const m = resultaten.get(n)!;
				const gemist = [
					...(m.performance < 100 || m.lcp > DOEL.lcp ? tekortkomingen(m.lhr, 'performance') : []),
					...(m.accessibility < 100 ? tekortkomingen(m.lhr, 'accessibility') : []),
					...(m.bestPractices < 100 ? tekortkomingen(m.lhr, 'best-practices') : [])
				];
				if (gemist.length > 0) console.log(`\n  ${n}: ${gemist.join('\n  ' + ' '.repeat(n.length + 2))}`);
			}
			// LIGHTHOUSE_RAPPORTEN=<dir>: the median run's full report per page (HTML and JSON), to dig into.
			const rapporten = process.env.LIGHTHOUSE_RAPPORTEN;
			if (rapporten) {
				mkdirSync(rapporten, { recursive: true });
				for (const n of namen) {
					const { lhr } = resultaten.get(n)!;
					writeFileSync(join(rapporten, `${n}.report.html`), generateReport(lhr, 'html'));
					writeFileSync(join(rapporten, `${n}.report.json`), JSON.stringify(lhr));
				}
				console.log(`
reports of the median runs: ${resolve(rapporten)}`);
			}
			return checks.every(([, gehaald]) => gehaald);
		} finally {
			await server.stop();
		}
	} finally {
		if (chrome) {
			const gestopt = new Promise((r) => chrome!.process.once('exit', r));
			chrome.kill();
			await Promise.race([gestopt, new Promise((r) => setTimeout(r, 5000))]);
		}
		rmSync(profiel, { recursive: true, force: true, maxRetries: 5 });
		rmSync(dataDir, { recursive: true, force: true });
	}
}
