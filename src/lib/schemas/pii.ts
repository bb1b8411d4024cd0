import { piiMelding } from '$lib/domain/pii';
import { z } from './zod';

/**
 * A free-text field of a hulpvraag: trimmed, at most `max` characters, and without personal data of the
 * child or family (see src/lib/domain/pii.ts). The message says what kind to remove, never the value;
 * the database refuses the same with public.zonder_pii.
 */
export function vrijeTekst(max: number) {
	return z
		.string()
		.trim()
		.max(max, `Maximaal ${max} tekens.`)
		.superRefine((tekst, ctx) => {
			const melding = piiMelding(tekst);
			if (melding) ctx.addIssue({ code: 'custom', message: melding });
		});
}
