import { describe, expect, it } from 'vitest';
import { dagenGeleden, isVerouderd, ouderdomInWoorden } from './versheid';

const nu = new Date('2026-11-22T12:00:00Z');
const dagenTerug = (n: number) => new Date(nu.getTime() - n * 24 * 60 * 60 * 1000);

describe('versheid', () => {
	it('counts whole days', () => {
		expect(dagenGeleden(dagenTerug(0.5), nu)).toBe(0);
		expect(dagenGeleden(dagenTerug(3), nu)).toBe(3);
	});
	it('marks reports older than seven days, and missing ones, as stale', () => {
		expect(isVerouderd(dagenTerug(7), nu)).toBe(false);
		expect(isVerouderd(dagenTerug(8), nu)).toBe(true);
		expect(isVerouderd(null, nu)).toBe(true);
	});
	it('says the age in Dutch words', () => {
		expect(ouderdomInWoorden(dagenTerug(0), nu)).toBe('vandaag');
		expect(ouderdomInWoorden(dagenTerug(1), nu)).toBe('gisteren');
		expect(ouderdomInWoorden(dagenTerug(9), nu)).toBe('9 dagen geleden');
		expect(ouderdomInWoorden(null, nu)).toBe('nog nooit gemeld');
	});
});
