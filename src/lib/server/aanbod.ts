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
	vrijePlaatsen: number | null;
	wachttijdWeken: number | null;
	wachtlijst: number | null;
	gemeldOp: Date | null;
}

/** The signed-in provider's own offerings with their latest capacity report (by the time it was made). */
export async function listEigenAanbod(user: SessionUser): Promise<EigenAanbod[]> {
	return asUser(user.claims, (tx) =>
		tx.query<EigenAanbod>(
			`select a.id, a.naam, h.naam as hulpvorm, h.telwijze, l.naam as locatie, g.naam as gemeente,
			        a.capaciteit_totaal as "capaciteitTotaal",
			        m.vrije_plaatsen as "vrijePlaatsen", m.verwachte_wachttijd_weken as "wachttijdWeken",
			        m.wachtlijst, m.gemeld_op as "gemeldOp"
			   from public.aanbod a
			   join public.hulpvormen h on h.code = a.hulpvorm_code
			   join public.locaties l on l.id = a.locatie_id
			   join public.gemeenten g on g.code = l.gemeente_code
			   left join lateral (
			     select c.vrije_plaatsen, c.verwachte_wachttijd_weken, c.wachtlijst, c.gemeld_op
			       from public.capaciteitsmeldingen c
			      where c.aanbod_id = a.id
			      order by c.gemeld_op desc
			      limit 1
			   ) m on true
			  where a.organisatie_id = $1
			  order by h.volgorde, a.naam`,
			[user.lidmaatschap.organisatieId]
		)
	);
}
