import { leegIsOnbekend, z } from './zod';
import { HULPVORM_CODES } from '$lib/domain/hulpvormen';
import { DOELGROEP_TAGS, GESLACHTEN, TALEN } from '$lib/domain/kenmerken';

// The search filters, shared by the search page (URL query), GET /api/v1/aanbod and the OpenAPI
// description. Everything arrives as text from a URL, so numbers are coerced; an empty field means
// "no filter", which is what a form without JavaScript sends.

const geheelGetal = (min: number, max: number, wat: string) =>
	z.preprocess(
		leegIsOnbekend,
		z.coerce
			.number({ error: `${wat} moet een getal zijn.` })
			.int(`${wat} moet een heel getal zijn.`)
			.min(min, `${wat} is minimaal ${min}.`)
			.max(max, `${wat} is hoogstens ${max}.`)
			.optional()
	);

export const BESCHIKBAAR = ['vrij_nu', 'binnen'] as const;
export const REGIO_FILTERS = ['alle', 'contract', 'contract_of_boven'] as const;

export const zoekSchema = z
	.object({
		hulpvorm: z
			.array(z.enum(HULPVORM_CODES, { error: 'Onbekende hulpvorm.' }))
			.max(HULPVORM_CODES.length)
			.default([]),
		leeftijd: geheelGetal(0, 23, 'De leeftijd'),
		geslacht: z.preprocess(
			leegIsOnbekend,
			z.enum(GESLACHTEN, { error: 'Kies jongen, meisje of anders.' }).optional()
		),
		/** The child's gemeente (name or GM code) or PC4: the origin for distance and the contract region. */
		plaats: z.preprocess(leegIsOnbekend, z.string().trim().max(60, 'Deze plaats is te lang.').optional()),
		afstand: geheelGetal(1, 300, 'De afstand'),
		beschikbaar: z.preprocess(
			leegIsOnbekend,
			z.enum(BESCHIKBAAR, { error: 'Kies "vrij nu" of "start binnen".' }).optional()
		),
		weken: geheelGetal(1, 52, 'Het aantal weken'),
		tag: z
			.array(z.enum(DOELGROEP_TAGS, { error: 'Onbekend kenmerk.' }))
			.max(DOELGROEP_TAGS.length)
			.default([]),
		taal: z.preprocess(leegIsOnbekend, z.enum(TALEN, { error: 'Onbekende taal.' }).optional()),
		/** Only offerings for children of this jeugdregio (contracted, or bovenregionaal in its JB-regio): the wijzer's cells. */
		jeugdregio: z.preprocess(
			leegIsOnbekend,
			z
				.string()
				.trim()
				.toUpperCase()
				.regex(/^JZ[0-9]{2}$/, 'Onbekende jeugdregio.')
				.optional()
		),
		regio: z.preprocess(
			leegIsOnbekend,
			z.enum(REGIO_FILTERS, { error: 'Onbekende keuze voor contract.' }).default('alle')
		),
		pagina: z.preprocess(leegIsOnbekend, z.coerce.number().int().min(1).max(1000).default(1))
	})
	.superRefine((f, ctx) => {
		// A judge orders a kind of help, so a search starts from it; it also keeps every search a
		// narrow scan instead of ranking all offerings of the country.
		if (f.hulpvorm.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['hulpvorm'], message: 'Kies ten minste één hulpvorm.' });
		}
		// A six-character postcode comes close to an address: the child's address is never asked for.
		if (f.plaats !== undefined && /^[1-9][0-9]{3}\s*[a-z]{2}$/i.test(f.plaats)) {
			ctx.addIssue({
				code: 'custom',
				path: ['plaats'],
				message:
					'Vul alleen de 4 cijfers van de postcode in, zonder letters: het adres van het kind is niet nodig.'
			});
		}
		if (f.afstand !== undefined && f.plaats === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['plaats'],
				message: 'Vul de gemeente of postcode van het kind in om op afstand te zoeken.'
			});
		}
		if (f.regio !== 'alle' && f.plaats === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['plaats'],
				message: 'Vul de gemeente of postcode van het kind in om op contract te filteren.'
			});
		}
		if (f.beschikbaar === 'binnen' && f.weken === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['weken'],
				message: 'Vul in binnen hoeveel weken de hulp moet starten.'
			});
		}
	});

export type ZoekFilters = z.infer<typeof zoekSchema>;
/** What the form sends back when invalid: the raw text, so nothing typed is lost. */
export type ZoekInvoer = Partial<Record<keyof ZoekFilters, string | string[]>>;

export const RESULTATEN_PER_PAGINA = 25;

export { filtersAlsQuery, queryAlsObject } from './zoeken-url';
