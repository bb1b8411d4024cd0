import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A Postgres server URL for a role that is not a superuser and may create databases; null: PGlite only. */
		pgUrl: string | null;
	}
}

/** The login role the tests connect as: like production, not a superuser (RLS and grants apply). */
const APP_ROLE = 'wijzer_app';
const APP_DATABASE = 'wijzer';

/** Directory of the newest Postgres server binaries: Debian's /usr/lib/postgresql/<n>/bin, else PATH. */
function findPostgresBin(): string | null {
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian)) {
		const versions = readdirSync(debian)
			.filter((v) => /^\d+$/.test(v) && existsSync(join(debian, v, 'bin', 'pg_ctl')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions[0]) return join(debian, versions[0], 'bin');
	}
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (dir && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb'))) return dir;
	}
	return null;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('Geen vrije poort gevonden.'));
			});
		});
	});
}

/** initdb and pg_ctl refuse to run as root: then run them as the `postgres` system user. */
function serverUser(): { uid: number; gid: number } | null {
	if (process.getuid?.() !== 0) return null;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

function runServerTool(bin: string, tool: string, args: string[], asPostgres: boolean): void {
	const [command, commandArgs] = asPostgres
		? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
		: [join(bin, tool), args];
	execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Starts a throwaway Postgres cluster for the "db" project (or uses TEST_DATABASE_URL) and provides
 * its URL to the test files, which each create their own database in it. Without a server the
 * tests run on PGlite only — except in CI, where the server run is mandatory.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
	const given = process.env.TEST_DATABASE_URL?.trim();
	if (given) {
		project.provide('pgUrl', given);
		return undefined;
	}

	const bin = findPostgresBin();
	if (!bin) {
		const message =
			'Geen Postgres-server gevonden (pg_ctl): de databasetests draaien alleen op PGlite. ' +
			'Installeer postgresql of zet TEST_DATABASE_URL. (Postgres server run skipped.)';
		if (process.env.CI === 'true') throw new Error(`${message} In CI is de Postgres-run verplicht.`);
		console.warn(message);
		project.provide('pgUrl', null);
		return undefined;
	}

	const dir = mkdtempSync(join(tmpdir(), 'wijzer-pg-'));
	const dataDir = join(dir, 'data');
	const owner = serverUser();
	if (owner) chownSync(dir, owner.uid, owner.gid);
	const asPostgres = owner !== null;
	const port = await freePort();

	const stop = () => {
		try {
			runServerTool(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asPostgres);
		} catch {
			// Already stopped or never started: removing the directory is all that is left.
		}
		rmSync(dir, { recursive: true, force: true });
	};

	try {
		runServerTool(
			bin,
			'initdb',
			['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
			asPostgres
		);
		// Durability is pointless for a throwaway cluster; turning it off keeps the run fast.
		const serverOptions = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		runServerTool(
			bin,
			'pg_ctl',
			['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', 'start'],
			asPostgres
		);

		const admin = postgres({
			host: '127.0.0.1',
			port,
			user: 'postgres',
			database: 'postgres',
			onnotice: () => {}
		});
		try {
			// CREATEROLE: bootstrap.sql creates anon/authenticated/service_role; CREATEDB: one database per test file.
			await admin.unsafe(`create role ${APP_ROLE} login createrole createdb`);
			await admin.unsafe(`create database ${APP_DATABASE} owner ${APP_ROLE}`);
		} finally {
			await admin.end({ timeout: 5 });
		}
	} catch (error) {
		stop();
		throw error;
	}

	project.provide('pgUrl', `postgres://${APP_ROLE}@127.0.0.1:${port}/${APP_DATABASE}`);
	return stop;
}
