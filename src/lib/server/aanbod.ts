import { asUser } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';

export interface EigenAanbod {
	id: string;
	naam: string;
	hulpvorm: string;
	telwijze: 'plaatsen' | 'startmomenten';
	locatie: string;
	gemeente: string;
	capaciteitTotaal: number;
	/** Inactive offerings stay visible to their provider, not to searchers. */
	actief: boolean;
	vrijePlaatsen: number | null;
	wachttijdWeken: number | null;
	wachtlijst: number | null;
	/** Next expected free date as YYYY-MM-DD (a calendar day, no time zone). */
	eerstvolgendeVrij: string | null;
	alleenNaOverleg: boolean | null;
	notitie: string | null;
	gemeldOp: Date | null;
}

/**
 * The signed-in provider's own offerings with their current capacity: aanbod_stand holds the latest
 * report by the time it was made, so a late offline replay never shows here as the current state.
 */
export async function listEigenAanbod(user: SessionUser): Promise<EigenAanbod[]> {
	return asUser(user.claims, (tx) =>
		tx.query<EigenAanbod>(
			`select a.id, a.naam, h.naam as hulpvorm, h.telwijze, l.naam as locatie, g.naam as gemeente,
			        a.capaciteit_totaal as "capaciteitTotaal", a.actief,
			        s.vrije_plaatsen as "vrijePlaatsen", s.verwachte_wachttijd_weken as "wachttijdWeken",
			        s.wachtlijst, to_char(s.eerstvolgende_vrij, 'YYYY-MM-DD') as "eerstvolgendeVrij",
			        s.alleen_na_overleg as "alleenNaOverleg", s.notitie, s.gemeld_op as "gemeldOp"
			   from public.aanbod a
			   join public.hulpvormen h on h.code = a.hulpvorm_code
			   join public.locaties l on l.id = a.locatie_id
			   join public.gemeenten g on g.code = l.gemeente_code
			   left join public.aanbod_stand s on s.aanbod_id = a.id
			  where a.organisatie_id = $1
			  order by h.volgorde, a.naam`,
			[user.lidmaatschap.organisatieId]
		)
	);
}
