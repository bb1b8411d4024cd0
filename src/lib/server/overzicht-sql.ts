// Plain module (no $lib imports) so the benchmark, which runs under tsx, measures the very same query.

/**
 * Per hulpvorm in jeugdbeschermingsregio $1: the active offerings located there, how many have each
 * wijzer status now (public.beschikbaarheid: groen, oranje, rood, grijs), and the free places of the
 * groen ones. Used by the start page and by `npm run bench`.
 */
export const STAND_PER_HULPVORM_SQL = `select h.code, h.naam, h.telwijze,
	       count(z.aanbod_id)::int as aanbod,
	       count(*) filter (where z.status = 'groen')::int as "metPlek",
	       count(*) filter (where z.status = 'oranje')::int as oranje,
	       count(*) filter (where z.status = 'rood')::int as rood,
	       count(*) filter (where z.status = 'grijs')::int as grijs,
	       coalesce(sum(z.vrije_plaatsen) filter (where z.status = 'groen'), 0)::int as "vrijePlaatsen"
	  from public.hulpvormen h
	  left join lateral (
	    select z.aanbod_id, public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()) as vrije_plaatsen,
	           public.beschikbaarheid(public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()), z.verwachte_wachttijd_weken, z.eerstvolgende_vrij,
	                                  z.gemeld_op, now()) as status
	      from public.aanbod_zoek z
	     where z.actief and z.jbregio_code = $1 and z.hulpvorm_code = h.code
	  ) z on true
	 where h.actief
	 group by h.code, h.naam, h.telwijze, h.volgorde
	 order by h.volgorde`;
