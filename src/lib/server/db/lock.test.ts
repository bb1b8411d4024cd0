import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './lock';

const dirs: string[] = [];
function tempDir() {
	const dir = mkdtempSync(join(tmpdir(), 'wijzer-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
	it('refuses a directory held by another live process, naming it', async () => {
		const dir = tempDir();
		// Another process that is alive for the duration of the test holds the lock.
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
		try {
			writeFileSync(join(dir, 'wijzer.lock'), String(holder.pid));
			expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
			expect(() => lockDataDir(dir)).toThrow(/al in gebruik door proces \d+/);
		} finally {
			holder.kill();
		}
	});

	it('takes over the stale lock of a process that has died', async () => {
		const dir = tempDir();
		const dead = spawn(process.execPath, ['-e', '']);
		await new Promise((resolve) => dead.on('exit', resolve));
		writeFileSync(join(dir, 'wijzer.lock'), String(dead.pid));
		const release = lockDataDir(dir);
		expect(readFileSync(join(dir, 'wijzer.lock'), 'utf8')).toBe(String(process.pid));
		release();
		expect(existsSync(join(dir, 'wijzer.lock'))).toBe(false);
	});

	it('can be taken again after release', () => {
		const dir = tempDir();
		lockDataDir(dir)();
		const release = lockDataDir(dir);
		expect(existsSync(join(dir, 'wijzer.lock'))).toBe(true);
		release();
	});
});
