import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

// The e2e web server holds .data-e2e: a second server on the same directory must stop, clearly.
test('a second server on the same embedded data directory refuses to start', async ({ request }) => {
	expect((await request.get('/api/health')).ok()).toBe(true);
	const result = spawnSync(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, DATA_DIR: '.data-e2e', PORT: '4199', ORIGIN: 'http://localhost:4199' },
		encoding: 'utf8',
		timeout: 60_000
	});
	expect(result.status).toBe(1);
	expect(result.stderr).toMatch(/is al in gebruik door proces \d+/);
});

test('the server itself also refuses, when started without the npm start check', async () => {
	const result = spawnSync(process.execPath, ['build/index.js'], {
		env: { ...process.env, DATA_DIR: '.data-e2e', PORT: '4198', ORIGIN: 'http://localhost:4198' },
		encoding: 'utf8',
		timeout: 60_000
	});
	expect(result.status).toBe(1);
	expect(result.stderr).toMatch(/is al in gebruik door proces \d+/);
});

test('health reports the engine and migration level, and no secrets', async ({ request }) => {
	const response = await request.get('/api/health');
	expect(response.headers()['cache-control']).toBe('no-store');
	const body = await response.json();
	expect(body).toMatchObject({ status: 'ok', engine: 'pglite' });
	expect(body.migratie.aantal).toBeGreaterThanOrEqual(8);
	expect(body.migratie.versie).toMatch(/^\d{14}$/);
	expect(JSON.stringify(body)).not.toMatch(/secret|password|wachtwoord|postgres:\/\//i);
});
