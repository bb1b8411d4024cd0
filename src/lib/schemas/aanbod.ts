import { HULPVORM_CODES } from '$lib/domain/hulpvormen';
import { DOELGROEP_TAGS, GESLACHTEN, TALEN } from '$lib/domain/kenmerken';
import { leegIsOnbekend, z } from './zod';

// A provider's locaties and aanbod (issue 3 §1), from the management forms. A location is known to
// PC4 only; the gemeente follows from the PC4 in the database, so it cannot disagree with it.

const naam = (wat: string) =>
	z
		.string({ error: `Vul de naam van ${wat} in.` })
		.trim()
		.min(2, `Vul de naam van ${wat} in (minstens 2 tekens).`)
		.max(120, `De naam van ${wat} mag hoogstens 120 tekens zijn.`);

export const locatieSchema = z.object({
	naam: naam('de locatie'),
	pc4: z
		.string({ error: 'Vul de 4 cijfers van de postcode in.' })
		.trim()
		.superRefine((v, ctx) => {
			if (/^[1-9][0-9]{3}$/.test(v)) return;
			ctx.addIssue({
				code: 'custom',
				message: /^[0-9]{4}\s*[a-z]{2}/i.test(v)
					? 'Vul alleen de 4 cijfers van de postcode in: een adres slaan we niet op.'
					: 'Vul de 4 cijfers van de postcode in, bijvoorbeeld 3811.'
			});
		})
});
export type Locatie = z.infer<typeof locatieSchema>;

const leeftijd = (wat: string) =>
	z.preprocess(
		leegIsOnbekend,
		z.coerce
			.number({ error: `Vul de ${wat} in als getal.` })
			.int(`De ${wat} moet een heel getal zijn.`)
			.min(0, `De ${wat} kan niet negatief zijn.`)
			.max(23, `De ${wat} is hoogstens 23 jaar.`)
	);

const leeftijden = z.object({
	leeftijdMin: leeftijd('minimumleeftijd'),
	leeftijdMax: leeftijd('maximumleeftijd')
});

const lijst = <T extends readonly [string, ...string[]]>(waarden: T, fout: string) =>
	z.array(z.enum(waarden, { error: fout })).default([]);

export const aanbodSchema = z
	.object({
		naam: naam('het aanbod'),
		omschrijving: z.string().trim().max(1000, 'De omschrijving mag hoogstens 1000 tekens zijn.').default(''),
		hulpvorm: z.enum(HULPVORM_CODES, { error: 'Kies een hulpvorm.' }),
		locatieId: z.uuid('Kies een locatie.'),
		...leeftijden.shape,
		geslachten: lijst(GESLACHTEN, 'Onbekend gender.'),
		tags: lijst(DOELGROEP_TAGS, 'Onbekend kenmerk.'),
		talen: lijst(TALEN, 'Onbekende taal.'),
		contraIndicaties: lijst(DOELGROEP_TAGS, 'Onbekende contra-indicatie.'),
		contractJeugdregios: z.array(z.string().regex(/^JZ[0-9]{2}$/, 'Onbekende jeugdregio.')).default([]),
		bovenregionaal: z.boolean().default(false),
		capaciteitTotaal: z.preprocess(
			leegIsOnbekend,
			z.coerce
				.number({ error: 'Vul de capaciteit in als getal.' })
				.int('De capaciteit moet een heel getal zijn.')
				.min(0, 'De capaciteit kan niet negatief zijn.')
				.max(500, 'Meer dan 500 plaatsen kan niet.')
		),
		actief: z.boolean().default(true)
	})
	.refine((a) => !a.tags.some((t) => a.contraIndicaties.includes(t)), {
		path: ['contraIndicaties'],
		message:
			'Een kenmerk kan niet tegelijk doelgroep en contra-indicatie zijn: haal het bij een van beide weg.'
	})
	.refine((a) => a.leeftijdMin <= a.leeftijdMax, {
		path: ['leeftijdMax'],
		message: 'De minimumleeftijd is hoger dan de maximumleeftijd.',
		// Also when other fields are wrong, so every error shows at once.
		when: ({ value }) => leeftijden.safeParse(value).success
	});
export type Aanbod = z.infer<typeof aanbodSchema>;

/** The form as typed: lists from checkboxes, yes/no from a checkbox's presence. Kept on refusal. */
export function aanbodUitFormulier(form: FormData) {
	const tekst = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	const alle = (k: string) => form.getAll(k).filter((v): v is string => typeof v === 'string');
	return {
		naam: tekst('naam'),
		omschrijving: tekst('omschrijving'),
		hulpvorm: tekst('hulpvorm'),
		locatieId: tekst('locatieId'),
		leeftijdMin: tekst('leeftijdMin'),
		leeftijdMax: tekst('leeftijdMax'),
		geslachten: alle('geslachten'),
		tags: alle('tags'),
		talen: alle('talen'),
		contraIndicaties: alle('contraIndicaties'),
		contractJeugdregios: alle('contractJeugdregios'),
		bovenregionaal: form.has('bovenregionaal'),
		capaciteitTotaal: tekst('capaciteitTotaal'),
		actief: form.has('actief')
	};
}
export type AanbodInvoer = ReturnType<typeof aanbodUitFormulier>;

/** The location form as typed, kept on refusal. */
export function locatieUitFormulier(form: FormData) {
	return { naam: String(form.get('naam') ?? ''), pc4: String(form.get('pc4') ?? '') };
}
