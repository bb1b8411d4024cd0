import type { VoorstelStatus } from '$lib/domain/hulpvraag';
import type { Afwijsreden, AntwoordSoort, AntwoordVerzoekInvoer } from '$lib/schemas/hulpvraag';
import {
	geheugenOpslag,
	indexedDbOpslag,
	verstuurJson,
	Wachtrij,
	type MaakVerzoek,
	type OutboxOpslag,
	type Uitgaand,
	type Verstuur,
	type WachtrijOpties,
	type Weigering
} from './outbox';

// The outbox for a provider's answers to proposals (issue 5 §2): the same queue as capacity reports,
// its own store per person, sent to POST /api/v1/voorstellen/{id}/antwoord. Refused answers (the
// proposal expired or was withdrawn while the device was offline) are kept until the person has read
// them, so none is lost without a word.

/** What the person chose on a proposal's card. */
export interface AntwoordVelden {
	voorstelId: string;
	/** The case's reference, to name it in a message once the card is gone (never sent). */
	referentie: string;
	soort: AntwoordSoort;
	reden?: Afwijsreden;
	toelichting?: string;
}

/** One answer in the outbox: the choice, when it was made on the device, and its idempotency key. */
export interface AntwoordVerzoek extends AntwoordVelden {
	gedaanOp: string;
	idempotentieSleutel: string;
}

/** What the server says about a processed answer: the proposal's status after it. */
export interface AntwoordVerwerkt {
	status: VoorstelStatus;
}

export type UitgaandAntwoord = Uitgaand<AntwoordVerzoek>;
export type GeweigerdAntwoord = Weigering<AntwoordVerzoek>;

const maakAntwoord: MaakVerzoek<AntwoordVelden, AntwoordVerzoek> = (velden, { op, sleutel }) => ({
	...velden,
	gedaanOp: op,
	idempotentieSleutel: sleutel
});

export class AntwoordOutbox extends Wachtrij<AntwoordVelden, AntwoordVerzoek, AntwoordVerwerkt> {
	constructor(
		opslag: OutboxOpslag<UitgaandAntwoord>,
		verstuur: Verstuur<AntwoordVerzoek, AntwoordVerwerkt>,
		opties: Omit<WachtrijOpties<AntwoordVerzoek>, 'storingTekst'> = {}
	) {
		super(opslag, verstuur, maakAntwoord, {
			...opties,
			storingTekst: 'Het versturen ging mis. Uw antwoord blijft bewaard en wordt later opnieuw verstuurd.'
		});
	}
}

/** The stores of one person's answers: waiting ones and refused ones, in one IndexedDB database. */
export function antwoordOpslag(naam: string): {
	wachtend: OutboxOpslag<UitgaandAntwoord>;
	geweigerd: OutboxOpslag<GeweigerdAntwoord>;
} {
	if (typeof indexedDB === 'undefined') return { wachtend: geheugenOpslag(), geweigerd: geheugenOpslag() };
	const stores = ['antwoorden', 'geweigerd'];
	return {
		wachtend: indexedDbOpslag<UitgaandAntwoord>(naam, 'antwoorden', stores),
		geweigerd: indexedDbOpslag<GeweigerdAntwoord>(naam, 'geweigerd', stores)
	};
}

/** The body POST /api/v1/voorstellen/{id}/antwoord takes (antwoordVerzoekSchema). */
export function antwoordBody(v: AntwoordVerzoek): AntwoordVerzoekInvoer {
	return {
		soort: v.soort,
		...(v.reden ? { reden: v.reden } : {}),
		...(v.toelichting ? { toelichting: v.toelichting } : {}),
		gedaanOp: v.gedaanOp,
		idempotentieSleutel: v.idempotentieSleutel
	};
}

const STATUSSEN: readonly VoorstelStatus[] = [
	'voorgesteld',
	'gereserveerd',
	'intake',
	'geplaatst',
	'afgewezen',
	'afgewezen_na_intake',
	'verlopen',
	'ingetrokken'
];

/** Sends one answer and says what became of it. */
export function verstuurAntwoordViaFetch(
	opties: { fetch?: typeof fetch; isOnline?: () => boolean } = {}
): Verstuur<AntwoordVerzoek, AntwoordVerwerkt> {
	return verstuurJson<AntwoordVerzoek, AntwoordVerwerkt>({
		...opties,
		url: (v) => `/api/v1/voorstellen/${encodeURIComponent(v.voorstelId)}/antwoord`,
		body: antwoordBody,
		lees: (body) => ({
			status: STATUSSEN.includes(body.status as VoorstelStatus)
				? (body.status as VoorstelStatus)
				: 'voorgesteld'
		}),
		teksten: {
			geweigerd: 'Uw antwoord is geweigerd.',
			afgemeld:
				'U bent niet meer aangemeld. Meld u opnieuw aan: uw antwoord blijft bewaard en gaat daarna mee.',
			storing: 'Er ging iets mis aan onze kant. Uw antwoord blijft bewaard en wordt later opnieuw verstuurd.'
		}
	});
}
