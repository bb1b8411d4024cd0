import { afwijsredenLabels, type Afwijsreden, type AntwoordSoort } from '$lib/schemas/hulpvraag';

// The words people read for the states of a hulpvraag and its proposals, and the timeline's sentences
// (built from the event log's identifiers and statuses: the log holds no free text).

export type HulpvraagStatus = 'concept' | 'open' | 'geplaatst' | 'ingetrokken';
export type VoorstelStatus =
	| 'voorgesteld'
	| 'gereserveerd'
	| 'intake'
	| 'geplaatst'
	| 'afgewezen'
	| 'afgewezen_na_intake'
	| 'verlopen'
	| 'ingetrokken';

export const hulpvraagStatusLabels: Record<HulpvraagStatus, string> = {
	concept: 'Concept',
	open: 'Open',
	geplaatst: 'Geplaatst',
	ingetrokken: 'Ingetrokken'
};

export const voorstelStatusLabels: Record<VoorstelStatus, string> = {
	voorgesteld: 'Wacht op antwoord',
	gereserveerd: 'Plek gereserveerd',
	intake: 'Intake',
	geplaatst: 'Geplaatst',
	afgewezen: 'Afgewezen',
	afgewezen_na_intake: 'Afgewezen na intake',
	verlopen: 'Verlopen',
	ingetrokken: 'Ingetrokken'
};

/** Running proposals still count against the limit of 3 and may hold a place. */
export const LOPENDE_STATUSSEN: readonly VoorstelStatus[] = ['voorgesteld', 'gereserveerd', 'intake'];
export const MAX_LOPENDE_VOORSTELLEN = 3;

export type VoorstelStap = AntwoordSoort | 'intrekken';

/** What a person reads once a step on a proposal went through (form action and offline outbox alike). */
export const stapGelukt: Record<VoorstelStap, string> = {
	accepteren: 'Geaccepteerd: er is een plek voor dit kind gereserveerd.',
	afwijzen: 'Afgewezen. De jeugdbeschermer ziet uw reden.',
	intake: 'De intake is vastgelegd; de plek blijft gereserveerd.',
	plaatsen: 'Geplaatst. Uw capaciteit is met één plek verlaagd.',
	afwijzen_na_intake: 'Afgewezen na intake. De hulpvraag gaat terug naar open.',
	intrekken: 'Het voorstel is ingetrokken.'
};

/** The status a provider's answer leads to: what the card shows while the answer waits to be sent. */
export const statusNaAntwoord: Record<AntwoordSoort, VoorstelStatus> = {
	accepteren: 'gereserveerd',
	afwijzen: 'afgewezen',
	intake: 'intake',
	plaatsen: 'geplaatst',
	afwijzen_na_intake: 'afgewezen_na_intake'
};

export function redenLabel(reden: string | null | undefined): string {
	return reden ? (afwijsredenLabels[reden as Afwijsreden] ?? reden) : '';
}

export interface TijdlijnGebeurtenis {
	soort: string;
	gegevens: Record<string, unknown>;
	aanbod: string | null;
	doorOrganisatie: string | null;
}

/**
 * One sentence per event, or null for an event that says nothing new to a person. `vorige` is the
 * previous event's data of the same hulpvraag: an update logs the whole state, so the change is the
 * difference.
 */
export function tijdlijnTekst(g: TijdlijnGebeurtenis, vorige?: Record<string, unknown>): string | null {
	const status = typeof g.gegevens.status === 'string' ? g.gegevens.status : null;
	const door = g.doorOrganisatie ? ` door ${g.doorOrganisatie}` : '';
	const aanbod = g.aanbod ?? 'het aanbod';
	switch (g.soort) {
		case 'hulpvragen.insert':
			return status === 'concept' ? `Opgeslagen als concept${door}` : `Gepubliceerd${door}`;
		case 'hulpvragen.update': {
			const was = (k: string) => vorige?.[k] ?? null;
			if (status !== was('status')) {
				if (status === 'open') return `Gepubliceerd${door}`;
				if (status === 'ingetrokken') return `Hulpvraag ingetrokken${door}`;
				if (status === 'geplaatst') return 'Hulpvraag gesloten: geplaatst';
			}
			if (g.gegevens.verbreed_op && !was('verbreed_op')) return `Zoekruimte verbreed${door}`;
			if (g.gegevens.uitleg_op && !was('uitleg_op')) return `Uitleg bij de overschrijding vastgelegd${door}`;
			return null;
		}
		case 'voorstellen.insert':
			return `Voorgesteld aan ${aanbod}${door}`;
		case 'voorstellen.update': {
			const reden = redenLabel(g.gegevens.reden as string | null);
			switch (status) {
				case 'gereserveerd':
					return `${aanbod} heeft geaccepteerd: plek gereserveerd`;
				case 'afgewezen':
					return `${aanbod} heeft afgewezen${reden ? `: ${reden.toLowerCase()}` : ''}`;
				case 'intake':
					return `Intake bij ${aanbod}`;
				case 'geplaatst':
					return `Geplaatst bij ${aanbod}`;
				case 'afgewezen_na_intake':
					return `${aanbod} heeft afgewezen na de intake${reden ? `: ${reden.toLowerCase()}` : ''}`;
				case 'verlopen':
					return `Voorstel aan ${aanbod} verlopen`;
				case 'ingetrokken':
					return `Voorstel aan ${aanbod} ingetrokken`;
				default:
					return null;
			}
		}
		case 'escalaties.insert':
			return `Geëscaleerd naar het expertteam${door}`;
		case 'escalaties.update':
			return g.gegevens.afgerond_op
				? 'Expertteam heeft de escalatie afgerond'
				: 'Expertteam heeft advies vastgelegd';
		case 'hulpvraag.ingezien':
			return `Ingezien${door}`;
		default:
			return null;
	}
}

/** The timeline as sentences, oldest first; events that say nothing new are left out. */
export function tijdlijnRegels<G extends TijdlijnGebeurtenis & { op: Date }>(
	gebeurtenissen: readonly G[]
): { op: Date; tekst: string }[] {
	let vorige: Record<string, unknown> | undefined;
	const regels: { op: Date; tekst: string }[] = [];
	for (const g of gebeurtenissen) {
		const tekst = tijdlijnTekst(g, vorige);
		if (g.soort.startsWith('hulpvragen.')) vorige = g.gegevens;
		if (tekst) regels.push({ op: g.op, tekst });
	}
	return regels;
}
