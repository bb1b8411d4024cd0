-- =====================================================================
-- Matching: suitable aanbod for a hulpvraag, ranked, with the parts of the score; and the timeline
-- =====================================================================
-- Hard constraints first (hulpvorm, age, gender, contra-indications, contract or bovenregionaal,
-- distance), then a score out of 100 whose parts the page turns into Dutch reasons
-- (src/lib/domain/matching.ts). An aanbod that refused this hulpvraag is left out. Once the hulpvraag is
-- widened (by a zorgmakelaar, or automatically when no proposal was accepted by verbreden_na) the
-- distance doubles and aanbod contracted elsewhere may be shown, marked as not contracted.
-- Security invoker: RLS decides whether the caller may match this hulpvraag at all.

create function public.hulpvraag_verbreed(verbreed_op timestamptz, verbreden_na timestamptz, hv uuid, nu timestamptz)
returns boolean
language sql stable
as $$
  select verbreed_op is not null or (
    verbreden_na is not null and verbreden_na <= nu
    and not exists (
      select 1 from public.voorstellen v
       where v.hulpvraag_id = hv
         and public.voorstel_status_nu(v.status, v.verloopt_op, nu) in ('gereserveerd', 'intake', 'geplaatst')
    )
  )
$$;
comment on function public.hulpvraag_verbreed is 'Whether a hulpvraag''s matches are widened: by hand, or because no proposal was accepted before verbreden_na.';

create function public.match_aanbod(hv uuid, nu timestamptz default now(), aantal int default 20)
returns table (
  aanbod_id uuid,
  naam text,
  organisatie text,
  locatie text,
  gemeente text,
  hulpvorm_code text,
  afstand_km numeric,
  vrij int,
  wachttijd_weken int,
  status text,
  gemeld_op timestamptz,
  gecontracteerd boolean,
  bovenregionaal boolean,
  jeugdregio text,
  gedeelde_tags text[],
  verbreed boolean,
  voorstel_id uuid,
  voorstel_status public.voorstel_status,
  score int,
  score_beschikbaar int,
  score_afstand int,
  score_kenmerken int,
  score_versheid int
)
language plpgsql stable
-- One plan per session for the search below (its values vary, its shape does not): planning it anew for
-- every call cost more than running it (measured on 20,000 offerings).
set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
declare
  h record;
  verbreed boolean;
  limiet double precision;
