/**
 * Normklok: the deadline ("norm") by which a hulpvraag must have passende hulp, and the Dutch
 * working-day arithmetic behind it. Pure functions, no I/O; `nu` is always passed in.
 *
 * Rules, and why:
 * - All calendar reasoning happens in Europe/Amsterdam, DST-correct. Deadlines are legal/organisational
 *   dates for Dutch professionals, so "which day" and "end of the day" are Amsterdam days, never UTC
 *   days or the server's zone. Offsets are derived from Intl.DateTimeFormat (no extra library).
 * - Working days are Monday–Friday minus the date-holidays 'NL' holidays of type 'public' only.
 *   Verified with date-holidays 3.x for 2026 and 2027: type 'public' are Nieuwjaar, Pasen, Tweede
 *   paasdag, Koningsdag, Hemelvaartsdag, Pinksteren, Tweede pinksterdag, Kerstmis and Tweede kerstdag
 *   (2026: 01-01, 04-05, 04-06, 04-27, 05-14, 05-24, 05-25, 12-25, 12-26; 2027: 01-01, 03-28, 03-29,
 *   04-27, 05-06, 05-16, 05-17, 12-25, 12-26). Goede Vrijdag and Bevrijdingsdag (5 May) come back
 *   as type 'school', Oudejaarsavond as 'bank', Dodenherdenking/Prinsjesdag/etc. as 'observance':
 *   all of those count as working days here (Bevrijdingsdag is 'school' in lustrum years such as
 *   2025 too). It is not a general day off: many collective agreements grant it only once every
 *   five years, so youth-care offices are normally open and a norm should not pause for it.
 * - regulier: passende hulp within 3 calendar months after the maatregel (the national norm). The
 *   date is the maatregel date plus 3 months, clamped to the end of a shorter month (30 Nov →
 *   28/29 Feb, 31 Jan → 30 Apr), moved forward to the next working day when it is none (a deadline
 *   should not expire on a day nobody works), and the deadline is the END of that Amsterdam day.
 * - hoog: within 10 working days, counted from the later of the maatregel date and the Amsterdam
 *   publication date (we cannot ask the market to act before the hulpvraag exists). Day 1 is the
 *   first working day after that start date; the deadline is the end of day 10. The 3-month norm
 *   still applies, so the earlier of both deadlines wins.
 * - crisis: within 24 real (elapsed) hours after publication, because crisis care runs 24/7: across
 *   a DST change the wall-clock time shifts by an hour, the elapsed time does not. Capped by the
 *   3-month norm as well (a crisis request for an old maatregel may be overdue at once: the norm
 *   really has passed).
 * - On a tie between the urgency deadline and the 3-month norm, the urgency rule is named.
 * - verbredenNa (when an unanswered hulpvraag is flagged and its matches widen): crisis after 4 real
 *   hours, hoog after 2 working days, regulier after 5 working days, keeping the wall-clock time.
 * - Urgencies, Amsterdam dates and times and the countdown (resterend) live in termijn.ts, without
 *   the holiday calendar, so the browser never loads date-holidays; they are re-exported here.
 */
import Holidays from 'date-holidays';
import {
	dagenInMaand,
	DAG_MS,
	datumInNederland,
	leesDatum,
	schrijfDatum,
	UUR_MS,
	wandklok,
	wandklokAlsUtcMs,
	type Datum,
	type Urgentie,
	type Wandklok
} from './termijn';

export {
	datumInNederland,
	formatMoment,
	resterend,
	URGENTIE_LABELS,
	URGENTIES,
	type Resterend,
	type Urgentie
} from './termijn';

/** Calendar months of the regular norm. */
const NORM_MAANDEN = 3;
/** Working days of the 'hoog' norm. */
const HOOG_WERKDAGEN = 10;
/** Real hours of the 'crisis' norm. */
const CRISIS_UREN = 24;

// ---------------------------------------------------------------------------------------------
// Calendar dates ('YYYY-MM-DD') as plain values, computed with UTC arithmetic (no zone involved).

/** The date as midnight UTC: only for weekday and day arithmetic, never as a real instant. */
function alsUtc({ jaar, maand, dag }: Datum): Date {
	const d = new Date(Date.UTC(2000, maand - 1, dag));
	d.setUTCFullYear(jaar);
	return d;
}

