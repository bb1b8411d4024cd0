-- =====================================================================
-- Gebeurtenissen: the append-only event log (audit trail, source of region figures)
-- =====================================================================
-- Written only by triggers (security definer); it never holds free text, so a retention job on
-- the source tables does not have to touch it.

create table public.gebeurtenissen (
  id bigint generated always as identity primary key,
  op timestamptz not null default now(),
  actor uuid default auth.uid(),
  -- No foreign key, like actor and onderwerp_id: the log outlives what it describes. (A key with
  -- "on delete set null" would update logged rows, which the log refuses, and the events logged while
  -- an organisation's members are removed with it would point at a row already gone.)
  organisatie_id uuid,
  soort text not null check (soort ~ '^[a-z_]+\.[a-z_]+$'),
  onderwerp_id uuid,
  gegevens jsonb not null default '{}'::jsonb
);
comment on table public.gebeurtenissen is 'Append-only log of every change: who, what, when; never free text.';
create index gebeurtenissen_organisatie_idx on public.gebeurtenissen (organisatie_id, op desc);
create index gebeurtenissen_onderwerp_idx on public.gebeurtenissen (onderwerp_id);

create trigger gebeurtenissen_alleen_toevoegen before update or delete on public.gebeurtenissen
  for each row execute function private.weiger_wijziging();
create trigger gebeurtenissen_niet_legen before truncate on public.gebeurtenissen
  for each statement execute function private.weiger_wijziging();

-- Which columns may enter the log per table: identifiers and figures, never free text.
create function private.log_wijziging() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  rij jsonb := to_jsonb(coalesce(new, old));
  org uuid;
  velden text[];
begin
  velden := case tg_table_name
    when 'organisaties' then array['naam', 'soort', 'jbregio_code']
    when 'leden' then array['user_id', 'rol']
    when 'locaties' then array['pc4', 'gemeente_code']
    when 'aanbod' then array['hulpvorm_code', 'capaciteit_totaal', 'actief', 'bovenregionaal']
    when 'capaciteitsmeldingen' then array['aanbod_id', 'vrije_plaatsen', 'wachtlijst', 'verwachte_wachttijd_weken', 'alleen_na_overleg', 'gemeld_op']
    else array[]::text[]
  end;
  org := case tg_table_name
    when 'organisaties' then (rij ->> 'id')::uuid
    when 'capaciteitsmeldingen' then (select a.organisatie_id from public.aanbod a where a.id = (rij ->> 'aanbod_id')::uuid)
    else (rij ->> 'organisatie_id')::uuid
  end;
  insert into public.gebeurtenissen (soort, organisatie_id, onderwerp_id, gegevens)
  values (
    tg_table_name || '.' || lower(tg_op),
    org,
    case when tg_table_name = 'leden' then (rij ->> 'user_id')::uuid else (rij ->> 'id')::uuid end,
    (select coalesce(jsonb_object_agg(k, rij -> k), '{}'::jsonb) from unnest(velden) k)
  );
  return null;
end
$$;
comment on function private.log_wijziging is 'Trigger: appends one gebeurtenis per changed row, with only non-free-text fields.';
revoke all on function private.log_wijziging from public;

create trigger organisaties_log after insert or update or delete on public.organisaties
  for each row execute function private.log_wijziging();
create trigger leden_log after insert or update or delete on public.leden
  for each row execute function private.log_wijziging();
create trigger locaties_log after insert or update or delete on public.locaties
  for each row execute function private.log_wijziging();
create trigger aanbod_log after insert or update or delete on public.aanbod
  for each row execute function private.log_wijziging();
create trigger capaciteitsmeldingen_log after insert on public.capaciteitsmeldingen
  for each row execute function private.log_wijziging();

-- ---------------------------------------------------------------------
-- RLS: select only (triggers write; no policy allows insert, update or delete)
-- ---------------------------------------------------------------------
alter table public.gebeurtenissen enable row level security;
grant select on public.gebeurtenissen to authenticated;

create policy "Members see their own organisation's events; beheerders see all"
  on public.gebeurtenissen for select to authenticated
  using (
    organisatie_id in (select private.mijn_organisaties())
    or (select private.is_beheerder())
  );
