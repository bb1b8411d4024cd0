// =====================================================================
// What the seeds draw from: tag vocabulary, realistic eligibility per hulpvorm, and fictional names.
// Every organisation name here is made up; none may be (or resemble) a real provider or GI.
// =====================================================================

/** Password of every seeded account (demo and benchmark): public by design, demo data only. */
export const DEMO_WACHTWOORD = 'wijzer-demo';

import type { HulpvormCode } from '../../../domain/hulpvormen';
import type { DoelgroepTag } from '../../../domain/kenmerken';

export { DOELGROEP_TAGS, TALEN, type DoelgroepTag, type Taal } from '../../../domain/kenmerken';

export type { HulpvormCode } from '../../../domain/hulpvormen';

export interface HulpvormProfiel {
	code: HulpvormCode;
	/** Verblijf counts places; ambulant help counts start moments per month. */
	verblijf: boolean;
	/** Relative frequency in a region (the large seed draws hulpvormen by this). */
	gewicht: number;
	/** Age ranges offered, one is drawn per aanbod. */
	leeftijden: readonly (readonly [number, number])[];
	capaciteit: readonly [number, number];
	tags: readonly DoelgroepTag[];
	contra: readonly DoelgroepTag[];
	/** Chance of a girls-only or boys-only group. */
	meisjes: number;
	jongens: number;
	bovenregionaal: number;
	/** Typical wait in weeks when nothing is free: [min, max]. */
	wachttijd: readonly [number, number];
	/** Names; {groep} is a group name, {plaats} the locatie's place. */
	namen: readonly string[];
	omschrijving: string;
}

