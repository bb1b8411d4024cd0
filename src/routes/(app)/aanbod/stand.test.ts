import { describe, expect, it } from 'vitest';
import type { MeldingVerzoek } from '$lib/client/outbox';
import { nieuwste, standVan, type Stand } from './stand';

function stand(vrijePlaatsen: number, gemeldOp: string): Stand {
	return {
		vrijePlaatsen,
		wachtlijst: 0,
		wachttijdWeken: null,
		eerstvolgendeVrij: null,
		alleenNaOverleg: false,
		notitie: '',
		gemeldOp: new Date(gemeldOp)
	};
}

describe('nieuwste', () => {
	it('shows the report made last, whichever arrived last (as aanbod_stand does)', () => {
		const geladen = stand(1, '2026-11-23T09:00:00Z');
		const wachtend = stand(2, '2026-11-23T10:00:00Z');
		const lateReplay = stand(3, '2026-11-23T08:00:00Z');
		expect(nieuwste([geladen, wachtend, lateReplay])?.vrijePlaatsen).toBe(2);
	});

	it('rolls back to the confirmed state once a refused report is gone', () => {
		const geladen = stand(1, '2026-11-23T09:00:00Z');
		expect(nieuwste([geladen, undefined])).toBe(geladen);
		expect(nieuwste([null, undefined])).toBeNull();
	});
});

describe('standVan', () => {
	it('reads the figures and the time of a report', () => {
		const verzoek: MeldingVerzoek = {
			aanbodId: 'a',
			vrijePlaatsen: 2,
			wachtlijst: 4,
			wachttijdWeken: 3,
			eerstvolgendeVrij: '2026-12-01',
			alleenNaOverleg: true,
			notitie: 'Alleen na overleg.',
			gemeldOp: '2026-11-23T09:00:00.000Z',
			idempotentieSleutel: 'k'
		};
		expect(standVan(verzoek)).toEqual({
			vrijePlaatsen: 2,
			wachtlijst: 4,
			wachttijdWeken: 3,
			eerstvolgendeVrij: '2026-12-01',
			alleenNaOverleg: true,
			notitie: 'Alleen na overleg.',
			gemeldOp: new Date('2026-11-23T09:00:00.000Z')
		});
	});
});
