import { describe, expect, it } from 'vitest';
import { antwoordSchema, antwoordVerzoekSchema } from './hulpvraag';
import { z } from './zod';

// The answer to a proposal as the buttons' form and POST /api/v1/voorstellen/{id}/antwoord take it:
// a decline with the rules of afwijzingSchema, other answers without a reason.

const fouten = (r: { success: false; error: z.ZodError }): Record<string, string[] | undefined> =>
	z.flattenError(r.error).fieldErrors;

describe('antwoordSchema', () => {
	it('takes an accept without a reason, and drops a stray one', () => {
		expect(antwoordSchema.parse({ soort: 'accepteren', reden: 'geen_plek' })).toEqual({
			soort: 'accepteren'
		});
	});

	it('takes a decline with its reason and a trimmed explanation', () => {
		expect(
			antwoordSchema.parse({ soort: 'afwijzen_na_intake', reden: 'anders', toelichting: '  Past niet.  ' })
		).toEqual({ soort: 'afwijzen_na_intake', reden: 'anders', toelichting: 'Past niet.' });
	});

	it.each([
		[{ soort: 'afwijzen' }, 'reden', 'Kies een reden.'],
		[{ soort: 'afwijzen', reden: 'weet-niet' }, 'reden', 'Kies een reden.'],
		[{ soort: 'afwijzen', reden: 'anders', toelichting: '' }, 'toelichting', 'Licht "anders" kort toe.'],
		[{ soort: 'afwijzen', reden: 'anders', toelichting: 'Bel 06-12345678' }, 'toelichting', /telefoonnummer/],
		[{ soort: 'goedkeuren' }, 'soort', /^Onbekend antwoord/]
	] as const)('refuses %j at its field', (invoer, veld, bericht) => {
		const r = antwoordSchema.safeParse(invoer);
		expect(r.success).toBe(false);
		if (!r.success) expect(fouten(r)[veld]?.[0]).toMatch(bericht);
	});
});

describe('antwoordVerzoekSchema', () => {
	const goed = {
		soort: 'afwijzen',
		reden: 'geen_plek',
		gedaanOp: '2026-11-23T09:00:00.000Z',
		idempotentieSleutel: '0b7e2c1d-1111-4a2b-8c3d-4e5f6a7b8c9d'
	};

	it('splits the answer from when it was made and its key', () => {
		expect(antwoordVerzoekSchema.parse(goed)).toEqual({
			antwoord: { soort: 'afwijzen', reden: 'geen_plek', toelichting: '' },
			gedaanOp: goed.gedaanOp,
			idempotentieSleutel: goed.idempotentieSleutel
		});
	});

	it.each([
		['idempotentieSleutel', { ...goed, idempotentieSleutel: undefined }],
		['idempotentieSleutel', { ...goed, idempotentieSleutel: 'abc' }],
		['gedaanOp', { ...goed, gedaanOp: 'gisteren' }],
		['reden', { ...goed, reden: undefined }]
	])('refuses a missing or malformed %s', (veld, invoer) => {
		const r = antwoordVerzoekSchema.safeParse(invoer);
		expect(r.success).toBe(false);
		if (!r.success) expect(Object.keys(fouten(r))).toContain(veld);
	});
});