export const HULPVORM_PROFIELEN: readonly HulpvormProfiel[] = [
	{
		code: 'crisisplek',
		verblijf: true,
		gewicht: 8,
		leeftijden: [
			[0, 17],
			[12, 17],
			[0, 11],
			[4, 17]
		],
		capaciteit: [2, 8],
		tags: [
			'trauma',
			'huiselijk_geweld',
			'hechting',
			'agressie',
			'jonge_kinderen',
			'amv',
			'seksuele_uitbuiting'
		],
		contra: ['seksueel_grensoverschrijdend', 'verslaving'],
		meisjes: 0.05,
		jongens: 0.05,
		bovenregionaal: 0.35,
		wachttijd: [1, 6],
		namen: ['Crisisopvang {plaats}', 'Crisisgroep {groep}', 'Noodopvang {groep}'],
		omschrijving:
			'Crisis- en noodopvang voor kinderen van {min} tot en met {max} jaar. Opname binnen 24 uur na overleg met de crisisdienst; daarna perspectiefbepaling binnen vier weken.'
	},
	{
		code: 'gezinshuis',
		verblijf: true,
		gewicht: 10,
		leeftijden: [
			[0, 17],
			[4, 17],
			[0, 12],
			[6, 17]
		],
		capaciteit: [2, 4],
		tags: ['hechting', 'trauma', 'lvb', 'broers_zussen', 'jonge_kinderen', 'autisme'],
		contra: ['agressie', 'seksueel_grensoverschrijdend', 'verslaving'],
		meisjes: 0.05,
		jongens: 0.05,
		bovenregionaal: 0.25,
		wachttijd: [6, 30],
		namen: ['Gezinshuis {groep}', 'Gezinshuis {plaats}'],
		omschrijving:
			'Wonen in een gezin met professionele gezinshuisouders, voor kinderen van {min} tot en met {max} jaar die (nog) niet thuis kunnen wonen. Broers en zussen waar mogelijk samen.'
	},
	{
		code: 'pleegzorg',
		verblijf: true,
		gewicht: 6,
		leeftijden: [
			[0, 17],
			[0, 17],
			[0, 11]
		],
		capaciteit: [5, 24],
		tags: ['hechting', 'trauma', 'broers_zussen', 'jonge_kinderen', 'amv', 'lvb'],
		contra: [],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.2,
		wachttijd: [4, 26],
		namen: [
			'Pleegzorg {plaats}',
			'Netwerkpleegzorg {plaats}',
			'Crisispleegzorg {plaats}',
			'Weekendpleegzorg {plaats}'
		],
		omschrijving:
			'Pleeggezinnen voor kortdurende en langdurige plaatsing van kinderen van {min} tot en met {max} jaar; het aantal plaatsen is het aantal beschikbare, gescreende pleeggezinnen.'
	},
	{
		code: 'behandelgroep',
		verblijf: true,
		gewicht: 10,
		leeftijden: [
			[12, 17],
			[8, 14],
			[12, 18],
			[6, 12]
		],
		capaciteit: [6, 12],
		tags: [
			'trauma',
			'hechting',
			'agressie',
			'autisme',
			'adhd',
			'lvb',
			'meervoudig_complex',
			'psychiatrie',
			'seksueel_grensoverschrijdend'
		],
		contra: ['verslaving', 'seksueel_grensoverschrijdend', 'suicidaliteit', 'eetstoornis'],
		meisjes: 0.15,
		jongens: 0.15,
		bovenregionaal: 0.35,
		wachttijd: [6, 26],
		namen: ['Behandelgroep {groep}', 'Leefgroep {groep}', '24-uursgroep {groep}'],
		omschrijving:
			'Residentiële behandeling in een leefgroep voor jongeren van {min} tot en met {max} jaar, met dagstructuur, onderwijs op locatie of in de buurt en gezinsgerichte behandeling.'
	},
	{
		code: 'kleinschalig_wonen',
		verblijf: true,
		gewicht: 8,
		leeftijden: [
			[12, 18],
			[14, 18],
			[16, 21],
			[12, 17]
		],
		capaciteit: [4, 8],
		tags: ['lvb', 'autisme', 'hechting', 'amv', 'schoolverzuim', 'jonge_moeders'],
		contra: ['agressie', 'verslaving'],
		meisjes: 0.15,
		jongens: 0.1,
		bovenregionaal: 0.25,
		wachttijd: [4, 26],
		namen: ['Woongroep {groep}', 'Kleinschalig wonen {plaats}'],
		omschrijving:
			'Kleine woongroep (hooguit acht jongeren) met begeleiding op de groep, voor jongeren van {min} tot en met {max} jaar.'
	},
	{
		code: 'gesloten_jeugdhulp',
		verblijf: true,
		gewicht: 3,
		leeftijden: [
			[12, 18],
			[12, 17],
			[14, 18]
		],
		capaciteit: [8, 16],
		tags: [
			'seksuele_uitbuiting',
			'agressie',
			'delictgedrag',
			'verslaving',
			'meervoudig_complex',
			'lvb',
			'psychiatrie',
			'suicidaliteit'
		],
		contra: ['eetstoornis'],
		meisjes: 0.3,
		jongens: 0.2,
		bovenregionaal: 0.8,
		wachttijd: [2, 12],
		namen: ['JeugdzorgPlus-groep {groep}', 'Besloten groep {groep}'],
		omschrijving:
			'Gesloten jeugdhulp (JeugdzorgPlus) met een machtiging gesloten jeugdhulp, voor jongeren van {min} tot en met {max} jaar; zo kort als mogelijk, met een plan voor uitstroom vanaf dag één.'
	},
	{
		code: 'kamertraining',
		verblijf: true,
		gewicht: 7,
		leeftijden: [
			[16, 23],
			[17, 23],
			[16, 21],
			[18, 23]
		],
		capaciteit: [4, 12],
		tags: ['lvb', 'amv', 'schoolverzuim', 'jonge_moeders', 'autisme', 'hechting'],
		contra: ['verslaving', 'agressie', 'psychiatrie'],
		meisjes: 0.1,
		jongens: 0.05,
		bovenregionaal: 0.2,
		wachttijd: [4, 20],
		namen: ['Kamertraining {plaats}', 'Trainingshuis {groep}'],
		omschrijving:
			'Zelfstandig leren wonen op een eigen kamer met begeleiding op afroep, voor jongeren van {min} tot en met {max} jaar: geld, huishouden, school of werk, netwerk.'
	},
	{
		code: 'gezinsopname',
		verblijf: true,
		gewicht: 3,
		leeftijden: [
			[0, 17],
			[0, 12],
			[0, 11]
		],
		capaciteit: [2, 6],
		tags: ['hechting', 'huiselijk_geweld', 'jonge_kinderen', 'lvb', 'trauma', 'jonge_moeders'],
		contra: ['verslaving', 'psychiatrie'],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.45,
		wachttijd: [6, 26],
		namen: ['Gezinsopname {plaats}', 'Gezinsbehandeling {groep}'],
		omschrijving:
			'Het hele gezin verblijft tijdelijk (acht tot twaalf weken) op de locatie voor observatie en behandeling; kinderen van {min} tot en met {max} jaar. Plaatsen zijn gezinnen.'
	},
	{
		code: 'intensieve_ambulante_gezinsbehandeling',
		verblijf: false,
		gewicht: 7,
		leeftijden: [
			[0, 17],
			[4, 17]
		],
		capaciteit: [4, 15],
		tags: [
			'huiselijk_geweld',
			'lvb',
			'hechting',
			'agressie',
			'schoolverzuim',
			'vechtscheiding',
			'meervoudig_complex'
		],
		contra: [],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.05,
		wachttijd: [2, 16],
		namen: ['Intensieve gezinsbehandeling {plaats}', 'Thuisbehandeling {plaats}'],
		omschrijving:
			'Intensieve hulp thuis (meerdere keren per week, ook buiten kantoortijd) om een uithuisplaatsing te voorkomen of een terugkeer voor te bereiden; kinderen van {min} tot en met {max} jaar.'
	},
	{
		code: 'jeugd_ggz_ambulant',
		verblijf: false,
		gewicht: 10,
		leeftijden: [
			[0, 17],
			[4, 18],
			[12, 23],
			[6, 18]
		],
		capaciteit: [10, 40],
		tags: ['adhd', 'autisme', 'trauma', 'psychiatrie', 'eetstoornis', 'suicidaliteit', 'hechting'],
		contra: ['verslaving'],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.1,
		wachttijd: [4, 30],
		namen: ['Jeugd-GGZ polikliniek {plaats}', 'GGZ-team {plaats}'],
		omschrijving:
			'Diagnostiek en behandeling zonder verblijf voor jeugdigen van {min} tot en met {max} jaar; startmomenten per maand, wachttijd tot de eerste behandeling.'
	},
	{
		code: 'jeugd_ggz_klinisch',
		verblijf: true,
		gewicht: 4,
		leeftijden: [
			[12, 18],
			[12, 17],
			[6, 13]
		],
		capaciteit: [6, 14],
		tags: ['psychiatrie', 'eetstoornis', 'suicidaliteit', 'autisme', 'trauma', 'meervoudig_complex'],
		contra: ['verslaving', 'agressie'],
		meisjes: 0.1,
		jongens: 0.05,
		bovenregionaal: 0.6,
		wachttijd: [4, 26],
		namen: ['Kliniek {groep}', 'Opnameafdeling {groep}'],
		omschrijving:
			'Klinische opname (ook deeltijd) voor jeugdigen van {min} tot en met {max} jaar met ernstige psychiatrische problemen, wanneer ambulante behandeling niet volstaat.'
	},
	{
		code: 'jeugd_fact',
		verblijf: false,
		gewicht: 4,
		leeftijden: [
			[12, 23],
			[12, 18],
			[16, 23]
		],
		capaciteit: [5, 15],
		tags: [
			'psychiatrie',
			'verslaving',
			'meervoudig_complex',
			'schoolverzuim',
			'delictgedrag',
			'suicidaliteit'
		],
		contra: [],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0,
		wachttijd: [2, 12],
		namen: ['FACT-jeugd {plaats}', 'Jeugd-FACT-team {plaats}'],
		omschrijving:
			'Outreachende behandeling en begeleiding thuis, op school en op straat voor jongeren van {min} tot en met {max} jaar die zelf niet komen.'
	},
	{
		code: 'forensische_jeugd_ggz',
		verblijf: false,
		gewicht: 4,
		leeftijden: [
			[12, 23],
			[12, 18],
			[14, 23]
		],
		capaciteit: [5, 15],
		tags: ['delictgedrag', 'agressie', 'seksueel_grensoverschrijdend', 'verslaving', 'lvb'],
		contra: [],
		meisjes: 0,
		jongens: 0.15,
		bovenregionaal: 0.4,
		wachttijd: [3, 20],
		namen: ['Forensische polikliniek {plaats}', 'Forensisch jeugdteam {plaats}'],
		omschrijving:
			'Behandeling bij delictgedrag, ook binnen jeugdreclassering of een voorwaardelijk kader, voor jongeren van {min} tot en met {max} jaar.'
	},
	{
		code: 'traumabehandeling',
		verblijf: false,
		gewicht: 7,
		leeftijden: [
			[4, 18],
			[0, 17],
			[12, 23],
			[6, 17]
		],
		capaciteit: [8, 30],
		tags: ['trauma', 'huiselijk_geweld', 'seksuele_uitbuiting', 'amv', 'hechting', 'jonge_kinderen'],
		contra: ['suicidaliteit'],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.1,
		wachttijd: [3, 24],
		namen: ['Traumabehandeling {plaats}', 'Traumateam {plaats}'],
		omschrijving:
			'Traumagerichte behandeling (EMDR, TF-CGT) voor kinderen en jongeren van {min} tot en met {max} jaar, met betrokkenheid van ouders of opvoeders.'
	},
	{
		code: 'systeembehandeling',
		verblijf: false,
		gewicht: 6,
		leeftijden: [[0, 17]],
		capaciteit: [6, 20],
		tags: ['vechtscheiding', 'huiselijk_geweld', 'hechting', 'agressie', 'meervoudig_complex'],
		contra: [],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.05,
		wachttijd: [3, 20],
		namen: ['Systeemtherapie {plaats}', 'Gezinstherapie {plaats}'],
		omschrijving:
			'Behandeling van het gezinssysteem rond een kind van {min} tot en met {max} jaar, met ouders, broers en zussen en het netwerk.'
	},
	{
		code: 'ouderschapsbemiddeling',
		verblijf: false,
		gewicht: 4,
		leeftijden: [[0, 17]],
		capaciteit: [5, 20],
		tags: ['vechtscheiding', 'jonge_kinderen'],
		contra: ['huiselijk_geweld'],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0,
		wachttijd: [3, 20],
		namen: ['Ouderschapsbemiddeling {plaats}', 'Scheidingsbemiddeling {plaats}'],
		omschrijving:
			'Bemiddeling tussen ouders bij (v)echtscheiding, gericht op afspraken die het kind (0 tot en met 17 jaar) rust geven; op verwijzing van rechter of GI.'
	},
	{
		code: 'begeleide_omgang',
		verblijf: false,
		gewicht: 5,
		leeftijden: [
			[0, 17],
			[0, 12]
		],
		capaciteit: [8, 30],
		tags: ['vechtscheiding', 'huiselijk_geweld', 'hechting', 'jonge_kinderen'],
		contra: [],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.05,
		wachttijd: [2, 14],
		namen: ['Omgangshuis {plaats}', 'Begeleide omgang {plaats}'],
		omschrijving:
			'Omgang tussen kind ({min} tot en met {max} jaar) en ouder onder begeleiding, in een omgangshuis of thuis, met verslag aan de jeugdbeschermer.'
	},
	{
		code: 'lvb_specialistisch',
		verblijf: false,
		gewicht: 6,
		leeftijden: [
			[6, 23],
			[12, 23],
			[0, 17],
			[4, 18]
		],
		capaciteit: [5, 20],
		tags: ['lvb', 'agressie', 'seksueel_grensoverschrijdend', 'verslaving', 'autisme', 'schoolverzuim'],
		contra: [],
		meisjes: 0,
		jongens: 0,
		bovenregionaal: 0.15,
		wachttijd: [4, 24],
		namen: ['LVB-behandeling {plaats}', 'Orthopedagogisch team {plaats}'],
		omschrijving:
			'Specialistische hulp voor jeugdigen van {min} tot en met {max} jaar met een licht verstandelijke beperking, aangepast aan tempo en taal.'
	}
];

