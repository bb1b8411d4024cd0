import { HULPVORM_CODES } from '$lib/domain/hulpvormen';
import { DOELGROEP_TAGS, GESLACHTEN } from '$lib/domain/kenmerken';
import { datumInNederland, URGENTIES, type Urgentie } from '$lib/domain/termijn';
import { vrijeTekst } from './pii';
import { leegIsOnbekend, z } from './zod';

// The hulpvraag as the form and the JSON API take it (issue 4 §1). The database checks the same rules
// again (migration 0800) and resolves the gemeente; here every refusal gets its Dutch sentence at its field.

export const MAATREGELEN = ['ots', 'vots', 'voogdij', 'jeugdreclassering', 'machtiging_uhp'] as const;
export type Maatregel = (typeof MAATREGELEN)[number];

export const maatregelLabels: Record<Maatregel, string> = {
	ots: 'Ondertoezichtstelling (OTS)',
	vots: 'Voorlopige ondertoezichtstelling (VOTS)',
	voogdij: 'Voogdij',
	jeugdreclassering: 'Jeugdreclassering',
	machtiging_uhp: 'Machtiging uithuisplaatsing'
};

export const urgentieUitleg: Record<Urgentie, string> = {
	crisis: 'hulp binnen 24 uur',
	hoog: 'hulp binnen 10 werkdagen',
	regulier: 'hulp binnen 3 maanden na de maatregel'
};

const lijst = <T extends readonly [string, ...string[]]>(waarden: T, fout: string) =>
	z.array(z.enum(waarden, { error: fout }));

export const hulpvraagSchema = z.object({
	gemeente: z
		.string({ error: 'Vul de gemeente in waar het kind woont.' })
		.trim()
		.min(2, 'Vul de gemeente in waar het kind woont.')
		.max(80, 'Vul alleen de naam van de gemeente in.'),
	leeftijd: z.preprocess(
		leegIsOnbekend,
		z.coerce
			.number({ error: 'Vul de leeftijd in jaren in.' })
			.int('Vul de leeftijd in hele jaren in.')
			.min(0, 'De leeftijd kan niet negatief zijn.')
			.max(23, 'Jeugdhulp is er tot en met 23 jaar.')
	),
	geslacht: z.preprocess(leegIsOnbekend, z.enum(GESLACHTEN, { error: 'Onbekend gender.' }).optional()),
	maatregel: z.enum(MAATREGELEN, { error: 'Kies de maatregel.' }),
	maatregelDatum: z.iso
		.date({ error: 'Vul de datum van de maatregel in (dag-maand-jaar).' })
		.refine(
			(d) => d <= datumInNederland(new Date()),
			'De datum van de maatregel kan niet in de toekomst liggen.'
		),
	urgentie: z.enum(URGENTIES as unknown as readonly [Urgentie, ...Urgentie[]], {
		error: 'Kies de urgentie.'
	}),
	hulpvormen: lijst(HULPVORM_CODES, 'Onbekende hulpvorm.')
		.min(1, 'Kies minstens één hulpvorm.')
		.max(3, 'Kies hoogstens 3 hulpvormen.'),
	tags: lijst(DOELGROEP_TAGS, 'Onbekend kenmerk.').max(10, 'Kies hoogstens 10 kenmerken.').default([]),
	maxAfstandKm: z.preprocess(
		leegIsOnbekend,
		z.coerce
			.number({ error: 'Vul de reisafstand in kilometers in.' })
			.int('Vul de reisafstand in hele kilometers in.')
			.min(5, 'De reisafstand is minstens 5 km.')
			.max(300, 'De reisafstand is hoogstens 300 km.')
			.default(50)
	),
	toelichting: vrijeTekst(500).default(''),
	/** concept: only the GI sees it; open: published to brokers and matching. */
	status: z.enum(['concept', 'open'], { error: 'Kies concept of publiceren.' }).default('open')
});
export type HulpvraagInvoer = z.infer<typeof hulpvraagSchema>;

/** The form as typed (lists from checkboxes), kept on refusal. */
export function hulpvraagUitFormulier(form: FormData) {
	const tekst = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	const alle = (k: string) => form.getAll(k).filter((v): v is string => typeof v === 'string');
	return {
		gemeente: tekst('gemeente'),
		leeftijd: tekst('leeftijd'),
		geslacht: tekst('geslacht'),
		maatregel: tekst('maatregel'),
		maatregelDatum: tekst('maatregelDatum'),
		urgentie: tekst('urgentie'),
		hulpvormen: alle('hulpvormen'),
		tags: alle('tags'),
		maxAfstandKm: tekst('maxAfstandKm'),
		toelichting: tekst('toelichting'),
		status: tekst('status') === 'concept' ? 'concept' : 'open'
	};
}
export type HulpvraagFormulier = ReturnType<typeof hulpvraagUitFormulier>;

// ---------------------------------------------------------------------
// Proposals and answers
// ---------------------------------------------------------------------

export const voorstellenSchema = z.object({
	aanbod: z
		.array(z.uuid('Onbekend aanbod.'))
		.min(1, 'Kies minstens één aanbod om aan voor te stellen.')
		.max(3, 'U kunt een hulpvraag aan hoogstens 3 aanbieders tegelijk voorstellen.')
		.refine((ids) => new Set(ids).size === ids.length, 'U hebt hetzelfde aanbod twee keer gekozen.')
});

export const AFWIJSREDENEN = [
	'geen_plek',
	'past_niet_bij_doelgroep',
	'contra_indicatie',
	'regio_contract',
	'anders'
] as const;
export type Afwijsreden = (typeof AFWIJSREDENEN)[number];

