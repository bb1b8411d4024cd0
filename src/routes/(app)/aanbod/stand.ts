import type { MeldingVerzoek } from '$lib/client/outbox';

/** The figures of one capacity report as a card shows them. */
export interface Stand {
	vrijePlaatsen: number;
	wachtlijst: number;
	wachttijdWeken: number | null;
	eerstvolgendeVrij: string | null;
	alleenNaOverleg: boolean;
	notitie: string;
	gemeldOp: Date;
}

export function standVan(verzoek: MeldingVerzoek): Stand {
	const { vrijePlaatsen, wachtlijst, wachttijdWeken, eerstvolgendeVrij, alleenNaOverleg, notitie } = verzoek;
	return {
		vrijePlaatsen,
		wachtlijst,
		wachttijdWeken,
		eerstvolgendeVrij,
		alleenNaOverleg,
		notitie,
		gemeldOp: new Date(verzoek.gemeldOp)
	};
}

/** The newest by the time it was made, as the database's aanbod_stand decides too. */
export function nieuwste(standen: (Stand | null | undefined)[]): Stand | null {
	let beste: Stand | null = null;
	for (const s of standen) if (s && (!beste || s.gemeldOp.getTime() >= beste.gemeldOp.getTime())) beste = s;
	return beste;
}

/** The loaded current state of an offering (aanbod_stand), or null before its first report. */
export function geladenStand(aanbod: {
	vrijePlaatsen: number | null;
	wachtlijst: number | null;
	wachttijdWeken: number | null;
	eerstvolgendeVrij: string | null;
	alleenNaOverleg: boolean | null;
	notitie: string | null;
	gemeldOp: Date | null;
}): Stand | null {
	if (aanbod.gemeldOp === null || aanbod.vrijePlaatsen === null) return null;
	return {
		vrijePlaatsen: aanbod.vrijePlaatsen,
		wachtlijst: aanbod.wachtlijst ?? 0,
		wachttijdWeken: aanbod.wachttijdWeken,
		eerstvolgendeVrij: aanbod.eerstvolgendeVrij,
		alleenNaOverleg: aanbod.alleenNaOverleg ?? false,
		notitie: aanbod.notitie ?? '',
		gemeldOp: aanbod.gemeldOp
	};
}