export const profielVan = new Map(HULPVORM_PROFIELEN.map((p) => [p.code, p]));

/** Kinds of provider and the hulpvormen each typically offers (the first is its core). */
export const AANBIEDER_SOORTEN = {
	breed: [
		'behandelgroep',
		'crisisplek',
		'kleinschalig_wonen',
		'kamertraining',
		'gezinsopname',
		'intensieve_ambulante_gezinsbehandeling',
		'systeembehandeling',
		'traumabehandeling',
		'begeleide_omgang'
	],
	lvb: [
		'lvb_specialistisch',
		'behandelgroep',
		'kleinschalig_wonen',
		'kamertraining',
		'gezinshuis',
		'crisisplek',
		'intensieve_ambulante_gezinsbehandeling'
	],
	gezinshuis: ['gezinshuis', 'gezinshuis', 'kleinschalig_wonen', 'pleegzorg'],
	ggz: [
		'jeugd_ggz_ambulant',
		'jeugd_ggz_klinisch',
		'jeugd_fact',
		'traumabehandeling',
		'systeembehandeling',
		'forensische_jeugd_ggz'
	],
	crisis: ['crisisplek', 'pleegzorg', 'gezinshuis', 'begeleide_omgang'],
	pleegzorg: ['pleegzorg', 'crisisplek', 'begeleide_omgang', 'gezinshuis'],
	gesloten: ['gesloten_jeugdhulp', 'behandelgroep', 'crisisplek', 'forensische_jeugd_ggz', 'kamertraining'],
	scheiding: ['ouderschapsbemiddeling', 'begeleide_omgang', 'systeembehandeling', 'traumabehandeling'],
	gezin: [
		'intensieve_ambulante_gezinsbehandeling',
		'systeembehandeling',
		'gezinsopname',
		'ouderschapsbemiddeling',
		'begeleide_omgang',
		'lvb_specialistisch'
	],
	forensisch: [
		'forensische_jeugd_ggz',
		'jeugd_fact',
		'jeugd_ggz_ambulant',
		'kamertraining',
		'traumabehandeling'
	],
	kamertraining: [
		'kamertraining',
		'kleinschalig_wonen',
		'intensieve_ambulante_gezinsbehandeling',
		'lvb_specialistisch'
	]
} as const satisfies Record<string, readonly HulpvormCode[]>;
export type AanbiederSoort = keyof typeof AANBIEDER_SOORTEN;

