import { leegIsOnbekend, z } from './zod';

// One capacity report, shared by the capacity cards (also replayed from the offline outbox), the
// JSON endpoint behind them and POST /api/v1/capaciteit for planning systems.

const MAX_WACHTTIJD_WEKEN = 104;

const datum = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als JJJJ-MM-DD.')
	.refine((d) => !Number.isNaN(Date.parse(d)), 'Dit is geen bestaande datum.');

export const meldingSchema = z.object(
	{
		aanbodId: z.uuid('Onbekend aanbod.'),
		// An empty field or null is not 0: z.coerce alone would read it as 0, a full offering.
		vrijePlaatsen: z.preprocess(
			leegIsOnbekend,
			z.coerce
				.number({ error: 'Vul het aantal vrije plaatsen in als getal.' })
				.int('Het aantal vrije plaatsen moet een heel getal zijn.')
				.min(0, 'Het aantal vrije plaatsen kan niet negatief zijn.')
				.max(500, 'Meer dan 500 vrije plaatsen kan niet.')
		),
		wachtlijst: z.preprocess(
			leegIsOnbekend,
			z.coerce
				.number({ error: 'Vul de wachtlijst in als getal.' })
				.int('De wachtlijst moet een heel getal zijn.')
				.min(0, 'De wachtlijst kan niet negatief zijn.')
				.max(5000, 'Een wachtlijst van meer dan 5000 kan niet.')
				.default(0)
		),
		wachttijdWeken: z.preprocess(
			(v) => (v === '' ? null : v),
			z.coerce
				.number({ error: 'Vul de wachttijd in weken in als getal.' })
				.int('De wachttijd moet een heel aantal weken zijn.')
				.min(0, 'De wachttijd kan niet negatief zijn.')
				.max(
					MAX_WACHTTIJD_WEKEN,
					`Een wachttijd van meer dan ${MAX_WACHTTIJD_WEKEN} weken (2 jaar) kan niet: controleer het getal.`
				)
				.nullable()
				.default(null)
		),
		eerstvolgendeVrij: z.preprocess((v) => (v === '' ? null : v), datum.nullable().default(null)),
		alleenNaOverleg: z
			.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
			.default(false),
		notitie: z.string().trim().max(280, 'De notitie mag hoogstens 280 tekens zijn.').default(''),
		/** When the report was made on the device; the newest by this time is the current state. */
		gemeldOp: z.iso
			.datetime({ offset: true, error: 'Het meldtijdstip moet een ISO-datum met tijd zijn.' })
			.optional(),
		/** Set by the outbox, so a replay is stored once. */
		idempotentieSleutel: z.uuid('De idempotentiesleutel moet een UUID zijn.').optional()
	},
	{ error: 'Stuur één melding als JSON-object, bijvoorbeeld {"aanbodId": "…", "vrijePlaatsen": 2}.' }
);

export type Melding = z.infer<typeof meldingSchema>;
export type MeldingInvoer = z.input<typeof meldingSchema>;
