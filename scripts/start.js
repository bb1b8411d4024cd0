// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
// Options: --fresh wipes DATA_DIR first (only when DATA_DIR is set explicitly; used by the e2e tests).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);

/** @param {string} path @returns {number} newest modification time below path */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const dataDir = resolve(process.env.DATA_DIR?.trim() || '.data');
if (!process.env.DATABASE_URL) {
	// Fail before a long build when another server already holds the embedded database
	// (the server checks again, authoritatively, when it opens the database).
	const lock = join(dataDir, 'wijzer.lock');
	if (existsSync(lock)) {
		const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
		let alive = false;
		try {
			process.kill(pid, 0);
			alive = true;
		} catch (error) {
			alive = /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
		}
		if (alive) {
			console.error(
				`De database in ${dataDir} is al in gebruik door proces ${pid}. Stop dat proces eerst, of kies een andere map met DATA_DIR.`
			);
			process.exit(1);
		}
	}
	if (process.argv.includes('--fresh')) {
		if (!process.env.DATA_DIR) {
			console.error(
				'--fresh wist alleen een map die met DATA_DIR is opgegeven, nooit de standaardmap .data.'
			);
			process.exit(1);
		}
		rmSync(dataDir, { recursive: true, force: true });
	}
}

const built = join(root, 'build', 'handler.js');
const sources = Math.max(
	...['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map((p) => newest(join(root, p)))
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
	console.log('Bouwen (eenmalig na installatie of wijziging)…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ||= '3000';
// adapter-node assumes https unless told; locally the app is served on plain http.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
console.log(
	`Beschikbaarheidswijzer: ${process.env.ORIGIN} (${process.env.DATABASE_URL ? 'Postgres via DATABASE_URL' : `ingebouwde database in ${dataDir}`})`
);
await import(pathToFileURL(join(root, 'build', 'index.js')).href);
