import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pushInstelling, pushUitgezet, STANDAARD_SUBJECT } from './sleutels';

const dirs: string[] = [];
function tempDir() {
	const dir = mkdtempSync(join(tmpdir(), 'wijzer-vapid-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const embedded = (dataDir: string) => ({ engine: 'pglite' as const, dataDir, demo: false });

describe('VAPID keys', () => {
	it('embedded without keys: generates a pair once into DATA_DIR/vapid.json, readable by the owner only', () => {
		const dir = tempDir();
		const eerste = pushInstelling({}, embedded(dir));
		if (!eerste.aan) throw new Error(eerste.reden);
		expect(eerste.sleutels.publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/);
		expect(eerste.sleutels.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(eerste.sleutels.subject).toBe(STANDAARD_SUBJECT);
		const pad = join(dir, 'vapid.json');
		expect(statSync(pad).mode & 0o777).toBe(0o600);
		expect(JSON.parse(readFileSync(pad, 'utf8'))).toEqual({
			publicKey: eerste.sleutels.publicKey,
			privateKey: eerste.sleutels.privateKey
		});
		const tweede = pushInstelling({}, embedded(dir));
		expect(tweede).toEqual(eerste);
	});

	it('takes VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT from the environment', () => {
		const dir = tempDir();
		const gegenereerd = pushInstelling({}, embedded(dir));
		if (!gegenereerd.aan) throw new Error(gegenereerd.reden);
		const env = {
			VAPID_PUBLIC_KEY: gegenereerd.sleutels.publicKey,
			VAPID_PRIVATE_KEY: gegenereerd.sleutels.privateKey,
			VAPID_SUBJECT: 'https://wijzer.example.nl/contact'
		};
		const uitEnv = pushInstelling(env, {
			engine: 'postgres',
			url: 'postgres://x',
			dataDir: dir,
			demo: false
		});
		expect(uitEnv).toEqual({ aan: true, sleutels: { ...gegenereerd.sleutels, subject: env.VAPID_SUBJECT } });
	});

	it('stays off with DATABASE_URL and no keys, with half a pair, or with PUSH_UITZETTEN', () => {
		const dir = tempDir();
		const postgres = { engine: 'postgres' as const, url: 'postgres://x', dataDir: dir, demo: false };
		expect(pushInstelling({}, postgres)).toMatchObject({
			aan: false,
			reden: expect.stringMatching(/VAPID_PUBLIC_KEY/)
		});
		expect(pushInstelling({ VAPID_PUBLIC_KEY: 'B'.repeat(87) }, embedded(dir))).toMatchObject({ aan: false });
		expect(pushInstelling({ PUSH_UITZETTEN: '1' }, embedded(dir))).toMatchObject({ aan: false });
		expect(pushUitgezet({ PUSH_UITZETTEN: 'true' })).toBe(true);
		expect(pushUitgezet({ PUSH_UITZETTEN: '0' })).toBe(false);
		expect(pushUitgezet({})).toBe(false);
	});
});
