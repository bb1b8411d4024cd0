import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aanmeldSchema } from './aanmelden';

describe('aanmeldSchema', () => {
	it('accepts an e-mail and password, trimming the e-mail', () => {
		const r = aanmeldSchema.safeParse({ email: ' aanbieder@demo.nl ', wachtwoord: 'wijzer-demo' });
		expect(r.success && r.data.email).toBe('aanbieder@demo.nl');
	});
	it('says in Dutch what is wrong with each field', () => {
		const r = aanmeldSchema.safeParse({ email: 'geen-adres', wachtwoord: '' });
		expect(r.success).toBe(false);
		const fouten = z.flattenError(r.error!).fieldErrors;
		expect(fouten?.email?.[0]).toMatch(/geen geldig e-mailadres/);
		expect(fouten?.wachtwoord?.[0]).toBe('Vul uw wachtwoord in.');
	});
	it('refuses missing fields with a Dutch message, not a type error', () => {
		const r = aanmeldSchema.safeParse({ email: null, wachtwoord: undefined });
		expect(z.flattenError(r.error!).fieldErrors.email?.[0]).toBe('Vul uw e-mailadres in.');
	});
});
