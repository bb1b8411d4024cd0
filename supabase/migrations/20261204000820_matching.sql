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
language sql stable
as $$
  with h as (
    select h.id, h.jeugdregio_code, h.leeftijd, h.geslacht, h.tags, h.hulpvorm_codes, j.naam as jeugdregio,
           g.lat, g.lon,
           public.hulpvraag_verbreed(h.verbreed_op, h.verbreden_na, h.id, nu) as verbreed,
           h.max_afstand_km * case when public.hulpvraag_verbreed(h.verbreed_op, h.verbreden_na, h.id, nu) then 2 else 1 end
             as limiet
      from public.hulpvragen h
      join public.gemeenten g on g.code = h.gemeente_code
      join public.jeugdregios j on j.code = h.jeugdregio_code
     where h.id = hv and h.status in ('concept', 'open')
       -- Those who work the case match it; a provider it was proposed to sees the case, not its options.
       and (private.behandelt_hulpvraag(h.id) or exists (
         select 1 from public.escalaties e
          where e.hulpvraag_id = h.id and e.afgerond_op is null and private.heeft_rol_in(e.expertteam_id, 'expertteam')))
  ), kandidaten as (
    select z.aanbod_id, z.naam, z.organisatie, z.locatie, z.gemeente, z.hulpvorm_code, z.gemeld_op,
           z.verwachte_wachttijd_weken, z.bovenregionaal, h.jeugdregio, h.verbreed, h.limiet, h.id as hulpvraag_id,
           public.afstand_km(h.lat, h.lon, z.lat, z.lon) as afstand,
           h.jeugdregio_code = any(z.contract_jeugdregios) as gecontracteerd,
           array(select t from unnest(z.doelgroep_tags) t where t = any(h.tags) order by t) as gedeeld,
           public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, nu) as vrij,
           public.beschikbaarheid(public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, nu),
             z.verwachte_wachttijd_weken, z.eerstvolgende_vrij, z.gemeld_op, nu) as status
      from h
      join public.aanbod_zoek z on z.actief and z.hulpvorm_code = any(h.hulpvorm_codes)
     where h.leeftijd between z.leeftijd_min and z.leeftijd_max
       and (h.geslacht is null or cardinality(z.geslachten) = 0 or h.geslacht = any(z.geslachten))
       and not (z.contra_indicaties && h.tags)
       and (h.jeugdregio_code = any(z.contract_jeugdregios) or z.bovenregionaal or h.verbreed)
       -- A cheap box on latitude before the exact distance (1 degree ≈ 111 km).
       and z.lat between h.lat - h.limiet / 111.0 and h.lat + h.limiet / 111.0
       and not exists (
         select 1 from public.voorstellen v
          where v.hulpvraag_id = h.id and v.aanbod_id = z.aanbod_id
            and v.status in ('afgewezen', 'afgewezen_na_intake')
       )
  ), gescoord as (
    select k.*,
           case k.status when 'groen' then 40 when 'oranje' then 20 when 'rood' then 5 else 0 end as s_beschikbaar,
           greatest(0, round(25 * (1 - k.afstand / k.limiet)))::int as s_afstand,
           least(20, 10 * cardinality(k.gedeeld)) as s_kenmerken,
           case when k.gemeld_op >= nu - interval '3 days' then 15
                when k.gemeld_op >= nu - interval '7 days' then 10
                when k.gemeld_op >= nu - interval '14 days' then 5
                else 0 end as s_versheid
      from kandidaten k
     where k.afstand <= k.limiet
  )
  select s.aanbod_id, s.naam, s.organisatie, s.locatie, s.gemeente, s.hulpvorm_code,
         round(s.afstand::numeric, 1), s.vrij, s.verwachte_wachttijd_weken, s.status, s.gemeld_op,
         s.gecontracteerd, s.bovenregionaal, s.jeugdregio, s.gedeeld, s.verbreed,
         lv.id, lv.status_nu,
         s.s_beschikbaar + s.s_afstand + s.s_kenmerken + s.s_versheid,
         s.s_beschikbaar, s.s_afstand, s.s_kenmerken, s.s_versheid
    from gescoord s
    left join lateral (
      select v.id, public.voorstel_status_nu(v.status, v.verloopt_op, nu) as status_nu
        from public.voorstellen v
       where v.hulpvraag_id = s.hulpvraag_id and v.aanbod_id = s.aanbod_id
       order by v.voorgesteld_op desc
       limit 1
    ) lv on true
   order by s.s_beschikbaar + s.s_afstand + s.s_kenmerken + s.s_versheid desc, s.afstand, s.aanbod_id
   limit aantal
$$;
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