begin
  -- The hulpvraag first, so the search below runs with its values as constants: an index scan on hulpvorm
  -- and a box around the child's gemeente instead of a join the planner cannot narrow (measured: 30 ms of
  -- sequential scan over 20,000 offerings otherwise).
  select h0.id, h0.jeugdregio_code, h0.leeftijd, h0.geslacht, h0.tags, h0.hulpvorm_codes, h0.max_afstand_km,
         h0.verbreed_op, h0.verbreden_na, j.naam as jeugdregio, g.lat, g.lon
    into h
    from public.hulpvragen h0
    join public.gemeenten g on g.code = h0.gemeente_code
    join public.jeugdregios j on j.code = h0.jeugdregio_code
   where h0.id = hv and h0.status in ('concept', 'open')
     -- Those who work the case match it; a provider it was proposed to sees the case, not its options.
     and (private.behandelt_hulpvraag(h0.id) or exists (
       select 1 from public.escalaties e
        where e.hulpvraag_id = h0.id and e.afgerond_op is null and private.heeft_rol_in(e.expertteam_id, 'expertteam')));
  if not found then
    return;
  end if;
  verbreed := public.hulpvraag_verbreed(h.verbreed_op, h.verbreden_na, h.id, nu);
  limiet := h.max_afstand_km * case when verbreed then 2 else 1 end;

  return query
  -- Materialized: each candidate's distance and free places are computed once, not again in every
  -- expression that uses them (the planner would otherwise inline and repeat them).
  with kandidaten as materialized (
    select z.aanbod_id, z.naam, z.organisatie, z.locatie, z.gemeente, z.hulpvorm_code, z.gemeld_op,
           z.verwachte_wachttijd_weken, z.eerstvolgende_vrij, z.bovenregionaal,
           public.afstand_km(h.lat, h.lon, z.lat, z.lon) as afstand,
           h.jeugdregio_code = any(z.contract_jeugdregios) as gecontracteerd,
           z.doelgroep_tags,
           public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, nu) as vrij
      from public.aanbod_zoek z
     where z.actief and z.hulpvorm_code = any(h.hulpvorm_codes)
       -- A cheap box before the exact distance (1 degree of latitude ≈ 111 km; taken a little wide),
       -- served by the index on (hulpvorm_code, lat, lon).
       and z.lat between h.lat - limiet / 110.5 and h.lat + limiet / 110.5
       and z.lon between h.lon - limiet / (110.5 * cos(radians(h.lat))) and h.lon + limiet / (110.5 * cos(radians(h.lat)))
       and h.leeftijd between z.leeftijd_min and z.leeftijd_max
       and (h.geslacht is null or cardinality(z.geslachten) = 0 or h.geslacht = any(z.geslachten))
       and not (z.contra_indicaties && h.tags)
       and (h.jeugdregio_code = any(z.contract_jeugdregios) or z.bovenregionaal or verbreed)
       and not exists (
         select 1 from public.voorstellen v
          where v.hulpvraag_id = h.id and v.aanbod_id = z.aanbod_id
            and v.status in ('afgewezen', 'afgewezen_na_intake')
       )
  ), beoordeeld as materialized (
    select k.*,
           -- The shared tags (a sorted subquery per row: only where the arrays overlap at all).
           case when k.doelgroep_tags && h.tags
                then array(select t from unnest(k.doelgroep_tags) t where t = any(h.tags) order by t)
                else '{}'::text[] end as gedeeld,
           public.beschikbaarheid(k.vrij, k.verwachte_wachttijd_weken, k.eerstvolgende_vrij, k.gemeld_op, nu) as status
      from kandidaten k
     where k.afstand <= limiet
  ), gescoord as (
    select k.*,
           case k.status when 'groen' then 40 when 'oranje' then 20 when 'rood' then 5 else 0 end as s_beschikbaar,
           greatest(0, round(25 * (1 - k.afstand / limiet)))::int as s_afstand,
           least(20, 10 * cardinality(k.gedeeld)) as s_kenmerken,
           case when k.gemeld_op >= nu - interval '3 days' then 15
                when k.gemeld_op >= nu - interval '7 days' then 10
                when k.gemeld_op >= nu - interval '14 days' then 5
                else 0 end as s_versheid
      from beoordeeld k
  ), beste as (
    select s.*, s.s_beschikbaar + s.s_afstand + s.s_kenmerken + s.s_versheid as totaal
      from gescoord s
     order by s.s_beschikbaar + s.s_afstand + s.s_kenmerken + s.s_versheid desc, s.afstand, s.aanbod_id
     limit aantal
  )
  select b.aanbod_id, b.naam, b.organisatie, b.locatie, b.gemeente, b.hulpvorm_code,
         round(b.afstand::numeric, 1), b.vrij, b.verwachte_wachttijd_weken, b.status, b.gemeld_op,
         b.gecontracteerd, b.bovenregionaal, h.jeugdregio::text, b.gedeeld, verbreed,
         lv.id, lv.status_nu, b.totaal, b.s_beschikbaar, b.s_afstand, b.s_kenmerken, b.s_versheid
    from beste b
    -- The latest proposal to each shown aanbod (only the page's rows, after the limit).
    left join lateral (
      select v.id, public.voorstel_status_nu(v.status, v.verloopt_op, nu) as status_nu
        from public.voorstellen v
       where v.hulpvraag_id = h.id and v.aanbod_id = b.aanbod_id
       order by v.voorgesteld_op desc
       limit 1
    ) lv on true
   order by b.totaal desc, b.afstand, b.aanbod_id;
end
$$;
create index aanbod_zoek_hulpvorm_plek_idx on public.aanbod_zoek (hulpvorm_code, lat, lon, leeftijd_min, leeftijd_max) where actief;
-- Every capacity report updates its row here. Room on each page lets those updates stay on the page
-- without new index entries (HOT): measured on 20,000 offerings with ~100,000 reports, the matching index
-- otherwise carried an entry per report and the search for a hulpvraag took twice as long. (PGlite has no
-- autovacuum to clean such entries up.)
alter table public.aanbod_zoek set (fillfactor = 70);

comment on function public.match_aanbod is 'Suitable active aanbod for a hulpvraag, best first, with the score''s parts (beschikbaar 40, afstand 25, kenmerken 20, versheid 15).';

-- ---------------------------------------------------------------------
-- Timeline of a hulpvraag from the event log. Its GI and brokers (and the expertteam it was escalated
-- to) see everything, including who read it; a provider only the events of its own proposals.
-- ---------------------------------------------------------------------
create function public.hulpvraag_tijdlijn(hv uuid)
returns table (
  op timestamptz,
  soort text,
  gegevens jsonb,
  voorstel_id uuid,
  aanbod text,
  door_organisatie text,
  door_rol public.rol
)
language sql stable security definer
set search_path = ''
as $$
  with toegang as (
    select private.behandelt_hulpvraag(hv)
           or exists (select 1 from public.escalaties e
                       where e.hulpvraag_id = hv and private.heeft_rol_in(e.expertteam_id, 'expertteam')) as alles,
           private.mag_hulpvraag_zien(hv) as iets
  ), voorstellen as (
    select v.id, a.naam, v.aanbieder_id in (select private.mijn_organisaties()) as eigen
      from public.voorstellen v join public.aanbod a on a.id = v.aanbod_id
     where v.hulpvraag_id = hv
  ), escalaties as (
    select e.id from public.escalaties e where e.hulpvraag_id = hv
  )
  select g.op, g.soort, g.gegevens, vs.id, vs.naam, o.naam, l.rol
    from public.gebeurtenissen g
    cross join toegang t
    left join voorstellen vs on vs.id = g.onderwerp_id
    left join lateral (
      select l.rol, l.organisatie_id from public.leden l where l.user_id = g.actor order by l.created_at limit 1
    ) l on true
    left join public.organisaties o on o.id = l.organisatie_id
   where t.iets
     and (
       (g.onderwerp_id = hv and t.alles)
       or (vs.id is not null and (t.alles or vs.eigen))
       or (g.onderwerp_id in (select e.id from escalaties e) and t.alles)
     )
   order by g.op, g.id
$$;
comment on function public.hulpvraag_tijdlijn is 'Events of a hulpvraag, its proposals and escalations, as far as the caller may see them.';

revoke all on function public.hulpvraag_verbreed, public.match_aanbod, public.hulpvraag_tijdlijn from public;
grant execute on function public.hulpvraag_verbreed, public.match_aanbod, public.hulpvraag_tijdlijn to authenticated;
