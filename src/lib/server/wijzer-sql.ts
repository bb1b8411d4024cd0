// Plain module (no $lib imports) so `npm run bench` can run the very same query.

/**
 * The beschikbaarheidswijzer for jeugdbeschermingsregio $1: per hulpvorm × jeugdregio of that region,
 * how many offerings have each status (public.beschikbaarheid), their free places and the soonest start.
 * A cell's offerings are those the search filter `jeugdregio` selects (src/lib/server/zoeken-sql.ts):
 * contracted for that jeugdregio, or bovenregionaal and located in the same jeugdbeschermingsregio.
 */
export const WIJZER_SQL = `with kolom as (
	  select j.code, j.naam from public.jeugdregios j where j.jbregio_code = $1
	), aanbod as (
	  select z.aanbod_id, z.hulpvorm_code, z.contract_jeugdregios, z.bovenregionaal and z.jbregio_code = $1 as boven,
	         public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()) as vrije_plaatsen,
	         public.beschikbaarheid(public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()), z.verwachte_wachttijd_weken, z.eerstvolgende_vrij, z.gemeld_op, now()) as status,
	         case when public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()) > 0 then 0
	              else public.start_over_weken(z.verwachte_wachttijd_weken, z.eerstvolgende_vrij,
	                                           (now() at time zone 'Europe/Amsterdam')::date) end as start_weken
	    from public.aanbod_zoek z
	   where z.actief
	     and (z.contract_jeugdregios && (select array_agg(k.code) from kolom k) or (z.bovenregionaal and z.jbregio_code = $1))
	), cel as (
	  select k.code as jeugdregio, a.*
	    from aanbod a
	    join kolom k on k.code = any(a.contract_jeugdregios) or a.boven
	)
	select h.code as hulpvorm, k.code as jeugdregio,
	       count(c.aanbod_id) filter (where c.status = 'groen')::int as groen,
	       count(c.aanbod_id) filter (where c.status = 'oranje')::int as oranje,
	       count(c.aanbod_id) filter (where c.status = 'rood')::int as rood,
	       count(c.aanbod_id) filter (where c.status = 'grijs')::int as grijs,
	       coalesce(sum(c.vrije_plaatsen) filter (where c.status = 'groen'), 0)::int as "vrijePlaatsen",
	       min(c.start_weken) filter (where c.status <> 'grijs')::int as "snelsteStartWeken"
	  from public.hulpvormen h
	  cross join kolom k
	  left join cel c on c.hulpvorm_code = h.code and c.jeugdregio = k.code
	 where h.actief
	 group by h.code, h.volgorde, k.code
	 order by h.volgorde, k.code`;
