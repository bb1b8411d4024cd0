// The vocabularies an offering and a search (later a hulpvraag) share, with the Dutch words people read.
// Contra-indications use the same words as target-group tags, so matching can intersect the two.

export const DOELGROEP_TAGS = [
	'lvb',
	'trauma',
	'verslaving',
	'autisme',
	'adhd',
	'hechting',
	'agressie',
	'eetstoornis',
	'psychiatrie',
	'suicidaliteit',
	'seksueel_grensoverschrijdend',
	'seksuele_uitbuiting',
	'delictgedrag',
	'meervoudig_complex',
	'jonge_moeders',
	'amv',
	'schoolverzuim',
	'huiselijk_geweld',
	'vechtscheiding',
	'jonge_kinderen',
	'broers_zussen'
] as const;
export type DoelgroepTag = (typeof DOELGROEP_TAGS)[number];

export const tagLabels: Record<DoelgroepTag, string> = {
	lvb: 'LVB',
	trauma: 'Trauma',
	verslaving: 'Verslaving',
	autisme: 'Autisme',
	adhd: 'ADHD',
	hechting: 'Hechtingsproblematiek',
	agressie: 'Agressie',
	eetstoornis: 'Eetstoornis',
	psychiatrie: 'Psychiatrie',
	suicidaliteit: 'Suïcidaliteit',
	seksueel_grensoverschrijdend: 'Seksueel grensoverschrijdend gedrag',
	seksuele_uitbuiting: 'Seksuele uitbuiting',
	delictgedrag: 'Delictgedrag',
	meervoudig_complex: 'Meervoudig complex',
	jonge_moeders: 'Jonge moeders',
	amv: 'Alleenstaande minderjarige vreemdelingen',
	schoolverzuim: 'Schoolverzuim',
	huiselijk_geweld: 'Huiselijk geweld',
	vechtscheiding: 'Vechtscheiding',
	jonge_kinderen: 'Jonge kinderen (0–6)',
	broers_zussen: 'Broers en zussen samen'
};

/** ISO 639-1 codes of the languages an offering can work in. */
export const TALEN = ['nl', 'en', 'ar', 'tr', 'pl', 'ti', 'uk', 'so', 'fa', 'de'] as const;
export type Taal = (typeof TALEN)[number];

export const taalLabels: Record<Taal, string> = {
	nl: 'Nederlands',
	en: 'Engels',
	ar: 'Arabisch',
	tr: 'Turks',
	pl: 'Pools',
	ti: 'Tigrinya',
	uk: 'Oekraïens',
	so: 'Somalisch',
	fa: 'Farsi',
	de: 'Duits'
};

export const GESLACHTEN = ['jongen', 'meisje', 'anders'] as const;
export type Geslacht = (typeof GESLACHTEN)[number];

export const geslachtLabels: Record<Geslacht, string> = {
	jongen: 'Jongen',
	meisje: 'Meisje',
	anders: 'Anders / wil niet zeggen'
};
