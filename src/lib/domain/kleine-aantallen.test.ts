import { describe, expect, it } from 'vitest';
import { toonAantal } from './kleine-aantallen';

describe('toonAantal', () => {
	it('suppresses every count below five, including zero', () => {
		expect([0, 1, 2, 3, 4].map(toonAantal)).toEqual(['<5', '<5', '<5', '<5', '<5']);
	});
	it('shows five and more as the number', () => {
		expect([5, 6, 120].map(toonAantal)).toEqual(['5', '6', '120']);
	});
	it('refuses what is not a count', () => {
		expect(() => toonAantal(-1)).toThrow(RangeError);
		expect(() => toonAantal(2.5)).toThrow(RangeError);
	});
});
