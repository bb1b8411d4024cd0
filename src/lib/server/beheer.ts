import { asUser } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';

export interface OrganisatieRij {
	id: string;
	naam: string;
	soort: 'aanbieder' | 'gi' | 'regio' | 'expertteam' | 'beheer';
	regio: string | null;
	leden: number;
	aanbod: number;
}

/** All organisations with their member and offering counts (RLS: beheerders see every member). */
export async function listOrganisaties(user: SessionUser): Promise<OrganisatieRij[]> {
	return asUser(user.claims, (tx) =>
		tx.query<OrganisatieRij>(
			`select o.id, o.naam, o.soort, r.naam as regio,
			        (select count(*)::int from public.leden l where l.organisatie_id = o.id) as leden,
			        (select count(*)::int from public.aanbod a where a.organisatie_id = o.id) as aanbod
			   from public.organisaties o
			   left join public.jeugdbeschermingsregios r on r.code = o.jbregio_code
			  order by o.soort, o.naam`
		)
	);
}
