// What a push says. A notification shows on a lock screen and passes through a push service run by a
// browser vendor, so it carries no case field at all (no reference, gemeente, hulpvorm, aanbod, name or
// id): only that something waits and which page to open. Fixed texts per kind; nothing is filled in.

export const PUSH_SOORTEN = [
	'nieuw_voorstel',
	'antwoord',
	'hold_verloopt',
	'escalatie',
	'norm_verlopen',
	'test'
] as const;

export type PushSoort = (typeof PUSH_SOORTEN)[number];

/** The whole payload: the service worker shows titel and tekst and opens url on a click. */
export interface PushBericht {
	soort: PushSoort;
	titel: string;
	tekst: string;
	url: string;
}

const TEKSTEN: Record<PushSoort, Omit<PushBericht, 'soort'>> = {
	nieuw_voorstel: {
		titel: 'Nieuw voorstel',
		tekst: 'Er wacht een voorstel op uw antwoord. Open de app.',
		url: '/voorstellen'
	},
	antwoord: {
		titel: 'Antwoord op een voorstel',
		tekst: 'Een aanbieder heeft op een voorstel gereageerd. Open de app.',
		url: '/inbox'
	},
	hold_verloopt: {
		titel: 'Reservering loopt af',
		tekst: 'Een gereserveerde plek loopt binnen 2 uur af. Open de app.',
		url: '/inbox'
	},
	escalatie: {
		titel: 'Nieuwe escalatie',
		tekst: 'Er wacht een escalatie op het advies van het expertteam. Open de app.',
		url: '/expertteam'
	},
	norm_verlopen: {
		titel: 'Normtermijn voorbij',
		tekst: 'Een hulpvraag in uw regio is over de normtermijn. Open de app.',
		url: '/inbox'
	},
	test: {
		titel: 'Testmelding',
		tekst: 'Meldingen op dit apparaat werken. U hoeft niets te doen.',
		url: '/instellingen'
	}
};

/** Pages a notification may open: sections, never a case's own page (its address holds the reference). */
const PADEN = new Set([
	'/',
	'/inbox',
	'/voorstellen',
	'/hulpvragen',
	'/makelaar',
	'/expertteam',
	'/instellingen'
]);

export function isPushSoort(soort: string): soort is PushSoort {
	return (PUSH_SOORTEN as readonly string[]).includes(soort);
}

/**
 * The payload for a push of this kind: exactly {soort, titel, tekst, url}. `url` (from the queue) is
 * used only when it is one of the known section pages; anything else falls back to the kind's page.
 */
export function pushBericht(soort: PushSoort, url?: string): PushBericht {
	const vast = TEKSTEN[soort];
	return {
		soort,
		titel: vast.titel,
		tekst: vast.tekst,
		url: url !== undefined && PADEN.has(url) ? url : vast.url
	};
}
