-- =====================================================================
-- Beschikbaarheid: what a search, the wijzer and live pages read, and the wijzer status
-- =====================================================================
-- capaciteitsmeldingen is the history and stays with the provider. Searchers read aanbod_zoek: one row
-- per offering with its place, provider contact and current capacity — the latest report by the time it
-- was MADE (gemeld_op), so a late offline replay of an older report lands in the history but never
-- overrides a newer state. Kept by triggers; aanbod stays the source of truth (rebuild with
-- select private.vul_aanbod_zoek(array(select id from public.aanbod))).
-- Why a projection: measured on 20,000 offerings in PGlite, joining aanbod, locaties, pc4, gemeenten,
-- organisaties and the latest report cost 15 ms of planning and 40–60 ms of index probes per search;
-- one row per offering makes a search a filtered scan of one table.

create table public.aanbod_zoek (
  aanbod_id uuid primary key references public.aanbod (id) on delete cascade,
  organisatie_id uuid not null,
  actief boolean not null,
  hulpvorm_code text not null,
  naam text not null,
  leeftijd_min int not null,
  leeftijd_max int not null,
  geslachten public.geslacht[] not null,
  doelgroep_tags text[] not null,
  talen text[] not null,
  contra_indicaties text[] not null,
  contract_jeugdregios text[] not null,
  bovenregionaal boolean not null,
  capaciteit_totaal int not null,
  locatie_id uuid not null,
  locatie text not null,
  pc4 text not null,
  gemeente_code text not null,
  gemeente text not null,
  jeugdregio_code text not null,
  jbregio_code text not null,
  lat double precision not null,
  lon double precision not null,
  organisatie text not null,
  contact_telefoon text,
  contact_email text,
  website text,
  -- The current capacity: the latest report by gemeld_op; null until the first report.
  melding_id uuid,
  vrije_plaatsen int,
  wachtlijst int,
  verwachte_wachttijd_weken int,
  eerstvolgende_vrij date,
  alleen_na_overleg boolean,
  notitie text,
  gemeld_op timestamptz
);
comment on table public.aanbod_zoek is 'Search projection: one row per aanbod with its place, provider contact and current capacity, kept by triggers.';
create index aanbod_zoek_hulpvorm_idx on public.aanbod_zoek (hulpvorm_code) where actief;
create index aanbod_zoek_contract_idx on public.aanbod_zoek using gin (contract_jeugdregios) where actief;
create index aanbod_zoek_jbregio_idx on public.aanbod_zoek (jbregio_code, hulpvorm_code) where actief;
create index aanbod_zoek_lat_idx on public.aanbod_zoek (lat) where actief;
create index aanbod_zoek_organisatie_idx on public.aanbod_zoek (organisatie_id);

-- (Re)builds the descriptive part for these offerings; the capacity part is left as it is.
create function private.vul_aanbod_zoek(ids uuid[]) returns void
language sql security definer
set search_path = ''
as $$
  insert into public.aanbod_zoek as z (aanbod_id, organisatie_id, actief, hulpvorm_code, naam, leeftijd_min,
    leeftijd_max, geslachten, doelgroep_tags, talen, contra_indicaties, contract_jeugdregios, bovenregionaal,
    capaciteit_totaal, locatie_id, locatie, pc4, gemeente_code, gemeente, jeugdregio_code, jbregio_code, lat, lon,
    organisatie, contact_telefoon, contact_email, website)
  select a.id, a.organisatie_id, a.actief, a.hulpvorm_code, a.naam, a.leeftijd_min, a.leeftijd_max, a.geslachten,
         a.doelgroep_tags, a.talen, a.contra_indicaties, a.contract_jeugdregios, a.bovenregionaal,
         a.capaciteit_totaal, l.id, l.naam, l.pc4, g.code, g.naam, j.code, j.jbregio_code, p.lat, p.lon,
         o.naam, o.contact_telefoon, o.contact_email, o.website
    from public.aanbod a
    join public.locaties l on l.id = a.locatie_id
    join public.pc4 p on p.pc4 = l.pc4
    join public.gemeenten g on g.code = l.gemeente_code
    join public.jeugdregios j on j.code = g.jeugdregio_code
    join public.organisaties o on o.id = a.organisatie_id
   where a.id = any(ids)
  on conflict (aanbod_id) do update set
    organisatie_id = excluded.organisatie_id, actief = excluded.actief, hulpvorm_code = excluded.hulpvorm_code,
    naam = excluded.naam, leeftijd_min = excluded.leeftijd_min, leeftijd_max = excluded.leeftijd_max,
    geslachten = excluded.geslachten, doelgroep_tags = excluded.doelgroep_tags, talen = excluded.talen,
    contra_indicaties = excluded.contra_indicaties, contract_jeugdregios = excluded.contract_jeugdregios,
    bovenregionaal = excluded.bovenregionaal, capaciteit_totaal = excluded.capaciteit_totaal,
    locatie_id = excluded.locatie_id, locatie = excluded.locatie, pc4 = excluded.pc4,
    gemeente_code = excluded.gemeente_code, gemeente = excluded.gemeente, jeugdregio_code = excluded.jeugdregio_code,
    jbregio_code = excluded.jbregio_code, lat = excluded.lat, lon = excluded.lon, organisatie = excluded.organisatie,
    contact_telefoon = excluded.contact_telefoon, contact_email = excluded.contact_email, website = excluded.website
