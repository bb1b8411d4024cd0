import { describe, expect, it } from 'vitest';
import { z } from './zod';
import { vrijeTekst } from './pii';

const schema = z.object({ toelichting: vrijeTekst(200) });

const fouten = (invoer: unknown) => {
	const r = schema.safeParse(invoer);
	return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe('vrijeTekst', () => {
	it('accepts clean text, trimmed', () => {
		expect(schema.safeParse({ toelichting: '  Meisje van 14 jaar, groep 8, 24/7 toezicht nodig ' })).toEqual({
			success: true,
			data: { toelichting: 'Meisje van 14 jaar, groep 8, 24/7 toezicht nodig' }
		});
	});

	it('refuses a BSN with a Dutch message that does not repeat it', () => {
		const melding = fouten({ toelichting: 'Jongen, BSN 123456782, zoekt crisisplek' }).toelichting;
		expect(melding).toEqual([
			'Haal een BSN weg: persoonsgegevens van het kind of gezin horen hier niet. De rest van uw tekst blijft staan.'
		]);
		expect(melding?.join()).not.toContain('123456782');
	});

	it('names every kind in one message', () => {
		expect(fouten({ toelichting: 'Bel 06-12345678 of mail ouders@example.nl' }).toelichting).toEqual([
			expect.stringMatching(/^Haal een e-mailadres en een telefoonnummer weg: /)
		]);
	});

	it('limits the length', () => {
		expect(fouten({ toelichting: 'a'.repeat(201) }).toelichting).toEqual(['Maximaal 200 tekens.']);
	});
});
