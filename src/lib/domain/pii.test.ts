import { describe, expect, it } from 'vitest';
import { PII_LABELS, piiMelding, piiSoorten, vindPii, type PiiSoort } from './pii';
import { PII_GEVALLEN } from './pii.cases';

const SOORTEN = Object.keys(PII_LABELS) as PiiSoort[];

/** The 11-proef written out again, independently of pii.ts. */
function elfproef(negen: string): boolean {
	const d = [...negen].map(Number);
	const som = d.slice(0, 8).reduce((s, c, i) => s + (9 - i) * c, 0) - (d[8] ?? 0);
	return som % 11 === 0 && !/^0+$/.test(negen);
}

describe('the battery', () => {
	it('is large and balanced, and refuses every kind somewhere', () => {
		const geweigerd = PII_GEVALLEN.filter((g) => g.soorten.length > 0);
		expect(PII_GEVALLEN.length).toBeGreaterThanOrEqual(60);
		expect(geweigerd.length / PII_GEVALLEN.length).toBeGreaterThan(0.4);
		expect(geweigerd.length / PII_GEVALLEN.length).toBeLessThan(0.6);
		expect(new Set(geweigerd.flatMap((g) => g.soorten))).toEqual(new Set(SOORTEN));
		expect(new Set(PII_GEVALLEN.map((g) => g.tekst)).size).toBe(PII_GEVALLEN.length);
	});

	it('writes its kinds distinct and in PII_LABELS order', () => {
		for (const { soorten } of PII_GEVALLEN) {
			expect(soorten).toEqual(SOORTEN.filter((s) => soorten.includes(s)));
		}
	});

	it('uses BSNs that pass the 11-proef', () => {
		const bsns = PII_GEVALLEN.filter((g) => g.soorten.includes('bsn')).flatMap(
			(g) => g.tekst.replace(/[. ]/g, '').match(/(?<![0-9])[0-9]{9}(?![0-9])/g) ?? []
		);
		expect(bsns.length).toBeGreaterThanOrEqual(5);
		for (const bsn of bsns) expect(elfproef(bsn), bsn).toBe(true);
	});
});

describe('piiSoorten', () => {
	it.each(PII_GEVALLEN)('$tekst → $soorten ($waarom)', ({ tekst, soorten }) => {
		expect(piiSoorten(tekst)).toEqual(soorten);
	});

	it('finds nothing in empty or blank text', () => {
		expect(piiSoorten('')).toEqual([]);
		expect(piiSoorten('   \n ')).toEqual([]);
	});
});

describe('the 11-proef', () => {
	it('makes a 9-digit number a BSN exactly when it passes', () => {
		let toestand = 11;
		const volgende = () => (toestand = (Math.imul(toestand, 1103515245) + 12345) & 0x7fffffff);
		const getallen = Array.from({ length: 2000 }, () => String(volgende() % 1_000_000_000).padStart(9, '0'));
		const geldig = getallen.filter(elfproef);
		expect(geldig.length).toBeGreaterThan(100); // about 1 in 11
		for (const getal of getallen) {
			expect(piiSoorten(`nummer ${getal} bekend`), getal).toEqual(elfproef(getal) ? ['bsn'] : []);
		}
	});

	it('knows the textbook cases', () => {
		expect(piiSoorten('123456782')).toEqual(['bsn']); // 9·1+8·2+…+2·8−2 = 154 = 14·11
		expect(piiSoorten('123456789')).toEqual([]); // 147, remainder 4
		expect(piiSoorten('111222333')).toEqual(['bsn']);
		expect(piiSoorten('000000000')).toEqual([]); // passes the sum, but is no number
	});

	it('reads a BSN grouped with dots or spaces, but not inside a longer number or amount', () => {
		expect(piiSoorten('123.456.782')).toEqual(['bsn']);
		expect(piiSoorten('1234 56 782')).toEqual(['bsn']);
		expect(piiSoorten('1123456782')).toEqual([]);
		expect(piiSoorten('€ 123.456.782,50')).toEqual([]);
	});
});

describe('vindPii', () => {
	it('gives the offsets of each finding, ordered by start', () => {
		const tekst = 'Bel 06-12345678 of mail a.b@x.nl';
		expect(vindPii(tekst)).toEqual([
			{ soort: 'telefoon', start: 4, eind: 15 },
			{ soort: 'email', start: 24, eind: 32 }
		]);
		expect(tekst.slice(4, 15)).toBe('06-12345678');
	});

	it('keeps the earlier, longer finding where two overlap', () => {
		// The IBAN's account number reads as a phone number of its own, starting later.
		expect(vindPii('NL91ABNA0417164300')).toEqual([{ soort: 'iban', start: 0, eind: 18 }]);
		// A date followed by an hour has 10 digits starting with 0, but stays a date.
		expect(vindPii('01-02-2024 10 uur')).toEqual([{ soort: 'datum', start: 0, eind: 10 }]);
	});

	it('covers a postcode without its house number', () => {
		expect(vindPii('Woont 3511 AB 12')).toEqual([{ soort: 'postcode', start: 6, eind: 13 }]);
	});

	it('finds every occurrence', () => {
		expect(vindPii('06-12345678 en 06-87654321').map((v) => v.soort)).toEqual(['telefoon', 'telefoon']);
	});
});

describe('piiMelding', () => {
	it('is null for clean text', () => {
		expect(piiMelding('Meisje van 14 jaar, groep 8, IQ 85')).toBeNull();
	});

	it('says in Dutch what to remove and that the rest stays', () => {
		expect(piiMelding('BSN 123456782, mail ouders@example.nl')).toBe(
			'Haal een BSN en een e-mailadres weg: persoonsgegevens van het kind of gezin horen hier niet. De rest van uw tekst blijft staan.'
		);
		expect(piiMelding('06-12345678')).toBe(
			'Haal een telefoonnummer weg: persoonsgegevens van het kind of gezin horen hier niet. De rest van uw tekst blijft staan.'
		);
		expect(piiMelding('Tel 06-12345678, geboren 1 jan 2016, woont 3511 AB')).toMatch(
			/^Haal een telefoonnummer, een postcode \(met huisnummer\) en een datum weg: /
		);
	});

	it('names each kind found once, and repeats no value', () => {
		for (const { tekst, soorten } of PII_GEVALLEN.filter((g) => g.soorten.length > 0)) {
			const melding = piiMelding(tekst) ?? '';
			for (const soort of SOORTEN) {
				expect(melding.split(PII_LABELS[soort]).length - 1, `${soort} in ${melding}`).toBe(
					soorten.includes(soort) ? 1 : 0
				);
			}
			expect(melding).not.toMatch(/[0-9@]/);
		}
		expect(piiMelding('06-12345678 en 06-87654321 en 0201234567')?.match(/telefoonnummer/g)).toHaveLength(1);
	});
});
