import { describe, expect, it } from 'vitest';
import { matchRedenen, matchUitleg, type MatchOnderdelen } from './matching';

// The explanation a jeugdbeschermer reads under each match: every part of the score in Dutch words,
// the most important first.

const nu = new Date('2026-12-04T12:00:00Z');
const basis: MatchOnderdelen = {
	status: 'groen',
	vrij: 1,
	wachttijdWeken: null,
	afstandKm: 12.3,
	gedeeldeTags: ['lvb'],
	gecontracteerd: true,
	bovenregionaal: false,
	jeugdregio: 'Eemland',
	gemeldOp: new Date('2026-12-04T08:00:00Z')
};

describe('matchUitleg', () => {
	it('says free now, distance, shared expertise, contract and freshness', () => {
		expect(matchUitleg(basis, nu)).toBe(
			'Vrij nu · 12 km · LVB-expertise · gecontracteerd voor Eemland · gemeld vandaag'
		);
	});

	it('counts the free places when there are several and keeps one decimal close by', () => {
		expect(matchRedenen({ ...basis, vrij: 3, afstandKm: 4.25, gedeeldeTags: [] }, nu).slice(0, 2)).toEqual([
			'Vrij nu (3 plaatsen)',
			'4,3 km'
		]);
	});

	it.each([
		['oranje', 2, 'Start over 2 weken'],
		['oranje', 1, 'Start over 1 week'],
		['oranje', null, 'Start binnen 4 weken'],
		['rood', 10, 'Geen plek, start later of onbekend'],
		['grijs', null, 'Geen recente melding']
	] as const)('status %s with %s weeks reads "%s"', (status, weken, tekst) => {
		expect(matchRedenen({ ...basis, status, vrij: 0, wachttijdWeken: weken }, nu)[0]).toBe(tekst);
	});

	it('names a bovenregionaal offering, and one outside the contract after widening', () => {
		expect(matchRedenen({ ...basis, gecontracteerd: false, bovenregionaal: true }, nu)).toContain(
			'neemt bovenregionaal op'
		);
		expect(matchRedenen({ ...basis, gecontracteerd: false }, nu)).toContain(
			'niet gecontracteerd voor Eemland: overleg met de gemeente'
		);
	});

	it('says how old the report is, or that there never was one', () => {
		expect(matchRedenen({ ...basis, gemeldOp: new Date('2026-11-29T12:00:00Z') }, nu).at(-1)).toBe(
			'gemeld 5 dagen geleden'
		);
		expect(matchRedenen({ ...basis, gemeldOp: null }, nu).at(-1)).toBe('nog nooit gemeld');
	});
});