export interface DemoAanbieder {
	naam: string;
	/** Short name for locaties ("Kompasroos Zeist") and e-mail addresses. */
	kort: string;
	soort: AanbiederSoort;
	/** Home jeugdregio; its jeugdbeschermingsregio follows from the reference data. */
	jeugdregio: string;
	/** Hulpvormen this provider always offers, besides what is drawn from its kind. */
	vast?: readonly HulpvormCode[];
}

/**
 * The demo providers: 18 in Utrecht en Flevoland (JB05), 14 in Zuid-West (JB07), 13 in Limburg (JB11).
 * The first one is where aanbieder@demo.nl works.
 */
export const DEMO_AANBIEDERS: readonly DemoAanbieder[] = [
	// JB05 Utrecht en Flevoland
	{
		naam: 'Jeugdhulp Sterrenmos',
		kort: 'Sterrenmos',
		soort: 'breed',
		jeugdregio: 'JZ22',
		vast: [
			'crisisplek',
			'behandelgroep',
			'kleinschalig_wonen',
			'kamertraining',
			'gezinsopname',
			'intensieve_ambulante_gezinsbehandeling',
			'systeembehandeling',
			'traumabehandeling'
		]
	},
	{ naam: 'Stichting Kompasroos', kort: 'Kompasroos', soort: 'lvb', jeugdregio: 'JZ20' },
	{ naam: 'Zorggroep Waterlelie', kort: 'Waterlelie', soort: 'breed', jeugdregio: 'JZ08' },
	{ naam: 'Gezinshuizen Rozenhaag', kort: 'Rozenhaag', soort: 'gezinshuis', jeugdregio: 'JZ23' },
	{
		naam: 'Jeugd-GGZ Zilverspar',
		kort: 'Zilverspar',
		soort: 'ggz',
		jeugdregio: 'JZ22',
		vast: ['jeugd_ggz_klinisch']
	},
	{ naam: 'Stichting Wilgenkring', kort: 'Wilgenkring', soort: 'gezin', jeugdregio: 'JZ26' },
	{ naam: 'Het Kwartelnest Crisisopvang', kort: 'Kwartelnest', soort: 'crisis', jeugdregio: 'JZ19' },
	{
		naam: 'Behandelcentrum Eikenwal',
		kort: 'Eikenwal',
		soort: 'gesloten',
		jeugdregio: 'JZ21',
		vast: ['gesloten_jeugdhulp']
	},
	{ naam: 'Pleegzorg Vlonderland', kort: 'Vlonderland', soort: 'pleegzorg', jeugdregio: 'JZ08' },
	{ naam: 'Stichting Meidoornpad', kort: 'Meidoornpad', soort: 'scheiding', jeugdregio: 'JZ20' },
	{ naam: 'Kamertraining Hazelaar', kort: 'Hazelaar', soort: 'kamertraining', jeugdregio: 'JZ22' },
	{
		naam: 'Praktijk Waterviolier Jeugd & Gezin',
		kort: 'Waterviolier',
		soort: 'ggz',
		jeugdregio: 'JZ23',
		vast: ['jeugd_fact']
	},
	{ naam: 'Zorgboerderij Ganzenbloem', kort: 'Ganzenbloem', soort: 'gezinshuis', jeugdregio: 'JZ21' },
	{ naam: 'Stichting Zevenblad Jeugdhulp', kort: 'Zevenblad', soort: 'breed', jeugdregio: 'JZ26' },
	{ naam: 'Gezinsbehandeling Notenhaag', kort: 'Notenhaag', soort: 'gezin', jeugdregio: 'JZ19' },
	{
		naam: 'Forensisch Jeugdcentrum Waakvlam',
		kort: 'Waakvlam',
		soort: 'forensisch',
		jeugdregio: 'JZ08',
		vast: ['forensische_jeugd_ggz']
	},
	{ naam: 'Jeugdhulp Duizendschoon', kort: 'Duizendschoon', soort: 'lvb', jeugdregio: 'JZ20' },
	{ naam: 'Omgangshuis Vlierbes', kort: 'Vlierbes', soort: 'scheiding', jeugdregio: 'JZ22' },
	// JB07 Zuid-West
	{ naam: 'Stichting Duinroos Jeugdzorg', kort: 'Duinroos', soort: 'breed', jeugdregio: 'JZ24' },
	{ naam: 'Zorggroep Helmgras', kort: 'Helmgras', soort: 'lvb', jeugdregio: 'JZ18' },
	{ naam: 'Jeugd-GGZ Zeekraal', kort: 'Zeekraal', soort: 'ggz', jeugdregio: 'JZ24', vast: ['jeugd_fact'] },
	{ naam: 'Gezinshuizen Zandloper', kort: 'Zandloper', soort: 'gezinshuis', jeugdregio: 'JZ27' },
	{ naam: 'De Strandwal Crisisopvang', kort: 'Strandwal', soort: 'crisis', jeugdregio: 'JZ24' },
	{ naam: 'Stichting Rietkraag', kort: 'Rietkraag', soort: 'gezin', jeugdregio: 'JZ27' },
	{ naam: 'Behandelgroepen Duinpieper', kort: 'Duinpieper', soort: 'breed', jeugdregio: 'JZ18' },
	{ naam: 'Pleegzorg Lindeboog', kort: 'Lindeboog', soort: 'pleegzorg', jeugdregio: 'JZ31' },
	{ naam: 'Stichting Griendwerk Jeugdhulp', kort: 'Griendwerk', soort: 'breed', jeugdregio: 'JZ31' },
	{ naam: 'Kamertraining Vaartkant', kort: 'Vaartkant', soort: 'kamertraining', jeugdregio: 'JZ24' },
	{ naam: 'Praktijk Kievitsbloem', kort: 'Kievitsbloem', soort: 'ggz', jeugdregio: 'JZ18' },
	{
		naam: 'JeugdzorgPlus De Dijkwacht',
		kort: 'Dijkwacht',
		soort: 'gesloten',
		jeugdregio: 'JZ31',
		vast: ['gesloten_jeugdhulp']
	},
	{ naam: 'Bemiddelingshuis Zilverlinde', kort: 'Zilverlinde', soort: 'scheiding', jeugdregio: 'JZ24' },
	{ naam: 'LVB-centrum Waterhoen', kort: 'Waterhoen', soort: 'lvb', jeugdregio: 'JZ27' },
	// JB11 Limburg
	{ naam: 'Stichting Mergelhoeve Jeugdhulp', kort: 'Mergelhoeve', soort: 'breed', jeugdregio: 'JZ41' },
	{ naam: 'Zorggroep Maaskei', kort: 'Maaskei', soort: 'lvb', jeugdregio: 'JZ42' },
	{
		naam: 'Jeugd-GGZ Kalkbloem',
		kort: 'Kalkbloem',
		soort: 'ggz',
		jeugdregio: 'JZ41',
		vast: ['jeugd_ggz_klinisch']
	},
	{ naam: 'Gezinshuizen Peelroos', kort: 'Peelroos', soort: 'gezinshuis', jeugdregio: 'JZ37' },
	{ naam: 'Crisisopvang Grindhaven', kort: 'Grindhaven', soort: 'crisis', jeugdregio: 'JZ42' },
	{ naam: 'Stichting Vakwerkhuis', kort: 'Vakwerkhuis', soort: 'gezin', jeugdregio: 'JZ41' },
	{ naam: 'Pleegzorg Boomgaardkring', kort: 'Boomgaardkring', soort: 'pleegzorg', jeugdregio: 'JZ37' },
	{
		naam: 'Behandelcentrum Steilrand',
		kort: 'Steilrand',
		soort: 'gesloten',
		jeugdregio: 'JZ43',
		vast: ['gesloten_jeugdhulp']
	},
	{
		naam: 'Forensische Jeugdzorg Lössland',
		kort: 'Lossland',
		soort: 'forensisch',
		jeugdregio: 'JZ41',
		vast: ['jeugd_fact']
	},
	{
		naam: 'Bemiddelingspraktijk Kiezelpad',
		kort: 'Kiezelpad',
		soort: 'scheiding',
		jeugdregio: 'JZ37',
		vast: ['ouderschapsbemiddeling']
	},
	{
		naam: 'Kamertraining De Wijngaardrank',
		kort: 'Wijngaardrank',
		soort: 'kamertraining',
		jeugdregio: 'JZ43'
	},
	{ naam: 'Jeugdhulp Sleedoorn', kort: 'Sleedoorn', soort: 'breed', jeugdregio: 'JZ42' },
	{ naam: 'Stichting Hoogstamboom', kort: 'Hoogstamboom', soort: 'lvb', jeugdregio: 'JZ41' }
];

