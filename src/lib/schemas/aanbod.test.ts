import { describe, expect, it } from 'vitest';
import { z } from './zod';
import { aanbodSchema, locatieSchema } from './aanbod';

const geldig = {
	naam: 'Gezinshuis De Linde',
	hulpvorm: 'gezinshuis',
	locatieId: '3e9f786f-ba98-4821-a8aa-988bebd79c6b',
	leeftijdMin: '4',
	leeftijdMax: '17',
	capaciteitTotaal: '3',
	tags: ['trauma'],
	contraIndicaties: ['verslaving']
};

const fouten = (invoer: unknown) => {
	const r = aanbodSchema.safeParse(invoer);
	return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe('aanbodSchema', () => {
	it('accepts a complete offering and reads the numbers', () => {
		expect(aanbodSchema.parse(geldig)).toMatchObject({
			leeftijdMin: 4,
			leeftijdMax: 17,
			capaciteitTotaal: 3
		});
	});

	it('refuses a tag that is both target group and contra-indication', () => {
		expect(fouten({ ...geldig, contraIndicaties: ['trauma'] }).contraIndicaties?.[0]).toMatch(
			/tegelijk doelgroep en contra-indicatie/
		);
	});

	it('reads an empty number field as missing, not as 0', () => {
		expect(fouten({ ...geldig, capaciteitTotaal: '' }).capaciteitTotaal?.[0]).toBe(
			'Vul de capaciteit in als getal.'
		);
	});

	it('says that min is above max even when other fields are wrong too', () => {
		const f = fouten({ ...geldig, naam: '', leeftijdMin: '14', leeftijdMax: '12' });
		expect(f.naam).toBeDefined();
		expect(f.leeftijdMax?.[0]).toBe('De minimumleeftijd is hoger dan de maximumleeftijd.');
	});
});

describe('locatieSchema', () => {
	it.each([
		['3811', true],
		['3811 AB', false],
		['0123', false],
		['Hoofdstraat 12', false]
	])('%s valid: %s', (pc4, ok) => {
		expect(locatieSchema.safeParse({ naam: 'Locatie', pc4 }).success).toBe(ok);
	});
});
