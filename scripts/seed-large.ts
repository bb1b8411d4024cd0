// `npm run seed:large -- --aanbod 20000 --hulpvragen 5000 --data-dir .data-large [--fresh] [--seed 1] [--no-demo]`
// Builds a PGlite database at national scale for benchmarks: migrated, with the demo region and its
// accounts (so the app can be signed into as usual) and the benchmark data on top.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from '../src/lib/server/db/migrate';
import { openPglite } from '../src/lib/server/db/pglite';
import { seedDemoIfEmpty, seedLarge } from '../src/lib/server/db/seed';

const { values } = parseArgs({
	options: {
		aanbod: { type: 'string', default: '20000' },
		hulpvragen: { type: 'string', default: '0' },
		'data-dir': { type: 'string' },
		seed: { type: 'string', default: '1' },
		fresh: { type: 'boolean', default: false },
		'no-demo': { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h', default: false }
	}
});

const gebruik =
	'Gebruik: npm run seed:large -- --data-dir .data-large [--aanbod 20000] [--hulpvragen 5000] [--seed 1] [--fresh] [--no-demo]';

function geheel(naam: string, waarde: string | undefined): number {
	const n = Number(waarde);
	if (!Number.isSafeInteger(n) || n < 0) {
		console.error(`--${naam} moet een geheel getal ≥ 0 zijn (was ${waarde}).\n${gebruik}`);
		process.exit(2);
	}
	return n;
}

if (values.help) {
	console.log(gebruik);
	process.exit(0);
}
if (!values['data-dir']) {
	console.error(`Geef een map met --data-dir (niet de gewone .data).\n${gebruik}`);
	process.exit(2);
}
const dataDir = resolve(values['data-dir']);
// The app's own database stays out of reach: benchmark data in it would bury the demo region.
if (dataDir === resolve('.data') || dataDir === resolve(process.env.DATA_DIR?.trim() || '.data')) {
	console.error(
		`Weigering: ${dataDir} is de gewone databasemap van de app. Kies bijvoorbeeld --data-dir .data-large.`
	);
	process.exit(2);
}
const aanbod = geheel('aanbod', values.aanbod);
const hulpvragen = geheel('hulpvragen', values.hulpvragen);
const seed = geheel('seed', values.seed);

if (values.fresh && existsSync(dataDir)) {
	// Only ever remove what looks like a PGlite data directory (or nothing at all), never an arbitrary folder.
	const inhoud = readdirSync(dataDir);
	if (inhoud.length > 0 && !inhoud.includes('PG_VERSION')) {
		console.error(
			`Weigering: ${dataDir} is geen PGlite-databasemap (geen PG_VERSION); ik verwijder haar niet.`
		);
		process.exit(2);
	}
	rmSync(dataDir, { recursive: true, force: true });
	console.log(`${dataDir} leeggemaakt.`);
}

const start = performance.now();
const sinds = () => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const db = await openPglite(dataDir);
try {
	const toegepast = await migrate(db);
	console.log(`Geopend en gemigreerd (${toegepast.length} migraties toegepast) na ${sinds()}.`);
	if (!values['no-demo']) {
		const gezaaid = await seedDemoIfEmpty(db);
		console.log(gezaaid ? `Demoregio gezaaid na ${sinds()}.` : 'Database niet leeg: demoregio overgeslagen.');
	}
	const seedStart = performance.now();
	console.log(`Benchmarkdata: ${aanbod} aanbod, seed ${seed} …`);
	const result = await seedLarge(db, { aanbod, hulpvragen, seed, log: (regel) => console.log(regel) });
	const seedDuur = ((performance.now() - seedStart) / 1000).toFixed(1);
	console.log(
		[
			`Klaar in ${sinds()} (seedLarge ${seedDuur} s):`,
			`  organisaties ${result.organisaties} (waarvan aanbieders ${result.aanbieders})`,
			`  accounts     ${result.users} (wachtwoord wijzer-demo)`,
			`  locaties     ${result.locaties}`,
			`  aanbod       ${result.aanbod}`,
			`  meldingen    ${result.capaciteitsmeldingen}`,
			`  hulpvragen   ${result.hulpvragen}`,
			`Start de app erop met DATA_DIR=${values['data-dir']}.`
		].join('\n')
	);
} catch (error) {
	console.error(`Mislukt na ${sinds()}: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	await db.close();
}