/** The GIs, regio's and the expert table of the three focus regions; "(demo)" keeps them clearly fictional. */
export const DEMO_FOCUS = [
	{
		jbregio: 'JB05',
		gi: 'GI Domstad Jeugdbescherming (demo)',
		giKort: 'domstad',
		regio: 'Regio Utrecht en Flevoland (demo)',
		regioKort: 'utrecht-flevoland'
	},
	{
		jbregio: 'JB07',
		gi: 'GI Hofstad-Rijnland Jeugdbescherming (demo)',
		giKort: 'hofstad',
		regio: 'Regio Zuid-West (demo)',
		regioKort: 'zuid-west'
	},
	{
		jbregio: 'JB11',
		gi: 'GI Mergelland Jeugdbescherming (demo)',
		giKort: 'mergelland',
		regio: 'Regio Limburg (demo)',
		regioKort: 'limburg'
	}
] as const;
export const DEMO_EXPERTTEAM = 'Regionale ExpertTafel Utrecht en Flevoland (demo)';
export const DEMO_BEHEER = 'Beheer Beschikbaarheidswijzer (demo)';

/**
 * Hulpvorm × region cells whose every offering reports late (15–20 days), so the wijzer shows grijs there.
 * Both are region-bound kinds of help (never bovenregionaal), so no offering elsewhere fills the cell.
 */
