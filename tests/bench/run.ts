/**
 * `npm run bench`: every performance figure, measured side by side in one run (no timed assertions in
 * tests; targets are checked and printed here). Sections:
 *   fundament — embedded database start and the start page on the demo region (issue 2)
 *   zoeken    — search and live propagation on 20,000 offerings (issue 3)
 *   matching  — matching one hulpvraag on the same 20,000 offerings (issue 4)
 *   belasting — 200 SSE clients while capacity is reported 20 times a second for 60 s (issue 5 §5)
 *   lighthouse — the performance budget: Lighthouse (mobile, simulated slow 4G) on five pages (issue 5 §4)
 * Options: `--alleen fundament|zoeken|matching|belasting|lighthouse`, `--groot <dir>` to reuse a data dir built by
 * an earlier run (kept then; otherwise a temporary one is built and removed). Exits 1 when a target is missed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBelasting } from './belasting';
import { benchFundament } from './fundament';
import { bouwGroteDatabase } from './groot';
import { benchLighthouse } from './lighthouse';
import { benchMatching } from './matching';
import { benchZoeken } from './zoeken';

const { values } = parseArgs({
	options: { alleen: { type: 'string' }, groot: { type: 'string' } }
});
const doe = (sectie: string) => !values.alleen || values.alleen === sectie;

console.log(`Beschikbaarheidswijzer — benchmark (node ${process.version}, ${new Date().toISOString()})\n`);
let gehaald = true;
if (doe('fundament')) await benchFundament(4391);
if (doe('zoeken') || doe('matching')) {
	const groot = values.groot ?? mkdtempSync(join(tmpdir(), 'wijzer-bench-groot-'));
	try {
		if (!existsSync(join(groot, 'PG_VERSION'))) await bouwGroteDatabase(groot);
		if (doe('zoeken')) gehaald = (await benchZoeken(4392, groot)) && gehaald;
		if (doe('matching')) gehaald = (await benchMatching(4393, groot)) && gehaald;
	} finally {
		if (!values.groot) rmSync(groot, { recursive: true, force: true });
	}
}
if (doe('belasting')) gehaald = (await benchBelasting(4394)) && gehaald;
if (doe('lighthouse')) gehaald = (await benchLighthouse(4395)) && gehaald;
process.exitCode = gehaald ? 0 : 1;