$$;

-- One NOTIFY per changed aanbod, or one "alles" for a bulk change: the server turns it into SSE.
-- The payload carries identifiers only; every client re-reads through its own RLS.
create function private.meld_beschikbaarheid(aanbod_ids uuid[]) returns void
language plpgsql
set search_path = ''
as $$
declare
  id uuid;
begin
  if aanbod_ids is null or cardinality(aanbod_ids) = 0 then
    return;
  end if;
  if cardinality(aanbod_ids) > 20 then
    perform pg_notify('beschikbaarheid', json_build_object('alles', true)::text);
    return;
  end if;
  foreach id in array aanbod_ids loop
    perform pg_notify('beschikbaarheid', json_build_object('aanbod', id)::text);
  end loop;
end
$$;
comment on function private.meld_beschikbaarheid is 'Sends NOTIFY beschikbaarheid for changed aanbod (identifiers only).';
-- The capacity part follows the newest report by gemeld_op (an older replay changes nothing).
create function private.werk_stand_bij() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  geraakt uuid[];
begin
  with laatste as (
    select distinct on (n.aanbod_id) n.*
      from nieuw n
     order by n.aanbod_id, n.gemeld_op desc, n.ontvangen_op desc, n.id desc
  ), bijgewerkt as (
    update public.aanbod_zoek z
       set melding_id = l.id, vrije_plaatsen = l.vrije_plaatsen, wachtlijst = l.wachtlijst,
           verwachte_wachttijd_weken = l.verwachte_wachttijd_weken, eerstvolgende_vrij = l.eerstvolgende_vrij,
           alleen_na_overleg = l.alleen_na_overleg, notitie = l.notitie, gemeld_op = l.gemeld_op
      from laatste l
     where z.aanbod_id = l.aanbod_id and (z.gemeld_op is null or l.gemeld_op >= z.gemeld_op)
    returning z.aanbod_id
  )
  select array_agg(aanbod_id) into geraakt from bijgewerkt;
  perform private.meld_beschikbaarheid(geraakt);
  return null;
end
$$;
-- Offerings added or changed: rebuild their rows; added, changed or removed: tell listeners.
create function private.aanbod_gewijzigd() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  ids uuid[];
begin
  -- Each branch names only the transition table its own trigger declares (resolved when it runs).
  if tg_op = 'DELETE' then
    ids := array(select o.id from oud o);
  else
    ids := array(select n.id from nieuw n);
    perform private.vul_aanbod_zoek(ids);
  end if;
  perform private.meld_beschikbaarheid(ids);
  return null;
end
$$;
comment on function private.aanbod_gewijzigd is 'Trigger: keeps aanbod_zoek in step with aanbod and signals listeners that offerings were added, changed or removed.';
create trigger aanbod_nieuw_signaal after insert on public.aanbod
  referencing new table as nieuw
  for each statement execute function private.aanbod_gewijzigd();
create trigger aanbod_gewijzigd_signaal after update on public.aanbod
  referencing new table as nieuw
  for each statement execute function private.aanbod_gewijzigd();
create trigger aanbod_verwijderd_signaal after delete on public.aanbod
  referencing old table as oud
  for each statement execute function private.aanbod_gewijzigd();

-- A location or a provider's name or contact changed: every offering there shows it.
create function private.locatie_of_organisatie_gewijzigd() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  ids uuid[];
begin
  if tg_table_name = 'locaties' then
    ids := array(select a.id from public.aanbod a where a.locatie_id in (select n.id from nieuw n));
  else
    ids := array(select a.id from public.aanbod a where a.organisatie_id in (select n.id from nieuw n));
  end if;
  perform private.vul_aanbod_zoek(ids);
  perform private.meld_beschikbaarheid(ids);
  return null;
end
$$;
create trigger locaties_zoek after update on public.locaties
  referencing new table as nieuw
  for each statement execute function private.locatie_of_organisatie_gewijzigd();
create trigger organisaties_zoek after update on public.organisaties
  referencing new table as nieuw
  for each statement execute function private.locatie_of_organisatie_gewijzigd();

create trigger capaciteitsmeldingen_stand after insert on public.capaciteitsmeldingen
  referencing new table as nieuw
  for each statement execute function private.werk_stand_bij();