export const GRIJZE_CELLEN: readonly { jbregio: string; hulpvorm: HulpvormCode }[] = [
	{ jbregio: 'JB11', hulpvorm: 'ouderschapsbemiddeling' },
	{ jbregio: 'JB07', hulpvorm: 'jeugd_fact' }
];

/** Group and house names for aanbod ("Behandelgroep De Kei"). */
export const GROEPSNAMEN = [
	'De Kei',
	'Het Anker',
	'De Brug',
	'Zonnewende',
	'De Linde',
	'Het Baken',
	'De Eik',
	'Kamperfoelie',
	'De Horst',
	'Het Veer',
	'De Wissel',
	'Zeelucht',
	'De Boomgaard',
	'De Vlonder',
	'Ruimzicht',
	'De Steiger',
	'Het Nest',
	'De Overkant',
	'Hazelnoot',
	'Vlinderhof',
	'Klaverblad',
	'Zonnedauw',
	'Het Erf',
	'De Meander',
	'De Uitkijk',
	'Parelhoen',
	'Wilgentak',
	'Distel',
	'Korenbloem',
	'Zwaluw',
	'De Hoeve',
	'Wingerd',
	'Beukennoot',
	'Lijsterbes',
	'Ooievaar',
	'Regenwulp',
	'Madelief',
	'Boterbloem',
	'De Kreek',
	'Het Wad'
] as const;

