// The hulpvorm codes of migration 0260, for zod enums and the OpenAPI description. The database stays
// the source of names and order; a database test checks this list matches public.hulpvormen.

export const HULPVORM_CODES = [
	'crisisplek',
	'gezinshuis',
	'pleegzorg',
	'behandelgroep',
	'kleinschalig_wonen',
	'gesloten_jeugdhulp',
	'kamertraining',
	'gezinsopname',
	'intensieve_ambulante_gezinsbehandeling',
	'jeugd_ggz_ambulant',
	'jeugd_ggz_klinisch',
	'jeugd_fact',
	'forensische_jeugd_ggz',
	'traumabehandeling',
	'systeembehandeling',
	'ouderschapsbemiddeling',
	'begeleide_omgang',
	'lvb_specialistisch'
] as const;
export type HulpvormCode = (typeof HULPVORM_CODES)[number];
