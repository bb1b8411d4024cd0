// Plain module (no $lib imports) so the benchmark, which runs under tsx, measures the very same query.

/**
 * Per hulpvorm in jeugdbeschermingsregio $1: offerings, offerings with a place free in their latest
 * report fresher than $2 days, and the free places. Used by the start page and by `npm run bench`.
 */
export const STAND_PER_HULPVORM_SQL = `with regio_aanbod as (
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
	  order by h.volgorde`;