/** Short notes a provider adds to a report; organisational facts only, never anything about a child. */
export const NOTITIES_VERBLIJF = [
	'Plek komt vrij na uitstroom eind van de maand.',
	'Wachtlijst wordt wekelijks besproken in het plaatsingsoverleg.',
	'Verwachte uitstroom over twee weken.',
	'Groep is vol; bel gerust voor overleg over de wachtlijst.',
	'Tijdelijk minder plaatsen door personeelstekort.',
	'Eén plek gereserveerd voor een lopende overplaatsing.'
] as const;
export const NOTITIES_AMBULANT = [
	'Intake binnen twee weken mogelijk.',
	'Wachttijd loopt op door ziekte in het team.',
	'Extra startmomenten door een nieuwe behandelaar.',
	'Voorrang bij een crisisindicatie, bel de intakelijn.',
	'Startmomenten vooral in de avond.'
] as const;
export const NOTITIES_OVERLEG = [
	'Alleen na overleg met gedragswetenschapper.',
	'Alleen na overleg met de groepsleiding over de groepssamenstelling.',
	'Alleen na overleg: de plek past niet bij ernstige agressie.',
	'Alleen na overleg met de regiebehandelaar.'
] as const;

/** Telephone area codes per jeugdregio of the focus regions, for fictional contact numbers. */
export const NETNUMMERS: Record<string, string> = {
	JZ08: '036',
	JZ19: '0348',
	JZ20: '033',
	JZ21: '0318',
	JZ22: '030',
	JZ23: '030',
	JZ26: '030',
	JZ18: '071',
	JZ24: '070',
	JZ27: '0182',
	JZ31: '078',
	JZ37: '077',
	JZ41: '043',
	JZ42: '0475',
	JZ43: '0475'
};

