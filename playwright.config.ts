import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		viewport: { width: 360, height: 800 },
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		trace: 'retain-on-failure',
		// The service worker precaches the whole app on every fresh context; only the PWA tests
		// (pwa.spec.ts) need it, so the others run without it, as on a first visit.
		serviceWorkers: 'block'
	},
	projects: [
		{
			name: 'chromium-mobiel',
			use: {
				...devices['Desktop Chrome'],
				viewport: { width: 360, height: 800 },
				hasTouch: true,
				isMobile: false,
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					// Without the networking flags Chromium floods the closed network (STACK.md).
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--disable-quic',
						'--no-first-run'
					]
				}
			}
		}
	],
	webServer: {
		// The real built app on a fresh embedded database, seeded with the demo region.
		command: 'node scripts/start.js --fresh',
		url: `http://localhost:${port}/api/health`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			DATA_DIR: port === 4173 ? '.data-e2e' : `.data-e2e-${port}`,
			ORIGIN: `http://localhost:${port}`
		}
	}
});