function plusDagen(datum: string, n: number): string {
	const d = alsUtc(leesDatum(datum));
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** Plus whole calendar months, clamped to the last day of a shorter month. */
function plusMaanden(datum: string, n: number): string {
	const { jaar, maand, dag } = leesDatum(datum);
	const index = jaar * 12 + (maand - 1) + n;
	const nieuwJaar = Math.floor(index / 12);
	const nieuweMaand = (index % 12) + 1;
	return schrijfDatum({
		jaar: nieuwJaar,
		maand: nieuweMaand,
		dag: Math.min(dag, dagenInMaand(nieuwJaar, nieuweMaand))
	});
}

/** 0 = Sunday … 6 = Saturday. */
function weekdag(datum: string): number {
	return alsUtc(leesDatum(datum)).getUTCDay();
}

const datumLang = new Intl.DateTimeFormat('nl-NL', {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const weekdagLang = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long' });
const dagMaandLang = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long' });

/** "28 april 2027". */
function datumInWoorden(datum: string): string {
	return datumLang.format(alsUtc(leesDatum(datum)));
}

// ---------------------------------------------------------------------------------------------
// Europe/Amsterdam wall clock.

/** Amsterdam offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function offsetMs(tijdstip: number): number {
	const heleSeconde = Math.floor(tijdstip / 1000) * 1000;
	return wandklokAlsUtcMs(wandklok(new Date(heleSeconde))) - heleSeconde;
}

/**
 * The instant of an Amsterdam wall-clock time. Ambiguous times (the repeated hour in October)
 * take the earlier instant; non-existent times (the skipped hour in March) move forward by the
 * gap, like Temporal's 'compatible'. Working days never fall on a (Sunday) DST change, so for
 * the working-day functions this never matters; it only keeps the function total.
 */
function vanWandklok(k: Wandklok, milliseconden = 0): Date {
	const lokaal = wandklokAlsUtcMs(k);
	const kandidaten = [lokaal - offsetMs(lokaal - DAG_MS), lokaal - offsetMs(lokaal + DAG_MS)]
		.filter((t) => wandklokAlsUtcMs(wandklok(new Date(t))) === lokaal)
		.sort((a, b) => a - b);
	const tijdstip = kandidaten[0] ?? lokaal - offsetMs(lokaal - DAG_MS);
	return new Date(tijdstip + milliseconden);
}

// ---------------------------------------------------------------------------------------------
// Holidays and working days.

let kalender: Holidays | undefined;
const feestdagenPerJaar = new Map<number, ReadonlyMap<string, string>>();

/** The public holidays (type 'public' in date-holidays NL) of a year, as 'YYYY-MM-DD' → name. Cached per year. */
export function feestdagen(jaar: number): ReadonlyMap<string, string> {
	const bekend = feestdagenPerJaar.get(jaar);
	if (bekend) return bekend;
	kalender ??= new Holidays('NL');
	const dagen = new Map<string, string>();
	for (const feestdag of kalender.getHolidays(jaar)) {
		// `date` is local ('2027-04-27 00:00:00'): its first 10 characters are the Dutch date,
		// whatever the zone of the process. Multi-day entries do not occur for type 'public' in NL.
		if (feestdag.type === 'public') dagen.set(feestdag.date.slice(0, 10), feestdag.name);
	}
	feestdagenPerJaar.set(jaar, dagen);
	return dagen;
}

/** Whether a calendar date is a Dutch working day: Monday–Friday and not a public holiday. */
export function isWerkdag(datum: string): boolean {
	const { jaar } = leesDatum(datum);
	const dag = weekdag(datum);
	return dag >= 1 && dag <= 5 && !feestdagen(jaar).has(datum);
}

/** The date itself when it is a working day, otherwise the next working day. */
function werkdagOpOfNa(datum: string): string {
	let dag = datum;
	while (!isWerkdag(dag)) dag = plusDagen(dag, 1);
	return dag;
}

/** The n-th working day after a date (day 1 is the first working day after it); n = 0 → the date. */
function werkdagenNa(datum: string, n: number): string {
	let dag = datum;
	for (let geteld = 0; geteld < n;) {
		dag = plusDagen(dag, 1);
		if (isWerkdag(dag)) geteld++;
	}
	return dag;
}

/** `moment` plus n working days at the same Amsterdam wall-clock time (n ≥ 0): step day by day, count only working days. */
export function plusWerkdagen(moment: Date, n: number): Date {
	if (!Number.isInteger(n) || n < 0)
		throw new RangeError(`Aantal werkdagen moet een geheel getal ≥ 0 zijn: ${n}`);
	if (n === 0) return new Date(moment.getTime());
	const klok = wandklok(moment);
	const doel = leesDatum(werkdagenNa(schrijfDatum(klok), n));
	const milliseconden = ((moment.getTime() % 1000) + 1000) % 1000;
	return vanWandklok({ ...klok, ...doel }, milliseconden);
}

/** The instant a calendar date ends in Amsterdam (= 00:00 of the next day, Europe/Amsterdam, DST-correct). */
export function eindVanDag(datum: string): Date {
	// Midnight always exists in Amsterdam (DST changes at 02:00/03:00), so this is unambiguous.
	return vanWandklok({ ...leesDatum(plusDagen(datum, 1)), uur: 0, minuut: 0, seconde: 0 });
}

// ---------------------------------------------------------------------------------------------
// The norm clock.

export interface Normklok {
	deadline: Date;
	/** Dutch sentence explaining the rule applied. */
	grondslag: string;
}

function regulierNorm(maatregelDatum: string): { deadline: Date; toelichting: string } {
	const kalenderdag = plusMaanden(maatregelDatum, NORM_MAANDEN);
	const normdag = werkdagOpOfNa(kalenderdag);
	let wanneer = datumInWoorden(normdag);
	if (normdag !== kalenderdag) {
		const feestdag = feestdagen(leesDatum(kalenderdag).jaar).get(kalenderdag);
		const dagAlsUtc = alsUtc(leesDatum(kalenderdag));
		const naam = feestdag ?? `${weekdagLang.format(dagAlsUtc)} ${dagMaandLang.format(dagAlsUtc)}`;
		wanneer += `, de eerste werkdag na ${naam}`;
	}
	return {
		deadline: eindVanDag(normdag),
		toelichting: `passende hulp binnen ${NORM_MAANDEN} maanden na de maatregel (${wanneer})`
	};
}

function hoofdletter(tekst: string): string {
	return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}

export function normDeadline(invoer: {
	maatregelDatum: string;
	urgentie: Urgentie;
	gepubliceerdOp: Date;
}): Normklok {
	const { maatregelDatum, urgentie, gepubliceerdOp } = invoer;
	const regulier = regulierNorm(maatregelDatum);
	const driemaandennorm: Normklok = {
		deadline: regulier.deadline,
		grondslag: `${hoofdletter(regulier.toelichting)}.`
	};
	if (urgentie === 'regulier') return driemaandennorm;

	let eigen: Normklok;
	if (urgentie === 'hoog') {
		const publicatieDatum = datumInNederland(gepubliceerdOp);
		const vanafMaatregel = maatregelDatum > publicatieDatum;
		const start = vanafMaatregel ? maatregelDatum : publicatieDatum;
		const laatsteDag = werkdagenNa(start, HOOG_WERKDAGEN);
		eigen = {
			deadline: eindVanDag(laatsteDag),
			grondslag:
				`Hoog: binnen ${HOOG_WERKDAGEN} werkdagen na ${vanafMaatregel ? 'de maatregel' : 'publicatie'}` +
				` (uiterlijk ${weekdagLang.format(alsUtc(leesDatum(laatsteDag)))} ${datumInWoorden(laatsteDag)}).`
		};
	} else {
		eigen = {
			deadline: new Date(gepubliceerdOp.getTime() + CRISIS_UREN * UUR_MS),
			grondslag: `Crisis: binnen ${CRISIS_UREN} uur na publicatie.`
		};
	}
	if (regulier.deadline.getTime() < eigen.deadline.getTime()) {
		return {
			deadline: regulier.deadline,
			grondslag: `${eigen.grondslag.slice(0, eigen.grondslag.indexOf(':'))}: de driemaandennorm verloopt eerder, ${regulier.toelichting}.`
		};
	}
	return eigen;
}

/** When a hulpvraag without an accepted proposal gets flagged and its matches widen. */
export function verbredenNa(urgentie: Urgentie, gepubliceerdOp: Date): Date {
	switch (urgentie) {
		case 'crisis':
			return new Date(gepubliceerdOp.getTime() + 4 * UUR_MS);
		case 'hoog':
			return plusWerkdagen(gepubliceerdOp, 2);
		case 'regulier':
			return plusWerkdagen(gepubliceerdOp, 5);
	}
}
