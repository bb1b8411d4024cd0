/**
 * The norm clock as people read it: urgencies and their labels, Dutch dates and times in Europe/Amsterdam,
 * and the countdown in words. Pure functions, no I/O; `nu` is always passed in.
 *
 * This module has no holiday calendar on purpose: date-holidays (with moment) is about 1 MB of JavaScript,
 * and everything the browser needs of the norm clock is here. Client code (components, pages, shared schemas)
 * imports from this module, never from normklok.ts, which adds the working-day and deadline arithmetic on the
 * server and re-exports what is here. The calendar and wall-clock helpers are shared with normklok.ts.
 *
 * - resterend: whole units, always rounded DOWN (never promise more time than there is): months
 *   (counted as 30 days) from 60 days on, then days, then hours, then minutes. niveau is 'krap'
 *   when less than 7 × 24 hours remain, whatever the urgency: a crisis deadline is therefore always
 *   'krap', which is intended.
 */

export type Urgentie = 'crisis' | 'hoog' | 'regulier';

export const URGENTIES: readonly Urgentie[] = ['crisis', 'hoog', 'regulier'];

export const URGENTIE_LABELS: Record<Urgentie, string> = {
	crisis: 'Crisis',
	hoog: 'Hoog',
	regulier: 'Regulier'
};

export const TIJDZONE = 'Europe/Amsterdam';
export const MINUUT_MS = 60 * 1000;
export const UUR_MS = 60 * MINUUT_MS;
export const DAG_MS = 24 * UUR_MS;

/** Below this much time left, the countdown is 'krap'. */
const KRAP_MS = 7 * DAG_MS;

// ---------------------------------------------------------------------------------------------
// Calendar dates ('YYYY-MM-DD') as plain values, computed with UTC arithmetic (no zone involved).

export interface Datum {
	jaar: number;
	maand: number; // 1–12
	dag: number;
}

const DATUM_PATROON = /^(\d{4})-(\d{2})-(\d{2})$/;

export function leesDatum(datum: string): Datum {
	const m = DATUM_PATROON.exec(datum);
	if (!m) throw new RangeError(`Ongeldige datum: ${datum}`);
	const jaar = Number(m[1]);
	const maand = Number(m[2]);
	const dag = Number(m[3]);
	if (maand < 1 || maand > 12 || dag < 1 || dag > dagenInMaand(jaar, maand)) {
		throw new RangeError(`Ongeldige datum: ${datum}`);
	}
	return { jaar, maand, dag };
}

function twee(n: number): string {
	return String(n).padStart(2, '0');
}

export function schrijfDatum({ jaar, maand, dag }: Datum): string {
	return `${String(jaar).padStart(4, '0')}-${twee(maand)}-${twee(dag)}`;
}

export function dagenInMaand(jaar: number, maand: number): number {
	return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

// ---------------------------------------------------------------------------------------------
// Europe/Amsterdam wall clock.

export interface Wandklok extends Datum {
	uur: number;
	minuut: number;
	seconde: number;
}

const wandklokFormaat = new Intl.DateTimeFormat('en-US', {
	timeZone: TIJDZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

export function wandklok(moment: Date): Wandklok {
	if (Number.isNaN(moment.getTime())) throw new RangeError('Ongeldig moment');
	const delen: Record<string, number> = {};
	for (const deel of wandklokFormaat.formatToParts(moment)) {
		if (deel.type !== 'literal') delen[deel.type] = Number(deel.value);
	}
	return {
		jaar: delen.year ?? NaN,
		maand: delen.month ?? NaN,
		dag: delen.day ?? NaN,
		uur: delen.hour ?? NaN,
		minuut: delen.minute ?? NaN,
		seconde: delen.second ?? NaN
	};
}

/** The wall-clock time read as if it were UTC, in ms (seconds precision). */
export function wandklokAlsUtcMs(k: Wandklok): number {
	const d = new Date(Date.UTC(2000, k.maand - 1, k.dag, k.uur, k.minuut, k.seconde));
	d.setUTCFullYear(k.jaar);
	return d.getTime();
}

/** Calendar date 'YYYY-MM-DD' in Europe/Amsterdam of an instant. */
export function datumInNederland(moment: Date): string {
	return schrijfDatum(wandklok(moment));
}

// ---------------------------------------------------------------------------------------------
// Countdown and formatting.

export interface Resterend {
	verlopen: boolean;
	tekst: string;
	niveau: 'ruim' | 'krap' | 'verlopen';
}

/** "2 maanden", "1 dag", "5 uur", "1 minuut": the largest whole unit, rounded down. */
function duurInWoorden(ms: number): string {
	const dagen = Math.floor(ms / DAG_MS);
	if (dagen >= 60) {
		const maanden = Math.floor(dagen / 30);
		return `${maanden} ${maanden === 1 ? 'maand' : 'maanden'}`;
	}
	if (dagen >= 1) return `${dagen} ${dagen === 1 ? 'dag' : 'dagen'}`;
	const uren = Math.floor(ms / UUR_MS);
	if (uren >= 1) return `${uren} uur`;
	const minuten = Math.floor(ms / MINUUT_MS);
	if (minuten >= 1) return `${minuten} ${minuten === 1 ? 'minuut' : 'minuten'}`;
	return 'minder dan 1 minuut';
}

/**
 * Countdown in Dutch: "nog 2 maanden", "nog 12 dagen", "nog 1 dag", "nog 5 uur", "nog 40 minuten",
 * "2 dagen over de termijn", "1 uur over de termijn". Whole units rounded down; months count as
 * 30 days and are only used from 60 days on. The deadline instant itself counts as verlopen.
 * niveau: 'verlopen' once the deadline has passed, 'krap' with less than 7 × 24 hours left,
 * otherwise 'ruim'.
 */
export function resterend(deadline: Date, nu: Date): Resterend {
	const over = deadline.getTime() - nu.getTime();
	if (over <= 0) {
		return { verlopen: true, tekst: `${duurInWoorden(-over)} over de termijn`, niveau: 'verlopen' };
	}
	return { verlopen: false, tekst: `nog ${duurInWoorden(over)}`, niveau: over < KRAP_MS ? 'krap' : 'ruim' };
}

const momentFormaat = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIJDZONE,
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** Dutch date-time like "ma 28 dec 2026, 10:00" in Europe/Amsterdam (Intl, nl-NL). */
export function formatMoment(moment: Date): string {
	const delen: Record<string, string> = {};
	for (const deel of momentFormaat.formatToParts(moment)) {
		// Some ICU versions abbreviate with a trailing dot ("sep."): keep one stable form.
		if (deel.type !== 'literal') delen[deel.type] = deel.value.replace(/\.$/, '');
	}
	return `${delen.weekday} ${delen.day} ${delen.month} ${delen.year}, ${delen.hour}:${delen.minute}`;
}