revoke all on function private.vul_aanbod_zoek, private.meld_beschikbaarheid, private.aanbod_gewijzigd,
  private.locatie_of_organisatie_gewijzigd, private.werk_stand_bij from public;

-- Fill from what exists (a data dir seeded before this migration).
select private.vul_aanbod_zoek(array(select id from public.aanbod));
update public.aanbod_zoek z
   set melding_id = c.id, vrije_plaatsen = c.vrije_plaatsen, wachtlijst = c.wachtlijst,
       verwachte_wachttijd_weken = c.verwachte_wachttijd_weken, eerstvolgende_vrij = c.eerstvolgende_vrij,
       alleen_na_overleg = c.alleen_na_overleg, notitie = c.notitie, gemeld_op = c.gemeld_op
  from (select distinct on (m.aanbod_id) m.*
          from public.capaciteitsmeldingen m
         order by m.aanbod_id, m.gemeld_op desc, m.ontvangen_op desc, m.id desc) c
 where c.aanbod_id = z.aanbod_id;

-- The current capacity on its own, for readers of the state only; RLS of aanbod_zoek applies.
create view public.aanbod_stand with (security_invoker = true) as
  select aanbod_id, melding_id, vrije_plaatsen, wachtlijst, verwachte_wachttijd_weken, eerstvolgende_vrij,
         alleen_na_overleg, notitie, gemeld_op
    from public.aanbod_zoek
   where melding_id is not null;
comment on view public.aanbod_stand is 'Current public capacity per aanbod: the latest capaciteitsmelding by gemeld_op.';
grant select on public.aanbod_stand to authenticated;


-- ---------------------------------------------------------------------
-- RLS: what aanbod shows, the projection shows (active offerings; a provider also its own inactive).
-- Written only by the triggers above. capaciteitsmeldingen (history, who reported, idempotency keys)
-- becomes provider-internal.
-- ---------------------------------------------------------------------
alter table public.aanbod_zoek enable row level security;
grant select on public.aanbod_zoek to authenticated;
create policy "Signed-in users see active offerings; providers also their own inactive ones"
  on public.aanbod_zoek for select to authenticated
  using (actief or organisatie_id in (select private.mijn_organisaties()));

drop policy "Signed-in users can read capacity reports" on public.capaciteitsmeldingen;
create policy "Provider staff read their own organisation's capacity history; beheerders all"
  on public.capaciteitsmeldingen for select to authenticated
  using (
    (select private.is_beheerder())
    or exists (
      select 1 from public.aanbod a
      where a.id = aanbod_id and a.organisatie_id in (select private.mijn_organisaties())
    )
  );

-- ---------------------------------------------------------------------
-- Pure SQL functions without "set search_path" (everything in them is schema-qualified): a SET clause
-- stops Postgres from inlining them, which made a search over 20,000 offerings several times slower.
-- ---------------------------------------------------------------------
-- Wijzer status per report (DESIGN.md §3). Mirrored by src/lib/domain/wijzer.ts; a database test
-- checks that both give the same answer.
-- ---------------------------------------------------------------------

-- Weeks until a start: the reported wait, or the weeks until the next expected free date, whichever
-- is sooner; null when neither is known.
create function public.start_over_weken(wachttijd_weken int, eerstvolgende_vrij date, vandaag date)
returns int
language sql immutable
as $$
  select least(
    wachttijd_weken,
    -- ceil(days / 7) in integer arithmetic (numeric division was the slowest part of a search)
    case when eerstvolgende_vrij is not null then greatest(0, (eerstvolgende_vrij - vandaag + 6) / 7) end
  )
$$;

create function public.beschikbaarheid(vrije_plaatsen int, wachttijd_weken int, eerstvolgende_vrij date,
  gemeld_op timestamptz, nu timestamptz)
returns text
language sql stable
as $$
  select case
    when gemeld_op is null or gemeld_op < nu - interval '14 days' then 'grijs'
    when vrije_plaatsen > 0 then 'groen'
    when public.start_over_weken(wachttijd_weken, eerstvolgende_vrij, (nu at time zone 'Europe/Amsterdam')::date) <= 4
      then 'oranje'
    else 'rood'
  end
$$;
comment on function public.beschikbaarheid is 'Wijzer status of one report: grijs (none fresher than 14 days), groen (free now), oranje (start within 4 weeks), rood (later or unknown).';

-- ---------------------------------------------------------------------
-- Distance between two points in km (haversine; PC4 precision does not need more).
-- ---------------------------------------------------------------------
create function public.afstand_km(lat1 double precision, lon1 double precision, lat2 double precision,
  lon2 double precision)
returns double precision
language sql immutable parallel safe
as $$
  select 2 * 6371 * asin(sqrt(
    power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)
  ))
$$;


revoke all on function public.start_over_weken, public.beschikbaarheid, public.afstand_km from public;
grant execute on function public.start_over_weken, public.beschikbaarheid, public.afstand_km to authenticated;
