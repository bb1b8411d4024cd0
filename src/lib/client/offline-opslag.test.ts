import { describe, expect, it } from 'vitest';
import { soortVanPad, soortVanPagina, tijdVanGegevens } from './offline-opslag';

describe('soortVanPagina', () => {
	it('keeps a search only when it has results', () => {
		expect(soortVanPagina('/(app)/zoeken', { uitkomst: { totaal: 3 } })).toBe('zoeken');
		expect(soortVanPagina('/(app)/zoeken', { uitkomst: null, fouten: {} })).toBeNull();
	});

	it('keeps the wijzer, own hulpvragen and own aanbod, and nothing else', () => {
		expect(soortVanPagina('/(app)/wijzer', {})).toBe('wijzer');
		expect(soortVanPagina('/(app)/hulpvragen', {})).toBe('hulpvragen');
		expect(soortVanPagina('/(app)/aanbod', {})).toBe('aanbod');
		// A case page holds matches and a timeline: not kept.
		expect(soortVanPagina('/(app)/hulpvragen/[referentie]', {})).toBeNull();
		expect(soortVanPagina('/(app)/makelaar', {})).toBeNull();
		expect(soortVanPagina(null, {})).toBeNull();
	});
});

describe('soortVanPad', () => {
	it('shows the copy of the section at its own path only', () => {
		expect(soortVanPad('/zoeken')).toBe('zoeken');
		expect(soortVanPad('/aanbod/')).toBe('aanbod');
		expect(soortVanPad('/aanbod/locaties')).toBeNull();
		expect(soortVanPad('/hulpvragen/HV-ABCD')).toBeNull();
		expect(soortVanPad('/')).toBeNull();
	});
});

describe('tijdVanGegevens', () => {
	const nu = new Date('2026-12-04T15:00:00Z');

	it('gives the time in the Netherlands for today', () => {
		expect(tijdVanGegevens(Date.parse('2026-12-04T09:32:00Z'), nu)).toBe('10:32');
	});

	it('adds the day for an earlier day', () => {
		expect(tijdVanGegevens(Date.parse('2026-12-03T09:32:00Z'), nu)).toBe('3 dec 10:32');
	});
});
