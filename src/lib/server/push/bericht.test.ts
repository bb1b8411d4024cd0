import { describe, expect, it } from 'vitest';
import { isPushSoort, PUSH_SOORTEN, pushBericht } from './bericht';

// A push passes a lock screen and a browser vendor's push service: it must say nothing about a case.
describe('pushBericht', () => {
	it.each(PUSH_SOORTEN)(
		'%s: exactly soort, titel, tekst and url, in Dutch, without case details',
		(soort) => {
			const bericht = pushBericht(soort);
			expect(Object.keys(bericht).sort()).toEqual(['soort', 'tekst', 'titel', 'url']);
			expect(bericht.soort).toBe(soort);
			expect(bericht.titel.length).toBeGreaterThan(3);
			expect(bericht.titel.length).toBeLessThanOrEqual(40);
			expect(bericht.tekst).toMatch(/^[A-Z].*\.$/);
			// Dutch, addressing the reader with "u" where it addresses them at all.
			expect(bericht.tekst).not.toMatch(/\b(you|your|je|jij|jouw)\b/i);
			expect(bericht.url).toMatch(/^\/[a-z-]*$/);
			const tekst = JSON.stringify(bericht);
			// No reference, id, date, number or e-mail address: nothing that points to a case or a person.
			expect(tekst).not.toMatch(/HV-[2-9A-HJ-NP-Z]{4}/);
			expect(tekst).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
			expect(tekst.replace('binnen 2 uur', '')).not.toMatch(/\d/);
			expect(tekst).not.toMatch(/@/);
		}
	);

	it('keeps a known section page from the queue, and refuses anything else', () => {
		expect(pushBericht('antwoord', '/makelaar').url).toBe('/makelaar');
		expect(pushBericht('antwoord', '/hulpvragen/HV-7K3Q').url).toBe('/inbox');
		expect(pushBericht('nieuw_voorstel', 'https://elders.example/').url).toBe('/voorstellen');
		expect(pushBericht('escalatie', '/expertteam?id=1').url).toBe('/expertteam');
	});

	it('opens the page where the person acts', () => {
		expect(pushBericht('nieuw_voorstel')).toEqual({
			soort: 'nieuw_voorstel',
			titel: 'Nieuw voorstel',
			tekst: 'Er wacht een voorstel op uw antwoord. Open de app.',
			url: '/voorstellen'
		});
		expect(pushBericht('escalatie').url).toBe('/expertteam');
		expect(pushBericht('hold_verloopt').url).toBe('/inbox');
		expect(pushBericht('test').url).toBe('/instellingen');
	});

	it('knows its kinds', () => {
		expect(isPushSoort('norm_verlopen')).toBe(true);
		expect(isPushSoort('referentie')).toBe(false);
	});
});
