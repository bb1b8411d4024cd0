-- =====================================================================
-- Beschikbaarheid: the current state per aanbod, the wijzer status, search and the live signal
-- =====================================================================
-- capaciteitsmeldingen is the history and stays with the provider; searchers read aanbod_stand, the
-- latest report per aanbod by the time it was MADE (gemeld_op), so a late offline replay of an older
-- report lands in the history but never overrides a newer state.

create table public.aanbod_stand (
  aanbod_id uuid primary key references public.aanbod (id) on delete cascade,
  -- Copies of the offering's own (kept by the triggers below), so that RLS can hide an inactive
  -- offering's capacity like the offering itself without a join per row: that join made searches ~1.5×
  -- slower.
  organisatie_id uuid not null,
  actief boolean not null,
  melding_id uuid not null,
  vrije_plaatsen int not null,
  wachtlijst int not null,
  verwachte_wachttijd_weken int,
  eerstvolgende_vrij date,
  alleen_na_overleg boolean not null,
  notitie text not null,
  gemeld_op timestamptz not null
);
comment on table public.aanbod_stand is 'Current public capacity per aanbod: the latest capaciteitsmelding by gemeld_op, kept by trigger.';

-- Statement-level with a transition table: a bulk import of history updates each aanbod once.
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
    insert into public.aanbod_stand as s (aanbod_id, organisatie_id, actief, melding_id, vrije_plaatsen, wachtlijst,
      verwachte_wachttijd_weken, eerstvolgende_vrij, alleen_na_overleg, notitie, gemeld_op)
    select l.aanbod_id, a.organisatie_id, a.actief, l.id, l.vrije_plaatsen, l.wachtlijst, l.verwachte_wachttijd_weken,
           l.eerstvolgende_vrij, l.alleen_na_overleg, l.notitie, l.gemeld_op
      from laatste l
      join public.aanbod a on a.id = l.aanbod_id
    on conflict (aanbod_id) do update
      set melding_id = excluded.melding_id, vrije_plaatsen = excluded.vrije_plaatsen,
          wachtlijst = excluded.wachtlijst, verwachte_wachttijd_weken = excluded.verwachte_wachttijd_weken,
          eerstvolgende_vrij = excluded.eerstvolgende_vrij, alleen_na_overleg = excluded.alleen_na_overleg,
          notitie = excluded.notitie, gemeld_op = excluded.gemeld_op
      where excluded.gemeld_op >= s.gemeld_op
    returning s.aanbod_id
  )
  select array_agg(aanbod_id) into geraakt from bijgewerkt;
  perform private.meld_beschikbaarheid(geraakt);
  return null;
end
$$;
comment on function private.werk_stand_bij is 'Trigger: moves aanbod_stand to the newest report per aanbod (by gemeld_op) and signals listeners.';

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
revoke all on function private.werk_stand_bij, private.meld_beschikbaarheid from public;

create trigger capaciteitsmeldingen_stand after insert on public.capaciteitsmeldingen
  referencing new table as nieuw
  for each statement execute function private.werk_stand_bij();

-- Adding, changing (capacity, eligibility, active) or removing an offering changes what searchers see too.
create function private.aanbod_gewijzigd() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  -- Each branch names only the transition table its own trigger declares (resolved when it runs).
  if tg_op = 'DELETE' then
    perform private.meld_beschikbaarheid(array(select o.id from oud o));
  else
    if tg_op = 'UPDATE' then
      update public.aanbod_stand s
         set organisatie_id = n.organisatie_id, actief = n.actief
        from nieuw n
       where s.aanbod_id = n.id and (s.organisatie_id, s.actief) is distinct from (n.organisatie_id, n.actief);
    end if;
    perform private.meld_beschikbaarheid(array(select n.id from nieuw n));
  end if;
  return null;
end
$$;
comment on function private.aanbod_gewijzigd is 'Trigger: keeps aanbod_stand''s copy of actief and organisation, and signals listeners that offerings were added, changed or removed.';
create trigger aanbod_nieuw_signaal after insert on public.aanbod
  referencing new table as nieuw
  for each statement execute function private.aanbod_gewijzigd();
create trigger aanbod_gewijzigd_signaal after update on public.aanbod
  referencing new table as nieuw
  for each statement execute function private.aanbod_gewijzigd();
create trigger aanbod_verwijderd_signaal after delete on public.aanbod
  referencing old table as oud
  for each statement execute function private.aanbod_gewijzigd();
revoke all on function private.aanbod_gewijzigd from public;

-- Current state for existing history (the seed may have run before this migration on old data dirs).
insert into public.aanbod_stand (aanbod_id, organisatie_id, actief, melding_id, vrije_plaatsen, wachtlijst,
  verwachte_wachttijd_weken, eerstvolgende_vrij, alleen_na_overleg, notitie, gemeld_op)
select distinct on (c.aanbod_id) c.aanbod_id, a.organisatie_id, a.actief, c.id, c.vrije_plaatsen, c.wachtlijst,
       c.verwachte_wachttijd_weken, c.eerstvolgende_vrij, c.alleen_na_overleg, c.notitie, c.gemeld_op
  from public.capaciteitsmeldingen c
  join public.aanbod a on a.id = c.aanbod_id
 order by c.aanbod_id, c.gemeld_op desc, c.ontvangen_op desc, c.id desc;

-- ---------------------------------------------------------------------
-- RLS: aanbod_stand is readable wherever its aanbod is, and written only by the trigger.
-- capaciteitsmeldingen (history, who reported, idempotency keys) becomes provider-internal.
-- ---------------------------------------------------------------------
alter table public.aanbod_stand enable row level security;
grant select on public.aanbod_stand to authenticated;
-- The same rule as for aanbod itself: an inactive offering's capacity (and note) stays with its organisation.
create policy "Signed-in users read the current capacity of active offerings; providers also of their own inactive ones"
  on public.aanbod_stand for select to authenticated
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
    case when eerstvolgende_vrij is not null then greatest(0, ceil((eerstvolgende_vrij - vandaag) / 7.0)::int) end
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

create index aanbod_contract_idx on public.aanbod using gin (contract_jeugdregios) where actief;
create index locaties_pc4_idx on public.locaties (pc4);

revoke all on function public.start_over_weken, public.beschikbaarheid, public.afstand_km from public;
grant execute on function public.start_over_weken, public.beschikbaarheid, public.afstand_km to authenticated;