/** Names of real organisations the seeds must never produce (checked by the seed test). */
export const ECHTE_ORGANISATIES = [
	'Pluryn',
	'Levvel',
	'Timon',
	'Youké',
	'Lindenhout',
	'Horizon',
	'Karakter',
	'Accare',
	'Parnassia',
	'Entrea',
	'Idris',
	'Xonar',
	'Mondriaan',
	'Koraal',
	'Rubicon',
	'Cardea',
	'De Rading',
	'Altra',
	'Spirit',
	'Jeugdformaat',
	'Kwintes',
	'Lister',
	'Altrecht',
	'Fivoor',
	'Yulius',
	'Curium',
	'Lucertis',
	'Youz',
	'Enver',
	'Fier',
	'Elker',
	'Het Poortje',
	'Intermetzo',
	'Amerpoort',
	'Reinaerde',
	'Dichterbij',
	'Ipse de Bruggen',
	'Middin',
	'Driestroom',
	'Abrona',
	'Trajectum',
	'Juzt',
	'Kompaan',
	'Jeugdbescherming west',
	'William Schrikker',
	'Samen Veilig',
	'Leger des Heils',
	'Jeugdbescherming Regio Amsterdam',
	'Mutsaers',
	'Sterk Huis',
	'Oosterpoort',
	'Prisma',
	'Cello',
	'Sherpa',
	'Philadelphia',
	"'s Heeren Loo",
	'Vivenz',
	'De Hoenderloo Groep',
	'Jeugdzorg Nederland'
] as const;

/** Building blocks for the benchmark seed's provider names ("Zorggroep Helmgras 0042"). */
export const GROOT_VOORVOEGSELS = [
	'Stichting',
	'Zorggroep',
	'Jeugdhulp',
	'Gezinshuizen',
	'Behandelcentrum',
	'Praktijk',
	'Jeugd-GGZ',
	'Pleegzorg',
	'Kamertraining'
] as const;
export const GROOT_STAMMEN = [
	'Kompasroos',
	'Waterlelie',
	'Wilgenkring',
	'Zilverspar',
	'Meidoornpad',
	'Hazelaar',
	'Duinroos',
	'Helmgras',
	'Zeekraal',
	'Rietkraag',
	'Griendwerk',
	'Kievitsbloem',
	'Mergelhoeve',
	'Maaskei',
	'Kalkbloem',
	'Peelroos',
	'Vakwerkhuis',
	'Sleedoorn',
	'Hoogstamboom',
	'Vlierbes',
	'Ganzenbloem',
	'Notenhaag',
	'Sterrenmos',
	'Zandloper',
	'Strandwal',
	'Duinpieper',
	'Lindeboog',
	'Vaartkant',
	'Dijkwacht',
	'Waterhoen',
	'Kiezelpad',
	'Wijngaardrank',
	'Steilrand',
	'Grindhaven',
	'Boomgaardkring',
	'Waakvlam',
	'Eikenwal',
	'Vlonderland',
	'Kwartelnest',
	'Zevenblad'
] as const;
