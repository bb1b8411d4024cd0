import { describe, expect, it } from 'vitest';
import {
	URGENTIES,
	URGENTIE_LABELS,
	datumInNederland,
	eindVanDag,
	feestdagen,
	formatMoment,
	isWerkdag,
	normDeadline,
	plusWerkdagen,
	resterend,
	verbredenNa
} from './normklok';

const MINUUT = 60 * 1000;
const UUR = 60 * MINUUT;
const DAG = 24 * UUR;

/** An instant written with an explicit offset, so the Amsterdam wall-clock time is visible. */
const t = (iso: string) => new Date(iso);

describe('urgenties', () => {
	it('lists the urgencies with Dutch labels', () => {
		expect(URGENTIES).toEqual(['crisis', 'hoog', 'regulier']);
		expect(URGENTIE_LABELS).toEqual({ crisis: 'Crisis', hoog: 'Hoog', regulier: 'Regulier' });
	});
});

describe('datumInNederland', () => {
	it('gives the Amsterdam date, not the UTC date', () => {
		expect(datumInNederland(t('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // 00:30 CET
		expect(datumInNederland(t('2027-06-30T22:30:00Z'))).toBe('2027-07-01'); // 00:30 CEST
		expect(datumInNederland(t('2027-06-30T21:59:59Z'))).toBe('2027-06-30');
	});
});

describe('feestdagen', () => {
	it('holds exactly the public holidays of date-holidays NL', () => {
		expect([...feestdagen(2027)]).toEqual([
			['2027-01-01', 'Nieuwjaar'],
			['2027-03-28', 'Pasen'],
			['2027-03-29', 'Tweede paasdag'],
			['2027-04-27', 'Koningsdag'],
			['2027-05-06', 'Hemelvaartsdag'],
			['2027-05-16', 'Pinksteren'],
			['2027-05-17', 'Tweede pinksterdag'],
			['2027-12-25', 'Kerstmis'],
			['2027-12-26', 'Tweede kerstdag']
		]);
		// Goede Vrijdag and Bevrijdingsdag are type 'school' in the library, so not listed.
		expect(feestdagen(2026).has('2026-04-03')).toBe(false);
		expect(feestdagen(2026).has('2026-05-05')).toBe(false);
		expect(feestdagen(2026).get('2026-12-26')).toBe('Tweede kerstdag');
	});
	it('caches per year', () => {
		expect(feestdagen(2027)).toBe(feestdagen(2027));
	});
	it('does not depend on the time zone of the process', () => {
		const vorige = process.env.TZ;
		process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
		try {
			// Koningsdag 2031: 27 April is a Sunday, so it moves to Saturday 26 April.
			expect(feestdagen(2031).get('2031-04-26')).toBe('Koningsdag');
			expect(feestdagen(2031).has('2031-04-27')).toBe(false);
		} finally {
			if (vorige === undefined) delete process.env.TZ;
			else process.env.TZ = vorige;
		}
	});
});

describe('isWerkdag', () => {
	it('excludes the Dutch public holidays', () => {
		expect(isWerkdag('2027-04-27')).toBe(false); // Koningsdag, a Tuesday
		expect(isWerkdag('2027-03-29')).toBe(false); // Tweede Paasdag
		expect(isWerkdag('2026-12-25')).toBe(false); // Eerste Kerstdag (Friday)
		expect(isWerkdag('2026-12-26')).toBe(false); // Tweede Kerstdag (also a Saturday)
		expect(isWerkdag('2027-01-01')).toBe(false); // Nieuwjaarsdag
		expect(isWerkdag('2027-05-06')).toBe(false); // Hemelvaartsdag
		expect(isWerkdag('2027-05-17')).toBe(false); // Tweede Pinksterdag
	});
	it('counts Bevrijdingsdag, Goede Vrijdag and Oudejaarsdag as working days', () => {
		// Decision: only type 'public' holidays are days off. date-holidays marks Bevrijdingsdag as
		// 'school' (every year, lustrum years included) and Goede Vrijdag as 'school'; most youth-care
		// organisations are open on those days.
		expect(isWerkdag('2027-05-05')).toBe(true); // Bevrijdingsdag, a Wednesday
		expect(isWerkdag('2027-03-26')).toBe(true); // Goede Vrijdag
		expect(isWerkdag('2026-12-31')).toBe(true); // Oudejaarsdag ('bank')
	});
	it('is true on a normal weekday and false in the weekend', () => {
		expect(isWerkdag('2027-06-09')).toBe(true); // Wednesday
		expect(isWerkdag('2027-06-12')).toBe(false); // Saturday
		expect(isWerkdag('2027-06-13')).toBe(false); // Sunday
	});
	it('rejects invalid dates', () => {
		expect(() => isWerkdag('2027-02-29')).toThrow(RangeError);
		expect(() => isWerkdag('27-04-2027')).toThrow(RangeError);
	});
});

describe('eindVanDag', () => {
	it('is midnight of the next day in Amsterdam', () => {
		expect(eindVanDag('2027-01-15')).toEqual(t('2027-01-16T00:00:00+01:00'));
		expect(eindVanDag('2027-07-15')).toEqual(t('2027-07-16T00:00:00+02:00'));
	});
	it('handles the DST changes (23- and 25-hour days)', () => {
		expect(eindVanDag('2027-03-27')).toEqual(t('2027-03-28T00:00:00+01:00'));
		expect(eindVanDag('2027-03-28')).toEqual(t('2027-03-29T00:00:00+02:00'));
		expect(eindVanDag('2027-03-28').getTime() - eindVanDag('2027-03-27').getTime()).toBe(23 * UUR);
		expect(eindVanDag('2027-10-31')).toEqual(t('2027-11-01T00:00:00+01:00'));
		expect(eindVanDag('2027-10-31').getTime() - eindVanDag('2027-10-30').getTime()).toBe(25 * UUR);
	});
	it('crosses the year end', () => {
		expect(eindVanDag('2026-12-31')).toEqual(t('2027-01-01T00:00:00+01:00'));
	});
});

describe('plusWerkdagen', () => {
	it('skips Pasen and keeps the wall-clock time across the spring DST change', () => {
		// Fri 26 Mar (Goede Vrijdag, a working day) 10:00 CET; Sat, Sun (Pasen, DST starts) and
		// Mon (Tweede Paasdag) are skipped: Tue 30 Mar 10:00 CEST.
		expect(plusWerkdagen(t('2027-03-26T10:00:00+01:00'), 1)).toEqual(t('2027-03-30T10:00:00+02:00'));
	});
	it('skips Koningsdag', () => {
		expect(plusWerkdagen(t('2027-04-26T15:30:00+02:00'), 1)).toEqual(t('2027-04-28T15:30:00+02:00'));
	});
	it('keeps the wall-clock time across the autumn DST change', () => {
		// Fri 23 Oct 2026 09:00 CEST; DST ends Sun 25 Oct; Mon 26 Oct 09:00 CET.
		expect(plusWerkdagen(t('2026-10-23T09:00:00+02:00'), 1)).toEqual(t('2026-10-26T09:00:00+01:00'));
	});
	it('counts from a weekend day to the next working days', () => {
		expect(plusWerkdagen(t('2027-06-12T10:00:00+02:00'), 1)).toEqual(t('2027-06-14T10:00:00+02:00'));
		expect(plusWerkdagen(t('2027-06-12T10:00:00+02:00'), 5)).toEqual(t('2027-06-18T10:00:00+02:00'));
	});
	it('uses the Amsterdam date, also late in the evening', () => {
		// Fri 23:30 Amsterdam is already Friday 22:30 UTC; + 1 working day = Mon 23:30 Amsterdam.
		expect(plusWerkdagen(t('2027-06-11T23:30:00+02:00'), 1)).toEqual(t('2027-06-14T23:30:00+02:00'));
	});
	it('returns the same instant for 0 and rejects negative or fractional counts', () => {
		const moment = t('2027-04-27T10:00:00+02:00');
		expect(plusWerkdagen(moment, 0)).toEqual(moment);
		expect(() => plusWerkdagen(moment, -1)).toThrow(RangeError);
		expect(() => plusWerkdagen(moment, 1.5)).toThrow(RangeError);
	});
});

describe('normDeadline', () => {
	const gepubliceerdOp = t('2027-01-28T10:00:00+01:00');

	describe('regulier', () => {
		it('moves a 3-month date on Koningsdag to the next working day', () => {
			// 27 Jan + 3 months = Tue 27 Apr 2027, Koningsdag → Wed 28 Apr, until its end.
			expect(normDeadline({ maatregelDatum: '2027-01-27', urgentie: 'regulier', gepubliceerdOp })).toEqual({
				deadline: t('2027-04-29T00:00:00+02:00'),
				grondslag:
					'Passende hulp binnen 3 maanden na de maatregel (28 april 2027, de eerste werkdag na Koningsdag).'
			});
		});
		it('moves past Pasen and Tweede Paasdag', () => {
			// 28 Dec 2026 + 3 months = Sun 28 Mar 2027 (Pasen); Mon 29 is Tweede Paasdag → Tue 30 Mar.
			const norm = normDeadline({
				maatregelDatum: '2026-12-28',
				urgentie: 'regulier',
				gepubliceerdOp: t('2026-12-29T10:00:00+01:00')
			});
			expect(norm.deadline).toEqual(t('2027-03-31T00:00:00+02:00'));
			expect(norm.grondslag).toBe(
				'Passende hulp binnen 3 maanden na de maatregel (30 maart 2027, de eerste werkdag na Pasen).'
			);
		});
		it('clamps to the end of February and moves past the weekend', () => {
			// 30 Nov 2026 + 3 months = 30 Feb → 28 Feb 2027, a Sunday → Mon 1 Mar.
			const norm = normDeadline({
				maatregelDatum: '2026-11-30',
				urgentie: 'regulier',
				gepubliceerdOp: t('2026-12-01T10:00:00+01:00')
			});
			expect(norm.deadline).toEqual(t('2027-03-02T00:00:00+01:00'));
			expect(norm.grondslag).toBe(
				'Passende hulp binnen 3 maanden na de maatregel (1 maart 2027, de eerste werkdag na zondag 28 februari).'
			);
		});
		it('clamps 31 January to 30 April and 30 November to a leap day', () => {
			const pub = t('2027-02-01T10:00:00+01:00');
			expect(
				normDeadline({ maatregelDatum: '2027-01-31', urgentie: 'regulier', gepubliceerdOp: pub }).deadline
			).toEqual(t('2027-05-01T00:00:00+02:00')); // Fri 30 Apr 2027
			expect(
				normDeadline({ maatregelDatum: '2027-11-30', urgentie: 'regulier', gepubliceerdOp: pub }).deadline
			).toEqual(t('2028-03-01T00:00:00+01:00')); // Tue 29 Feb 2028
		});
		it('keeps a plain working day', () => {
			// 15 Jun 2026 + 3 months = Tue 15 Sep 2026 (Prinsjesdag is only an observance).
			expect(
				normDeadline({
					maatregelDatum: '2026-06-15',
					urgentie: 'regulier',
					gepubliceerdOp: t('2026-06-16T10:00:00+02:00')
				})
			).toEqual({
				deadline: t('2026-09-16T00:00:00+02:00'),
				grondslag: 'Passende hulp binnen 3 maanden na de maatregel (15 september 2026).'
			});
		});
	});

	describe('hoog', () => {
		it('counts 10 working days across Kerst and Nieuwjaar', () => {
			// Start Thu 24 Dec 2026 (maatregel and publication). Fri 25 Kerstmis, Sat 26, Sun 27 skipped.
			// 1 Mon 28 · 2 Tue 29 · 3 Wed 30 · 4 Thu 31 (Oudejaarsdag is a working day)
			// Fri 1 Jan Nieuwjaar, Sat 2, Sun 3 skipped
			// 5 Mon 4 · 6 Tue 5 · 7 Wed 6 · 8 Thu 7 · 9 Fri 8 · (Sat 9, Sun 10) · 10 Mon 11 Jan 2027.
			// Deadline: end of Mon 11 Jan 2027. The 3-month norm (end of Wed 24 Mar 2027) is later.
			expect(
				normDeadline({
					maatregelDatum: '2026-12-24',
					urgentie: 'hoog',
					gepubliceerdOp: t('2026-12-24T10:00:00+01:00')
				})
			).toEqual({
				deadline: t('2027-01-12T00:00:00+01:00'),
				grondslag: 'Hoog: binnen 10 werkdagen na publicatie (uiterlijk maandag 11 januari 2027).'
			});
		});
		it('counts from the maatregel date when that is later than the publication', () => {
			// Maatregel Mon 7 Jun 2027: days 1–10 are 8–11, 14–18, 21 Jun → end of Mon 21 Jun.
			const norm = normDeadline({
				maatregelDatum: '2027-06-07',
				urgentie: 'hoog',
				gepubliceerdOp: t('2027-06-04T16:00:00+02:00')
			});
			expect(norm.deadline).toEqual(t('2027-06-22T00:00:00+02:00'));
			expect(norm.grondslag).toBe(
				'Hoog: binnen 10 werkdagen na de maatregel (uiterlijk maandag 21 juni 2027).'
			);
		});
		it('uses the Amsterdam publication date', () => {
			// 23:30 UTC on Tue 8 Jun is already Wed 9 Jun 01:30 in Amsterdam: days 1–10 are
			// 10–11, 14–18, 21–23 Jun → end of Wed 23 Jun.
			const norm = normDeadline({
				maatregelDatum: '2027-06-01',
				urgentie: 'hoog',
				gepubliceerdOp: t('2027-06-08T23:30:00Z')
			});
			expect(norm.deadline).toEqual(t('2027-06-24T00:00:00+02:00'));
		});
		it('is capped by the 3-month norm when the maatregel is long ago', () => {
			// Maatregel 1 Oct 2026 + 3 months = Fri 1 Jan 2027 (Nieuwjaar) → Mon 4 Jan, earlier than
			// the 10-working-day deadline (end of Mon 11 Jan).
			expect(
				normDeadline({
					maatregelDatum: '2026-10-01',
					urgentie: 'hoog',
					gepubliceerdOp: t('2026-12-24T10:00:00+01:00')
				})
			).toEqual({
				deadline: t('2027-01-05T00:00:00+01:00'),
				grondslag:
					'Hoog: de driemaandennorm verloopt eerder, passende hulp binnen 3 maanden na de maatregel (4 januari 2027, de eerste werkdag na Nieuwjaar).'
			});
		});
	});

	describe('crisis', () => {
		it('is 24 real hours after publication, also across the DST change', () => {
			// Sat 27 Mar 2027 12:00 CET + 24 h = Sun 28 Mar 13:00 CEST (the wall clock jumped an hour).
			const gepubliceerd = t('2027-03-27T12:00:00+01:00');
			const norm = normDeadline({
				maatregelDatum: '2027-03-26',
				urgentie: 'crisis',
				gepubliceerdOp: gepubliceerd
			});
			expect(norm).toEqual({
				deadline: t('2027-03-28T13:00:00+02:00'),
				grondslag: 'Crisis: binnen 24 uur na publicatie.'
			});
			expect(norm.deadline.getTime() - gepubliceerd.getTime()).toBe(24 * UUR);
		});
		it('is capped by the 3-month norm', () => {
			// Maatregel 20 Dec 2026 + 3 months = Sat 20 Mar 2027 → Mon 22 Mar, ends 23:00 UTC,
			// before publication + 24 h (Tue 23 Mar 12:00 CET).
			expect(
				normDeadline({
					maatregelDatum: '2026-12-20',
					urgentie: 'crisis',
					gepubliceerdOp: t('2027-03-22T12:00:00+01:00')
				})
			).toEqual({
				deadline: t('2027-03-23T00:00:00+01:00'),
				grondslag:
					'Crisis: de driemaandennorm verloopt eerder, passende hulp binnen 3 maanden na de maatregel (22 maart 2027, de eerste werkdag na zaterdag 20 maart).'
			});
		});
		it('can be overdue at once when the 3-month norm has passed', () => {
			const gepubliceerd = t('2027-06-01T10:00:00+02:00');
			const norm = normDeadline({
				maatregelDatum: '2026-12-20',
				urgentie: 'crisis',
				gepubliceerdOp: gepubliceerd
			});
			expect(norm.deadline.getTime()).toBeLessThan(gepubliceerd.getTime());
			expect(resterend(norm.deadline, gepubliceerd).verlopen).toBe(true);
		});
	});
});

describe('verbredenNa', () => {
	const gepubliceerdOp = t('2026-12-24T10:00:00+01:00'); // Thursday before Kerst

	it('widens a crisis request after 4 hours', () => {
		expect(verbredenNa('crisis', gepubliceerdOp)).toEqual(t('2026-12-24T14:00:00+01:00'));
	});
	it('widens a hoog request after 2 working days', () => {
		// Fri 25 Kerstmis, weekend: 1 Mon 28, 2 Tue 29 Dec.
		expect(verbredenNa('hoog', gepubliceerdOp)).toEqual(t('2026-12-29T10:00:00+01:00'));
	});
	it('widens a regulier request after 5 working days', () => {
		// 1 Mon 28, 2 Tue 29, 3 Wed 30, 4 Thu 31 Dec, (Fri 1 Jan Nieuwjaar, weekend) 5 Mon 4 Jan.
		expect(verbredenNa('regulier', gepubliceerdOp)).toEqual(t('2027-01-04T10:00:00+01:00'));
	});
});

describe('resterend', () => {
	const nu = t('2027-01-04T12:00:00Z');
	const over = (ms: number) => resterend(new Date(nu.getTime() + ms), nu);

	it('counts down in whole units, rounded down', () => {
		expect(over(89 * DAG)).toEqual({ verlopen: false, tekst: 'nog 2 maanden', niveau: 'ruim' });
		expect(over(59 * DAG).tekst).toBe('nog 59 dagen');
		expect(over(12 * DAG + 5 * UUR)).toEqual({ verlopen: false, tekst: 'nog 12 dagen', niveau: 'ruim' });
		expect(over(3 * DAG)).toEqual({ verlopen: false, tekst: 'nog 3 dagen', niveau: 'krap' });
		expect(over(5 * UUR + 30 * MINUUT)).toEqual({ verlopen: false, tekst: 'nog 5 uur', niveau: 'krap' });
		expect(over(40 * MINUUT + 59 * 1000).tekst).toBe('nog 40 minuten');
		expect(over(30 * 1000).tekst).toBe('nog minder dan 1 minuut');
	});
	it('uses singular forms', () => {
		expect(over(1 * DAG + 23 * UUR).tekst).toBe('nog 1 dag');
		expect(over(1 * UUR).tekst).toBe('nog 1 uur');
		expect(over(1 * MINUUT).tekst).toBe('nog 1 minuut');
		expect(over(-1 * UUR - 20 * MINUUT).tekst).toBe('1 uur over de termijn');
		expect(over(-1 * DAG).tekst).toBe('1 dag over de termijn');
	});
	it('is krap with less than 7 days left', () => {
		expect(over(7 * DAG).niveau).toBe('ruim');
		expect(over(7 * DAG - 1).niveau).toBe('krap');
	});
	it('reports overdue deadlines', () => {
		expect(over(-2 * DAG - 3 * UUR)).toEqual({
			verlopen: true,
			tekst: '2 dagen over de termijn',
			niveau: 'verlopen'
		});
		expect(over(-3 * UUR - 10 * MINUUT).tekst).toBe('3 uur over de termijn');
		expect(over(-90 * DAG).tekst).toBe('3 maanden over de termijn');
		expect(over(0)).toEqual({
			verlopen: true,
			tekst: 'minder dan 1 minuut over de termijn',
			niveau: 'verlopen'
		});
	});
});

describe('formatMoment', () => {
	it('writes Dutch weekday and month abbreviations in Amsterdam time', () => {
		expect(formatMoment(t('2026-12-28T10:00:00+01:00'))).toBe('ma 28 dec 2026, 10:00');
		expect(formatMoment(t('2027-03-03T13:05:00Z'))).toBe('wo 3 mrt 2027, 14:05');
		expect(formatMoment(t('2027-05-01T08:00:00Z'))).toBe('za 1 mei 2027, 10:00');
		expect(formatMoment(t('2027-07-15T22:30:00Z'))).toBe('vr 16 jul 2027, 00:30');
		expect(formatMoment(t('2027-09-21T09:15:00+02:00'))).toBe('di 21 sep 2027, 09:15');
	});
});
