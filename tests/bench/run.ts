/**
 * `npm run bench`: every performance figure, measured side by side in one run (no timed assertions in
 * tests; targets are checked and printed here). Sections:
 *   fundament — embedded database start and the start page on the demo region (issue 2)
 *   zoeken    — search and live propagation on 20,000 offerings (issue 3)
 * Options: `--alleen fundament|zoeken`, `--groot <dir>` to reuse a `seed:large` data dir (not in use).
 * Exits 1 when a target is missed.
 */
import { parseArgs } from 'node:util';
import { benchFundament } from './fundament';
import { benchZoeken } from './zoeken';

const { values } = parseArgs({
	options: { alleen: { type: 'string' }, groot: { type: 'string' } }
});

console.log(`Beschikbaarheidswijzer — benchmark (node ${process.version}, ${new Date().toISOString()})\n`);
let gehaald = true;
if (!values.alleen || values.alleen === 'fundament') await benchFundament(4391);
if (!values.alleen || values.alleen === 'zoeken')
	gehaald = (await benchZoeken(4392, values.groot)) && gehaald;
process.exitCode = gehaald ? 0 : 1;
