import { tagLabels, type DoelgroepTag } from './kenmerken';
import { ouderdomInWoorden } from './versheid';
import type { WijzerStatus } from './wijzer';

// Why an aanbod is suggested for a hulpvraag, in the words a jeugdbeschermer reads on a phone:
// "Vrij nu · 12 km · LVB-expertise · gecontracteerd voor Eemland". The ranking itself is SQL
// (public.match_aanbod); this turns its parts into Dutch, in the order of the score's weight.

/** The parts of a match that the explanation reads (columns of public.match_aanbod). */
export interface MatchOnderdelen {
	status: WijzerStatus;
	vrij: number | null;
	wachttijdWeken: number | null;
	afstandKm: number;
	gedeeldeTags: readonly string[];
	gecontracteerd: boolean;
	bovenregionaal: boolean;
	jeugdregio: string;
	gemeldOp: Date | null;
}

export const SCORE_MAXIMA = { beschikbaar: 40, afstand: 25, kenmerken: 20, versheid: 15 } as const;

function beschikbaarheid(m: MatchOnderdelen): string {
	switch (m.status) {
		case 'groen':
			return m.vrij !== null && m.vrij > 1 ? `Vrij nu (${m.vrij} plaatsen)` : 'Vrij nu';
		case 'oranje':
			return m.wachttijdWeken === null
				? 'Start binnen 4 weken'
				: `Start over ${m.wachttijdWeken} ${m.wachttijdWeken === 1 ? 'week' : 'weken'}`;
		case 'rood':
			return 'Geen plek, start later of onbekend';
		case 'grijs':
			return 'Geen recente melding';
	}
}

function afstand(km: number): string {
	return `${km.toLocaleString('nl-NL', { maximumFractionDigits: km < 10 ? 1 : 0 })} km`;
}

function kenmerk(tag: string): string {
	const label = tagLabels[tag as DoelgroepTag] ?? tag;
	return `${label}-expertise`;
}

function contract(m: MatchOnderdelen): string {
	if (m.gecontracteerd) return `gecontracteerd voor ${m.jeugdregio}`;
	if (m.bovenregionaal) return 'neemt bovenregionaal op';
	return `niet gecontracteerd voor ${m.jeugdregio}: overleg met de gemeente`;
}

/** The reasons, most important first. */
export function matchRedenen(m: MatchOnderdelen, nu: Date = new Date()): string[] {
	return [
		beschikbaarheid(m),
		afstand(m.afstandKm),
		...m.gedeeldeTags.map(kenmerk),
		contract(m),
		m.gemeldOp ? `gemeld ${ouderdomInWoorden(m.gemeldOp, nu)}` : 'nog nooit gemeld'
	];
}

/** One line, separated by middle dots. */
export function matchUitleg(m: MatchOnderdelen, nu: Date = new Date()): string {
	return matchRedenen(m, nu).join(' · ');
}
