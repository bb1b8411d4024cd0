import { describe, expect, it } from 'vitest';
import { tijdlijnRegels } from './hulpvraag';

// The timeline is built from the event log, which keeps identifiers and statuses only: every step of a
// hulpvraag must still read as a sentence, and updates that change nothing a person cares about vanish.

const op = (minuut: number) => new Date(Date.UTC(2026, 11, 4, 9, minuut));
const gebeurtenis = (
	minuut: number,
	soort: string,
	gegevens: Record<string, unknown>,
	extra: { aanbod?: string; door?: string } = {}
) => ({ op: op(minuut), soort, gegevens, aanbod: extra.aanbod ?? null, doorOrganisatie: extra.door ?? null });

describe('tijdlijnRegels', () => {
	it('tells the whole route from publication to placement', () => {
		const regels = tijdlijnRegels([
			gebeurtenis(0, 'hulpvragen.insert', { status: 'concept' }, { door: 'GI Domstad' }),
			gebeurtenis(1, 'hulpvragen.update', { status: 'open', verbreed_op: null }, { door: 'GI Domstad' }),
			gebeurtenis(2, 'voorstellen.insert', { status: 'voorgesteld' }, { aanbod: 'Gezinshuis De Linde' }),
			gebeurtenis(3, 'voorstellen.insert', { status: 'voorgesteld' }, { aanbod: 'Crisis Eemland' }),
			gebeurtenis(
				4,
				'voorstellen.update',
				{ status: 'afgewezen', reden: 'geen_plek' },
				{ aanbod: 'Crisis Eemland' }
			),
			gebeurtenis(5, 'hulpvraag.ingezien', {}, { door: 'Regio Utrecht' }),
			gebeurtenis(6, 'voorstellen.update', { status: 'gereserveerd' }, { aanbod: 'Gezinshuis De Linde' }),
			gebeurtenis(7, 'voorstellen.update', { status: 'intake' }, { aanbod: 'Gezinshuis De Linde' }),
			gebeurtenis(8, 'voorstellen.update', { status: 'geplaatst' }, { aanbod: 'Gezinshuis De Linde' }),
			gebeurtenis(8, 'voorstellen.update', { status: 'ingetrokken' }, { aanbod: 'Crisis Eemland' }),
			gebeurtenis(8, 'hulpvragen.update', { status: 'geplaatst', verbreed_op: null })
		]).map((r) => r.tekst);
		expect(regels).toEqual([
			'Opgeslagen als concept door GI Domstad',
			'Gepubliceerd door GI Domstad',
			'Voorgesteld aan Gezinshuis De Linde',
			'Voorgesteld aan Crisis Eemland',
			'Crisis Eemland heeft afgewezen: geen plek',
			'Ingezien door Regio Utrecht',
			'Gezinshuis De Linde heeft geaccepteerd: plek gereserveerd',
			'Intake bij Gezinshuis De Linde',
			'Geplaatst bij Gezinshuis De Linde',
			'Voorstel aan Crisis Eemland ingetrokken',
			'Hulpvraag gesloten: geplaatst'
		]);
	});

	it('reads a hulpvraag update as its change, and leaves out updates that change nothing shown', () => {
		const regels = tijdlijnRegels([
			gebeurtenis(0, 'hulpvragen.insert', { status: 'open', verbreed_op: null, afwijzingen_na_intake: 0 }),
			gebeurtenis(1, 'hulpvragen.update', { status: 'open', verbreed_op: null, afwijzingen_na_intake: 1 }),
			gebeurtenis(
				2,
				'hulpvragen.update',
				{ status: 'open', verbreed_op: '2026-12-04T09:02:00Z' },
				{ door: 'Regio' }
			),
			gebeurtenis(3, 'hulpvragen.update', {
				status: 'open',
				verbreed_op: '2026-12-04T09:02:00Z',
				uitleg_op: 'x'
			})
		]).map((r) => r.tekst);
		expect(regels).toEqual([
			'Gepubliceerd',
			'Zoekruimte verbreed door Regio',
			'Uitleg bij de overschrijding vastgelegd'
		]);
	});
});
