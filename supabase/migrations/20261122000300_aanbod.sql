-- =====================================================================
-- Aanbod: locaties, aanbod (offerings) and the append-only capaciteitsmeldingen
-- =====================================================================

create table public.locaties (
  id uuid primary key default gen_random_uuid(),
  organisatie_id uuid not null references public.organisaties (id) on delete cascade,
  naam text not null check (length(trim(naam)) between 2 and 120),
  -- PC4 only: a provider's site is never stored to street level.
  pc4 text not null references public.pc4 (pc4),
  gemeente_code text not null references public.gemeenten (code),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organisatie_id)
);
comment on table public.locaties is 'A provider''s site, known to PC4 and gemeente only.';
create index locaties_organisatie_idx on public.locaties (organisatie_id);

create type public.geslacht as enum ('jongen', 'meisje', 'anders');
comment on type public.geslacht is 'Gender a child may be, as far as an offering or a hulpvraag needs to know.';

create table public.aanbod (
  id uuid primary key default gen_random_uuid(),
  organisatie_id uuid not null,
  locatie_id uuid not null,
  hulpvorm_code text not null references public.hulpvormen (code),
  naam text not null check (length(trim(naam)) between 2 and 120),
  omschrijving text not null default '' check (length(omschrijving) <= 1000),
  leeftijd_min int not null check (leeftijd_min between 0 and 23),
  leeftijd_max int not null check (leeftijd_max between 0 and 23),
  -- Empty means every gender is welcome.
  geslachten public.geslacht[] not null default '{}',
  doelgroep_tags text[] not null default '{}',
  talen text[] not null default '{nl}',
  contra_indicaties text[] not null default '{}',
  -- The jeugdregio's this offering is contracted for.
  contract_jeugdregios text[] not null default '{}',
  bovenregionaal boolean not null default false,
  capaciteit_totaal int not null check (capaciteit_totaal between 0 and 500),
  actief boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (leeftijd_min <= leeftijd_max),
  foreign key (locatie_id, organisatie_id) references public.locaties (id, organisatie_id) on delete cascade
);
comment on table public.aanbod is 'An offering: locatie × hulpvorm with eligibility, contracted regions and total capacity.';
create index aanbod_organisatie_idx on public.aanbod (organisatie_id);
create index aanbod_hulpvorm_idx on public.aanbod (hulpvorm_code) where actief;
create index aanbod_locatie_idx on public.aanbod (locatie_id);

create function private.check_aanbod_regios() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  onbekend text;
begin
  select c into onbekend
  from unnest(new.contract_jeugdregios) c
  where not exists (select 1 from public.jeugdregios j where j.code = c)
  limit 1;
  if onbekend is not null then
    raise exception 'Onbekende jeugdregio: %.', onbekend using errcode = 'foreign_key_violation';
  end if;
  new.updated_at := now();
  return new;
end
$$;
comment on function private.check_aanbod_regios is 'Trigger: every contracted jeugdregio must exist (arrays cannot carry a foreign key).';
create trigger aanbod_regios_bestaan before insert or update on public.aanbod
  for each row execute function private.check_aanbod_regios();

create table public.capaciteitsmeldingen (
  id uuid primary key default gen_random_uuid(),
  aanbod_id uuid not null references public.aanbod (id) on delete restrict,
  -- Places for verblijf; for ambulant help the expected wait says when a start is possible.
  vrije_plaatsen int not null check (vrije_plaatsen between 0 and 500),
  wachtlijst int not null default 0 check (wachtlijst between 0 and 5000),
  verwachte_wachttijd_weken int check (verwachte_wachttijd_weken between 0 and 104),
  eerstvolgende_vrij date,
  alleen_na_overleg boolean not null default false,
  notitie text not null default '' check (length(notitie) <= 280),
  gemeld_door uuid references auth.users (id) on delete set null default auth.uid(),
  -- When the report was made (on the device, maybe offline); the current state orders by this.
  gemeld_op timestamptz not null default now(),
  -- Set by the database for a user's report (trigger below), so gemeld_op cannot be dated ahead.
  ontvangen_op timestamptz not null default now(),
  -- Replaying an offline report twice must not store it twice.
  idempotentie_sleutel uuid unique,
  check (gemeld_op <= ontvangen_op + interval '5 minutes')
);
comment on table public.capaciteitsmeldingen is 'Append-only capacity reports; the latest (by gemeld_op) is the current state, history feeds trends.';
create index capaciteitsmeldingen_aanbod_idx on public.capaciteitsmeldingen (aanbod_id, gemeld_op desc);