export const afwijsredenLabels: Record<Afwijsreden, string> = {
	geen_plek: 'Geen plek',
	past_niet_bij_doelgroep: 'Past niet bij onze doelgroep',
	contra_indicatie: 'Contra-indicatie',
	regio_contract: 'Geen contract voor deze regio',
	anders: 'Anders'
};

export const afwijzingSchema = z
	.object({
		reden: z.enum(AFWIJSREDENEN, { error: 'Kies een reden.' }),
		toelichting: vrijeTekst(280).default('')
	})
	.refine((a) => a.reden !== 'anders' || a.toelichting.trim().length >= 3, {
		path: ['toelichting'],
		message: 'Licht "anders" kort toe.'
	});

/** A provider's answers to a proposal, in the order they can follow each other. */
export const ANTWOORD_SOORTEN = [
	'accepteren',
	'afwijzen',
	'intake',
	'plaatsen',
	'afwijzen_na_intake'
] as const;
export type AntwoordSoort = (typeof ANTWOORD_SOORTEN)[number];

export const isAfwijzing = (soort: string): soort is 'afwijzen' | 'afwijzen_na_intake' =>
	soort === 'afwijzen' || soort === 'afwijzen_na_intake';

/** An answer as the server carries it out: a decline always with its reason and (trimmed) explanation. */
export type Antwoordkeuze =
	| { soort: 'accepteren' | 'intake' | 'plaatsen' }
	| { soort: 'afwijzen' | 'afwijzen_na_intake'; reden: Afwijsreden; toelichting: string };

const antwoordVelden = {
	soort: z.enum(ANTWOORD_SOORTEN, {
		error: 'Onbekend antwoord: kies accepteren, afwijzen, intake, plaatsen of afwijzen_na_intake.'
	}),
	reden: z.enum(AFWIJSREDENEN, { error: 'Kies een reden.' }).optional(),
	toelichting: z.string({ error: 'De toelichting moet tekst zijn.' }).optional()
};

/** A decline takes the rules of afwijzingSchema (a reason; a few words with "anders"; no personal data). */
function alsAntwoordkeuze(
	a: { soort: AntwoordSoort; reden?: Afwijsreden; toelichting?: string },
	ctx: z.core.$RefinementCtx
): Antwoordkeuze {
	if (!isAfwijzing(a.soort)) return { soort: a.soort };
	const afwijzing = afwijzingSchema.safeParse({ reden: a.reden, toelichting: a.toelichting ?? '' });
	if (!afwijzing.success) {
		for (const issue of afwijzing.error.issues) {
			ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: a });
		}
		return z.NEVER;
	}
	return { soort: a.soort, ...afwijzing.data };
}

/** The answer buttons' form: which answer, and for a decline the reason. */
export const antwoordSchema = z.object(antwoordVelden).transform(alsAntwoordkeuze);

/**
 * One answer as POST /api/v1/voorstellen/{id}/antwoord takes it, also replayed from the offline outbox:
 * with the time it was made on the device and the key that makes a replay harmless.
 */
export const antwoordVerzoekSchema = z
	.object(
		{
			...antwoordVelden,
			gedaanOp: z.iso.datetime({
				offset: true,
				error: 'Het tijdstip van het antwoord (gedaanOp) moet een ISO-datum met tijd zijn.'
			}),
			idempotentieSleutel: z.uuid('De idempotentiesleutel moet een UUID zijn.')
		},
		{
			error:
				'Stuur één antwoord als JSON-object, bijvoorbeeld {"soort": "accepteren", "gedaanOp": "…", "idempotentieSleutel": "…"}.'
		}
	)
	.transform(({ gedaanOp, idempotentieSleutel, ...a }, ctx) => ({
		antwoord: alsAntwoordkeuze(a, ctx),
		gedaanOp,
		idempotentieSleutel
	}));
export type AntwoordVerzoekInvoer = z.input<typeof antwoordVerzoekSchema>;

export const escalatieSchema = z.object({
	notitie: vrijeTekst(1000).pipe(z.string().min(5, 'Schrijf kort waarom dit naar het expertteam gaat.'))
});

export const uitlegSchema = z.object({
	uitleg: vrijeTekst(1000).pipe(
		z.string().min(10, 'Leg in een paar woorden uit waarom de normtermijn niet is gehaald.')
	)
});

export const adviesSchema = z.object({
	advies: vrijeTekst(2000).default(''),
	uitkomst: vrijeTekst(1000).default(''),
	afronden: z.boolean().default(false)
});

// ---------------------------------------------------------------------
// The broker's queue filters (a GET form: every field optional, nonsense falls back to "all")
// ---------------------------------------------------------------------

export const WACHTRIJ_STATUSSEN = [
	'alle',
	'zonder_voorstel',
	'voorgesteld',
	'gereserveerd',
	'verbreed',
	'geescaleerd'
] as const;

export const wachtrijStatusLabels: Record<(typeof WACHTRIJ_STATUSSEN)[number], string> = {
	alle: 'Alle open',
	zonder_voorstel: 'Nog geen lopend voorstel',
	voorgesteld: 'Wacht op antwoord',
	gereserveerd: 'Plek gereserveerd',
	verbreed: 'Verbreed (niemand nam aan)',
	geescaleerd: 'Bij het expertteam'
};

export const wachtrijSchema = z.object({
	hulpvorm: z.preprocess(leegIsOnbekend, z.enum(HULPVORM_CODES).optional()).catch(undefined),
	status: z.enum(WACHTRIJ_STATUSSEN).catch('alle').default('alle'),
	minDagen: z.preprocess(leegIsOnbekend, z.coerce.number().int().min(0).max(365).optional()).catch(undefined),
	overTermijn: z
		.preprocess((v) => v === 'ja' || v === 'on' || v === true, z.boolean())
		.catch(false)
		.default(false)
});
