-- =====================================================================
-- aanbod_zoek: one row per aanbod with everything a search or the wijzer reads
-- =====================================================================
-- Measured on 20,000 offerings in PGlite: joining aanbod, locaties, pc4, gemeenten, organisaties and
-- the current report cost 15 ms of planning and 40–60 ms of index probes per search. One row per
-- offering, kept by triggers, makes a search a filtered scan of one table. aanbod stays the source of
-- truth; this is a projection of it (rebuildable: select private.vul_aanbod_zoek(array(select id from
-- public.aanbod))). aanbod_stand stays as a view of the capacity columns, for readers of the state only.

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

-- Offerings added or changed: rebuild their rows, then tell listeners.
create or replace function private.aanbod_gewijzigd() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  ids uuid[] := array(select n.id from nieuw n);
begin
  perform private.vul_aanbod_zoek(ids);
  perform private.meld_beschikbaarheid(ids);
  return null;
end
$$;

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

-- The capacity part follows the newest report by gemeld_op (an older replay changes nothing).
create or replace function private.werk_stand_bij() returns trigger
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
revoke all on function private.vul_aanbod_zoek, private.locatie_of_organisatie_gewijzigd from public;

-- Fill from what exists, then replace the table aanbod_stand by a view on the projection.
select private.vul_aanbod_zoek(array(select id from public.aanbod));
update public.aanbod_zoek z
   set melding_id = s.melding_id, vrije_plaatsen = s.vrije_plaatsen, wachtlijst = s.wachtlijst,
       verwachte_wachttijd_weken = s.verwachte_wachttijd_weken, eerstvolgende_vrij = s.eerstvolgende_vrij,
       alleen_na_overleg = s.alleen_na_overleg, notitie = s.notitie, gemeld_op = s.gemeld_op
  from public.aanbod_stand s
 where s.aanbod_id = z.aanbod_id;
drop table public.aanbod_stand;

create view public.aanbod_stand with (security_invoker = true) as
  select aanbod_id, melding_id, vrije_plaatsen, wachtlijst, verwachte_wachttijd_weken, eerstvolgende_vrij,
         alleen_na_overleg, notitie, gemeld_op
    from public.aanbod_zoek
   where melding_id is not null;
comment on view public.aanbod_stand is 'Current public capacity per aanbod: the latest capaciteitsmelding by gemeld_op.';
grant select on public.aanbod_stand to authenticated;

-- ---------------------------------------------------------------------
-- RLS: what aanbod shows, the projection shows (active offerings; a provider also its own inactive).
-- Written only by the triggers above.
-- ---------------------------------------------------------------------
alter table public.aanbod_zoek enable row level security;
grant select on public.aanbod_zoek to authenticated;
create policy "Signed-in users see active offerings; providers also their own inactive ones"
  on public.aanbod_zoek for select to authenticated
  using (actief or organisatie_id in (select private.mijn_organisaties()));