create function private.check_capaciteitsmelding() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  totaal int;
begin
  select a.capaciteit_totaal into totaal from public.aanbod a where a.id = new.aanbod_id;
  if new.vrije_plaatsen > totaal then
    raise exception 'Er zijn meer vrije plaatsen gemeld (%) dan het totaal (%).', new.vrije_plaatsen, totaal
      using errcode = 'check_violation';
  end if;
  -- A client's clock says when it reported (gemeld_op), the server's when it arrived: otherwise a
  -- report dated ahead would stay "the latest" for ever. Seeds (no user) may load history.
  if (select auth.uid()) is not null then
    new.ontvangen_op := now();
  end if;
  return new;
end
$$;
comment on function private.check_capaciteitsmelding is 'Trigger: free places can never exceed the offering''s total capacity; a user''s report is received now.';
create trigger capaciteitsmeldingen_binnen_totaal before insert on public.capaciteitsmeldingen
  for each row execute function private.check_capaciteitsmelding();

create function private.weiger_wijziging() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- One exception: a foreign key's "on delete set null" (it runs inside the key's own trigger, hence
  -- depth > 1) may forget a reference named in the trigger arguments, e.g. the author of a report
  -- whose account is removed. Nothing else about the row may change, and nobody may do it directly.
  if tg_op = 'UPDATE' and tg_nargs > 0 and pg_trigger_depth() > 1
    and (to_jsonb(new) - tg_argv) = (to_jsonb(old) - tg_argv)
    and not exists (select 1 from unnest(tg_argv) k where to_jsonb(new) -> k <> 'null'::jsonb) then
    return new;
  end if;
  raise exception 'Dit is een logboek: % is niet toegestaan op %.', lower(tg_op), tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;
comment on function private.weiger_wijziging is 'Trigger: refuses UPDATE, DELETE and TRUNCATE on append-only tables, for every role including the owner; arguments name references an "on delete set null" key may clear.';
create trigger capaciteitsmeldingen_alleen_toevoegen before update or delete on public.capaciteitsmeldingen
  for each row execute function private.weiger_wijziging('gemeld_door');
create trigger capaciteitsmeldingen_niet_legen before truncate on public.capaciteitsmeldingen
  for each statement execute function private.weiger_wijziging();

-- ---------------------------------------------------------------------
-- RLS: locaties
-- ---------------------------------------------------------------------
alter table public.locaties enable row level security;
grant select, insert, update, delete on public.locaties to authenticated;

create policy "Signed-in users can see provider locations (PC4 only)"
  on public.locaties for select to authenticated using (true);
create policy "Provider staff can add locations for their own organisation"
  on public.locaties for insert to authenticated
  with check (private.heeft_rol_in(organisatie_id, 'aanbieder'));
create policy "Provider staff can update their own organisation's locations"
  on public.locaties for update to authenticated
  using (private.heeft_rol_in(organisatie_id, 'aanbieder'))
  with check (private.heeft_rol_in(organisatie_id, 'aanbieder'));
create policy "Provider staff can delete their own organisation's locations"
  on public.locaties for delete to authenticated
  using (private.heeft_rol_in(organisatie_id, 'aanbieder'));

-- ---------------------------------------------------------------------
-- RLS: aanbod
-- ---------------------------------------------------------------------
alter table public.aanbod enable row level security;
grant select, insert, update, delete on public.aanbod to authenticated;

create policy "Signed-in users see active offerings; providers also their own inactive ones"
  on public.aanbod for select to authenticated
  using (actief or organisatie_id in (select private.mijn_organisaties()));
create policy "Provider staff can add offerings for their own organisation"
  on public.aanbod for insert to authenticated
  with check (private.heeft_rol_in(organisatie_id, 'aanbieder'));
create policy "Provider staff can update their own organisation's offerings"
  on public.aanbod for update to authenticated
  using (private.heeft_rol_in(organisatie_id, 'aanbieder'))
  with check (private.heeft_rol_in(organisatie_id, 'aanbieder'));
create policy "Provider staff can delete their own offerings that have no history"
  on public.aanbod for delete to authenticated
  using (private.heeft_rol_in(organisatie_id, 'aanbieder'));

-- ---------------------------------------------------------------------
-- RLS: capaciteitsmeldingen (select and insert only: no policy allows update or delete)
-- ---------------------------------------------------------------------
alter table public.capaciteitsmeldingen enable row level security;
grant select, insert on public.capaciteitsmeldingen to authenticated;

create policy "Signed-in users can read capacity reports"
  on public.capaciteitsmeldingen for select to authenticated using (true);
create policy "Provider staff can report capacity for their own organisation's offerings, as themselves"
  on public.capaciteitsmeldingen for insert to authenticated
  with check (
    gemeld_door = (select auth.uid())
    and exists (
      select 1 from public.aanbod a
      where a.id = aanbod_id and private.heeft_rol_in(a.organisatie_id, 'aanbieder')
    )
  );
