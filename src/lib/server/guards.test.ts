import { describe, expect, it } from 'vitest';
import { veiligTerugpad } from './guards';

describe('veiligTerugpad', () => {
	it('keeps a path on this site', () => {
		expect(veiligTerugpad('/aanbod?x=1')).toBe('/aanbod?x=1');
	});
	it('never redirects off-site', () => {
		for (const kwaad of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			null,
			''
		]) {
			expect(veiligTerugpad(kwaad)).toBe('/');
		}
	});
});
