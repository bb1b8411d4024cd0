import { describe, expect, it } from 'vitest';
import { celStatus, startOverWeken, statusVanMelding, vandaagInNederland, type Melding } from './wijzer';

const nu = new Date('2026-11-22T10:00:00Z');
const uur = 60 * 60 * 1000;
const melding = (m: Partial<Melding>): Melding => ({
	vrijePlaatsen: 0,
	wachttijdWeken: null,
	eerstvolgendeVrij: null,
	gemeldOp: nu,
	...m
});

describe('statusVanMelding', () => {
	it('is groen with a free place in a fresh report', () => {
		expect(statusVanMelding(melding({ vrijePlaatsen: 1 }), nu)).toBe('groen');
	});

	it('is grijs without a report, and once the report is more than 14 days old', () => {
		expect(statusVanMelding(melding({ vrijePlaatsen: 3, gemeldOp: null }), nu)).toBe('grijs');
		const grens = new Date(nu.getTime() - 14 * 24 * uur);
		expect(statusVanMelding(melding({ vrijePlaatsen: 3, gemeldOp: grens }), nu)).toBe('groen');
		const net = new Date(grens.getTime() - 1000);
		expect(statusVanMelding(melding({ vrijePlaatsen: 3, gemeldOp: net }), nu)).toBe('grijs');
	});

	it('is oranje when the wait is at most 4 weeks, rood beyond or when unknown', () => {
		expect(statusVanMelding(melding({ wachttijdWeken: 0 }), nu)).toBe('oranje');
		expect(statusVanMelding(melding({ wachttijdWeken: 4 }), nu)).toBe('oranje');
		expect(statusVanMelding(melding({ wachttijdWeken: 5 }), nu)).toBe('rood');
		expect(statusVanMelding(melding({}), nu)).toBe('rood');
	});

	it('counts the next free date as a start: within 28 days is oranje, later rood', () => {
		expect(statusVanMelding(melding({ eerstvolgendeVrij: '2026-12-20' }), nu)).toBe('oranje');
		expect(statusVanMelding(melding({ eerstvolgendeVrij: '2026-12-21' }), nu)).toBe('rood');
		// The sooner of wait and date wins.
		expect(statusVanMelding(melding({ wachttijdWeken: 30, eerstvolgendeVrij: '2026-11-25' }), nu)).toBe(
			'oranje'
		);
		expect(statusVanMelding(melding({ wachttijdWeken: 2, eerstvolgendeVrij: '2027-06-01' }), nu)).toBe(
			'oranje'
		);
	});

	it('reads "today" in the Netherlands, not in UTC', () => {
		// 23:30 UTC on 21 November is already 22 November in Amsterdam.
		const laat = new Date('2026-11-21T23:30:00Z');
		expect(vandaagInNederland(laat)).toBe('2026-11-22');
		expect(startOverWeken(null, '2026-12-20', vandaagInNederland(laat))).toBe(4);
		expect(statusVanMelding(melding({ eerstvolgendeVrij: '2026-12-20', gemeldOp: laat }), laat)).toBe(
			'oranje'
		);
	});

	it('treats a free date in the past as a start now', () => {
		expect(startOverWeken(null, '2026-11-01', '2026-11-22')).toBe(0);
	});
});

describe('celStatus', () => {
	const telling = (t: Partial<Record<'groen' | 'oranje' | 'rood' | 'grijs', number>>) => ({
		groen: 0,
		oranje: 0,
		rood: 0,
		grijs: 0,
		...t
	});

	it('is the best status any offering reaches', () => {
		expect(celStatus(telling({ groen: 1, rood: 5, grijs: 2 }))).toBe('groen');
		expect(celStatus(telling({ oranje: 1, rood: 5, grijs: 9 }))).toBe('oranje');
		expect(celStatus(telling({ rood: 1, grijs: 9 }))).toBe('rood');
	});

	it('is grijs when every offering is unknown, rood when there is none', () => {
		expect(celStatus(telling({ grijs: 3 }))).toBe('grijs');
		expect(celStatus(telling({}))).toBe('rood');
	});
});
