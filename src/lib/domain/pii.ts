// =====================================================================
// PII guard for free text: no BSN, e-mail address, phone number, postcode, date or IBAN of a child or
// family may be stored (DESIGN). A name cannot be recognised reliably by a pattern; what can, is refused
// here, and the same detectors run in the database as public.pii_soorten (migration 20261204000700_pii),
// so a check constraint refuses what slipped past a form. Keep both in step: the shared battery in
// pii.cases.ts runs through both (src/lib/domain/pii.test.ts and supabase/tests/pii.test.ts).
// =====================================================================
// The patterns are written in the subset that JavaScript and Postgres' ARE read alike (character classes,
// lookahead and lookbehind, {m,n}, one back-reference), and each pattern matches a single extent at a
// given start (a boundary ends every variable part): JavaScript takes the first alternative that
// matches, Postgres the longest, and only then do both agree. Word boundaries are spelled out as ASCII
// classes, as \b and \m depend on the engine and the locale.

export type PiiSoort = 'bsn' | 'email' | 'telefoon' | 'postcode' | 'datum' | 'iban';

export interface PiiVondst {
	soort: PiiSoort;
	start: number;
	eind: number;
}

/** What to remove, in the order a message names them (and piiSoorten returns them). */
export const PII_LABELS: Record<PiiSoort, string> = {
	bsn: 'een BSN',
	email: 'een e-mailadres',
	telefoon: 'een telefoonnummer',
	postcode: 'een postcode (met huisnummer)',
	datum: 'een datum',
	iban: 'een IBAN'
};

/** Checks a match must pass besides its pattern. */
type Controle = 'elfproef' | 'tien_cijfers' | 'mod97';

interface Detector {
	soort: PiiSoort;
	patroon: string;
	hoofdletterOngevoelig?: boolean;
	controle?: Controle;
}

// The same list, in the same order and with the same pattern text, is in public.pii_soorten.
const DETECTORS: readonly Detector[] = [
	// BSN: 9 digits, bare or grouped 3-3-3 or 4-2-3 by dots or spaces; not part of a longer number or an
	// amount. Only the 11-proef makes it a BSN: most 9-digit numbers (file numbers) fail it.
	{
		soort: 'bsn',
		patroon: String.raw`(?<![0-9]|[0-9][.,])(?:[0-9]{9}|[0-9]{3}[. ][0-9]{3}[. ][0-9]{3}|[0-9]{4}[. ][0-9]{2}[. ][0-9]{3})(?![0-9]|[.,][0-9])`,
		controle: 'elfproef'
	},
	{
		soort: 'email',
		patroon: String.raw`[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])`
	},
	// Phone, national: 0, a non-zero digit, 8 more digits, with a space, dash or dot (" - " too) between
	// any two. Not a date followed by a time or count ("01-02-2024 10 uur" has 10 digits too), and not the
	// tail of a number or date ("12-0612…").
	{
		soort: 'telefoon',
		patroon: String.raw`(?<![0-9+]|[0-9][-./])(?!0[1-9][-./](?:0?[1-9]|1[0-2])[-./][0-9]{4}(?![0-9]))0[1-9](?:(?: ?[-.] ?| )?[0-9]){8}(?![0-9])`
	},
	// Phone with the area code in parentheses, "(030) 123 45 67": 10 digits in all.
	{
		soort: 'telefoon',
		patroon: String.raw`(?<![0-9A-Za-z])\(0[1-9][0-9]{0,2}\) ?[0-9](?:(?: ?[-.] ?| )?[0-9]){4,7}(?![0-9])`,
		controle: 'tien_cijfers'
	},
	// Information numbers 0800/0900/0906/0909: 8 or 11 digits.
	{
		soort: 'telefoon',
		patroon: String.raw`(?<![0-9+]|[0-9][-./])0[89]0[0-9](?:(?: ?[-.] ?| )?[0-9]){4}(?:(?:(?: ?[-.] ?| )?[0-9]){3})?(?![0-9])`
	},
	// Phone, international: +31 or 0031, an optional (0), then the 9 digits after the national 0.
	{
		soort: 'telefoon',
		patroon: String.raw`(?<![0-9A-Za-z+])(?:\+|00)31(?: ?[-.] ?| )?(?:\(0\) ?)?[1-9](?:(?: ?[-.] ?| )?[0-9]){8}(?![0-9])`
	},
	// Postcode (PC6): 4 digits (not starting with 0) and 2 letters (never SA, SD or SS) as their own
	// token; the house number after it is not needed. A PC4 alone is allowed: it says too little.
	// A number followed by a two-letter word reads like a PC6 ("tussen 2015 en 2016", "1000 km"), so the
	// letters count as a postcode only when they are
	//   - uppercase, with or without a space ("3511 AB", "3511AB"); "in 2015 IS" is the accepted cost;
	//   - lowercase and attached to the digits ("3511ab"); or
	//   - lowercase after a space and followed by a house number ("3511 ab 12", "3511 ab, nr 4");
	// and lowercase letters never when they are a common Dutch two-letter word, unit or weekday.
	// Mixed case ("3511 Ab") is not a postcode notation and passes.
	{
		soort: 'postcode',
		patroon: String.raw`(?<![0-9A-Za-z]|[0-9][.,])[1-9][0-9]{3}(?: ?(?!S[ADS])[A-Z]{2}|(?!en|of|is|in|op|om|te|er|na|al|nu|zo|ze|we|je|ik|de|ca|km|kg|mg|ml|cm|mm|dl|cl|pp|st|nr|wk|ma|di|wo|do|vr|za|am|pm|s[ads])[a-z]{2}| (?!en|of|is|in|op|om|te|er|na|al|nu|zo|ze|we|je|ik|de|ca|km|kg|mg|ml|cm|mm|dl|cl|pp|st|nr|wk|ma|di|wo|do|vr|za|am|pm|s[ads])[a-z]{2}(?=,? ?(?:nr\.? ?|nummer ?)?[0-9]))(?![A-Za-z])`
	},
	// Date, day-month-year: day 1-31, month 1-12, the same separator twice, a year of 4 or 2 digits
	// ("12-03-'15"). Without a year ("12-3", "24/7") it is not a date.
	{
		soort: 'datum',
		patroon: String.raw`(?<![0-9]|[0-9][-./])(?:0?[1-9]|[12][0-9]|3[01])([-./])(?:0?[1-9]|1[0-2])\1(?:[0-9]{4}|'?[0-9]{2})(?![0-9])`
	},
	// Date, year-month-day ("2015-03-12"); a range of years ("2019-2021") has no third part.
	{
		soort: 'datum',
		patroon: String.raw`(?<![0-9]|[0-9][-./])[12][0-9]{3}([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])`
	},
	// Date, day and Dutch month name, full or abbreviated, with or without a year ("12 maart",
	// "3 mrt. 2015", "12-mrt-'15"); "3 maanden" is not one ("maa" must end the word).
	{
		soort: 'datum',
		patroon: String.raw`(?<![0-9A-Za-z])(?:0?[1-9]|[12][0-9]|3[01])[ -]?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|maa|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?(?![A-Za-z])(?:[ -](?:[12][0-9]{3}|'[0-9]{2})(?![0-9]))?`,
		hoofdletterOngevoelig: true
	},
	// IBAN: country, check digits, then groups of 4 (spaces optional) of which all but the first start
	// with a digit, so a following word is not read as part of it; mod 97 decides.
	{
		soort: 'iban',
		patroon: String.raw`(?<![0-9A-Za-z])[A-Za-z]{2}[0-9]{2} ?[A-Za-z0-9]{4}(?: ?[0-9][A-Za-z0-9]{3}){1,6}(?: ?[0-9][A-Za-z0-9]{0,2})?(?![0-9A-Za-z])`,
		controle: 'mod97'
	}
];

