// The beschikbaarheidswijzer's status (DESIGN.md §3), for one report and for a cell of the matrix.
// The database computes the same per report in public.beschikbaarheid(); a database test checks that
// both agree, because the search sorts by the SQL one and pages show this one.

import { GRIJS_NA_DAGEN } from './versheid';

export type WijzerStatus = 'groen' | 'oranje' | 'rood' | 'grijs';

/** Best first: the order in which search results and cells rank. */
export const STATUS_VOLGORDE: readonly WijzerStatus[] = ['groen', 'oranje', 'rood', 'grijs'];

/** A start within this many weeks makes oranje; later or unknown is rood. */
export const ORANJE_BINNEN_WEKEN = 4;

export const statusLabels: Record<WijzerStatus, string> = {
	groen: 'Nu plek vrij',
	oranje: `Start binnen ${ORANJE_BINNEN_WEKEN} weken`,
	rood: `Langer dan ${ORANJE_BINNEN_WEKEN} weken of onbekend`,
	grijs: `Geen melding van de laatste ${GRIJS_NA_DAGEN} dagen`
};

export interface Melding {
	vrijePlaatsen: number;
	wachttijdWeken: number | null;
	/** Next expected free date, as YYYY-MM-DD (a calendar day, no time zone). */
	eerstvolgendeVrij: string | null;
	gemeldOp: Date | null;
}

const DAG_MS = 24 * 60 * 60 * 1000;

/** Today in the Netherlands as YYYY-MM-DD. */
export function vandaagInNederland(nu: Date = new Date()): string {
	return nu.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** Weeks until a start: the reported wait or the weeks until the next free date, whichever is sooner. */
export function startOverWeken(
	wachttijdWeken: number | null,
	eerstvolgendeVrij: string | null,
	vandaag: string
): number | null {
	const uitDatum =
		eerstvolgendeVrij === null
			? null
			: Math.max(0, Math.ceil((Date.parse(eerstvolgendeVrij) - Date.parse(vandaag)) / DAG_MS / 7));
	if (wachttijdWeken === null) return uitDatum;
	if (uitDatum === null) return wachttijdWeken;
	return Math.min(wachttijdWeken, uitDatum);
}

/** Status of one offering's latest report. */
export function statusVanMelding(melding: Melding, nu: Date = new Date()): WijzerStatus {
	if (melding.gemeldOp === null || nu.getTime() - melding.gemeldOp.getTime() > GRIJS_NA_DAGEN * DAG_MS) {
		return 'grijs';
	}
	if (melding.vrijePlaatsen > 0) return 'groen';
	const weken = startOverWeken(melding.wachttijdWeken, melding.eerstvolgendeVrij, vandaagInNederland(nu));
	return weken !== null && weken <= ORANJE_BINNEN_WEKEN ? 'oranje' : 'rood';
}

/** How many offerings in a cell have each status. */
export type StatusTelling = Record<WijzerStatus, number>;

/**
 * Status of a matrix cell (hulpvorm × jeugdregio): the best any offering in it reaches. A cell with
 * offerings but none reported in 14 days is grijs (unknown); a cell without any offering is rood,
 * because then it is known that no help can start.
 */
export function celStatus(telling: StatusTelling): WijzerStatus {
	for (const status of ['groen', 'oranje', 'rood'] as const) {
		if (telling[status] > 0) return status;
	}
	return telling.grijs > 0 ? 'grijs' : 'rood';
}
