import { asUser } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';
import { GRIJS_NA_DAGEN } from '$lib/domain/versheid';

export interface HulpvormStand {
	code: string;
	naam: string;
	telwijze: 'plaatsen' | 'startmomenten';
	aanbod: number;
	/** Offerings whose latest fresh report has free places. */
	metPlek: number;
	/** Free places summed over those offerings. */
	vrijePlaatsen: number;
}

/**
 * Per hulpvorm in a jeugdbeschermingsregio: how many offerings, how many with a place free now
 * (latest report within the freshness window), and the free places. The start page's overview.
 */
export async function standPerHulpvorm(user: SessionUser, jbregioCode: string): Promise<HulpvormStand[]> {
	return asUser(user.claims, (tx) =>
		tx.query<HulpvormStand>(
			`with regio_aanbod as (
			   select a.id, a.hulpvorm_code
			     from public.aanbod a
			     join public.locaties l on l.id = a.locatie_id
			     join public.gemeenten g on g.code = l.gemeente_code
			     join public.jeugdregios j on j.code = g.jeugdregio_code
			    where a.actief and j.jbregio_code = $1
			 ), laatste as (
			   select distinct on (c.aanbod_id) c.aanbod_id, c.vrije_plaatsen, c.gemeld_op
			     from public.capaciteitsmeldingen c
			    where c.aanbod_id in (select id from regio_aanbod)
			    order by c.aanbod_id, c.gemeld_op desc
			 )
			 select h.code, h.naam, h.telwijze,
			        count(ra.id)::int as aanbod,
			        count(ra.id) filter (where m.vrije_plaatsen > 0 and m.gemeld_op > now() - make_interval(days => $2))::int as "metPlek",
			        coalesce(sum(m.vrije_plaatsen) filter (where m.gemeld_op > now() - make_interval(days => $2)), 0)::int as "vrijePlaatsen"
			   from public.hulpvormen h
			   left join regio_aanbod ra on ra.hulpvorm_code = h.code
			   left join laatste m on m.aanbod_id = ra.id
			  where h.actief
			  group by h.code, h.naam, h.telwijze, h.volgorde
			  order by h.volgorde`,
			[jbregioCode, GRIJS_NA_DAGEN]
		)
	);
}

export interface RegioNaam {
	code: string;
	naam: string;
}

/** The name of a jeugdbeschermingsregio, for headings. */
export async function regioNaam(user: SessionUser, code: string): Promise<RegioNaam | null> {
	const [rij] = await asUser(user.claims, (tx) =>
		tx.query<RegioNaam>('select code, naam from public.jeugdbeschermingsregios where code = $1', [code])
	);
	return rij ?? null;
}