const REGEXEN = DETECTORS.map((d) => new RegExp(d.patroon, d.hoofdletterOngevoelig ? 'gi' : 'g'));

const cijfers = (tekst: string) => tekst.replace(/[^0-9]/g, '');

/** 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11, and not all zeros. */
function elfproef(tekst: string): boolean {
	const d = cijfers(tekst);
	if (d.length !== 9 || /^0+$/.test(d)) return false;
	let som = -Number(d[8]);
	for (let i = 0; i < 8; i++) som += (9 - i) * Number(d[i]);
	return som % 11 === 0;
}

/** ISO 13616: the first 4 characters moved to the end, letters as 10–35, the number mod 97 is 1. */
function mod97(tekst: string): boolean {
	const iban = tekst.replace(/ /g, '').toUpperCase();
	if (iban.length < 15 || iban.length > 34) return false;
	let rest = 0;
	for (const teken of iban.slice(4) + iban.slice(0, 4)) {
		const waarde = teken >= '0' && teken <= '9' ? Number(teken) : teken.charCodeAt(0) - 55;
		// Digit by digit (a letter is two): the number itself is far beyond a double.
		rest = (rest * (waarde > 9 ? 100 : 10) + waarde) % 97;
	}
	return rest === 1;
}

function controleer(controle: Controle | undefined, tekst: string): boolean {
	switch (controle) {
		case undefined:
			return true;
		case 'elfproef':
			return elfproef(tekst);
		case 'tien_cijfers':
			return cijfers(tekst).length === 10;
		case 'mod97':
			return mod97(tekst);
	}
}

/** Every finding, ordered by start, without overlaps: the earlier start wins, then the longer one. */
export function vindPii(tekst: string): PiiVondst[] {
	const kandidaten: (PiiVondst & { nr: number })[] = [];
	DETECTORS.forEach((detector, nr) => {
		for (const match of tekst.matchAll(REGEXEN[nr] as RegExp)) {
			if (!controleer(detector.controle, match[0])) continue;
			kandidaten.push({ soort: detector.soort, start: match.index, eind: match.index + match[0].length, nr });
		}
	});
	kandidaten.sort((a, b) => a.start - b.start || b.eind - b.start - (a.eind - a.start) || a.nr - b.nr);
	const vondsten: PiiVondst[] = [];
	let bezetTot = 0;
	for (const { soort, start, eind } of kandidaten) {
		if (start < bezetTot) continue;
		vondsten.push({ soort, start, eind });
		bezetTot = eind;
	}
	return vondsten;
}

/** The distinct kinds found, in the order of PII_LABELS. */
export function piiSoorten(tekst: string): PiiSoort[] {
	const gevonden = new Set(vindPii(tekst).map((v) => v.soort));
	return (Object.keys(PII_LABELS) as PiiSoort[]).filter((soort) => gevonden.has(soort));
}

/**
 * null for clean text; else what to remove, in Dutch. It never repeats the value itself: the message
 * may end up in a log or an API response.
 */
export function piiMelding(tekst: string): string | null {
	const labels = piiSoorten(tekst).map((soort) => PII_LABELS[soort]);
	if (labels.length === 0) return null;
	const opsomming =
		labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} en ${labels[labels.length - 1]}`;
	return `Haal ${opsomming} weg: persoonsgegevens van het kind of gezin horen hier niet. De rest van uw tekst blijft staan.`;
}
