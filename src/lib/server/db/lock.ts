import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process already holds the data directory. */
export class DataDirInUseError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`De database in ${dataDir} is al in gebruik door proces ${pid}. Stop dat proces eerst, ` +
				`of kies een andere map met DATA_DIR. (The data directory is in use by process ${pid}.)`
		);
		this.name = 'DataDirInUseError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite does not lock its data directory, and two processes on one directory corrupt it.
 * Takes an exclusive lock file (stale locks of dead processes are taken over) and returns its release.
 */
export function lockDataDir(dataDir: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const path = join(dataDir, 'wijzer.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				rmSync(path, { force: true });
				process.off('exit', release);
			};
			process.on('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
			if (Number.isInteger(pid) && (pid === process.pid || isAlive(pid)))
				throw new DataDirInUseError(dataDir, pid);
			rmSync(path, { force: true });
		}
	}
	throw new Error(`Kon ${path} niet vergrendelen.`);
}
