import { expect, test } from '@playwright/test';
import { personas, useSession, waitForHydration } from './helpers';

// $lib/server/eerst-tekenen.ts: pages paint before their JavaScript loads, then hydrate as before.
for (const { pad, wie } of [
	{ pad: '/aanmelden', wie: null },
	{ pad: '/zoeken?hulpvorm=gezinshuis&plaats=Amersfoort', wie: personas.jeugdbeschermer }
]) {
	test(`${pad.split('?')[0]} paints first, then loads its JavaScript and hydrates`, async ({ page }) => {
		if (wie) await useSession(page, wie);
		const response = await page.goto(pad);
		expect(response?.status()).toBe(200);
		// No chunk is preloaded ahead of the paint: not in the Link header, not in <head>.
		expect((await response?.headerValue('link')) ?? '').not.toContain('modulepreload');
		await waitForHydration(page);

		const { verf, scripts, preloads } = await page.evaluate(() => ({
			verf: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
			scripts: performance
				.getEntriesByType('resource')
				.filter((e) => new URL(e.name).pathname.startsWith('/_app/immutable/') && e.name.endsWith('.js'))
				.map((e) => e.startTime),
			preloads: document.head.querySelectorAll('link[rel="modulepreload"]').length
		}));
		expect(verf).not.toBeNull();
		expect(scripts.length).toBeGreaterThan(1);
		// Every chunk was asked for after the first contentful paint.
		expect(Math.min(...scripts)).toBeGreaterThan(verf!);
		// …and, once painted, all at once (the start script's list), not one import after another.
		expect(preloads).toBeGreaterThan(1);
	});
}
