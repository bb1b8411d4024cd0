import { describe, expect, it } from 'vitest';
import { navigatieVoor, rollen, startpaginaVoor } from './rollen';

describe('startpaginaVoor', () => {
	it.each(rollen)('opens %s on a page in its own navigation', (rol) => {
		expect(navigatieVoor(rol).map((i) => i.href)).toContain(startpaginaVoor(rol));
	});

	it('opens on the work: capacity for providers, cases for the GI, the queue for brokers', () => {
		expect(startpaginaVoor('aanbieder')).toBe('/aanbod');
		expect(startpaginaVoor('jeugdbeschermer')).toBe('/hulpvragen');
		expect(startpaginaVoor('zorgmakelaar')).toBe('/makelaar');
	});
});
