-- =====================================================================
-- Organisaties and leden (members with a rol), and the RLS helpers built on them
-- =====================================================================

create table public.organisaties (
  id uuid primary key default gen_random_uuid(),
  naam text not null check (length(trim(naam)) between 2 and 120),
  soort public.organisatie_soort not null,
  -- The region a GI, regio or expertteam works for; providers may leave it empty.
  jbregio_code text,
  -- How to reach the organisation for an intake: organisation contact details, never a child's.
  contact_telefoon text check (contact_telefoon is null or contact_telefoon ~ '^[0-9 +()-]{6,20}$'),
  contact_email text check (contact_email is null or contact_email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  website text check (website is null or website ~* '^https://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (naam, soort)
);
comment on table public.organisaties is 'Providers, GIs, regions, expert tables and platform management.';

create table public.leden (
  organisatie_id uuid not null references public.organisaties (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  rol public.rol not null,
  created_at timestamptz not null default now(),
  primary key (organisatie_id, user_id)
);
comment on table public.leden is 'Membership of a user in an organisation, with the rol that RLS reads.';
create index leden_user_idx on public.leden (user_id);

-- A rol belongs to one kind of organisation; the database refuses the rest.
create function private.rol_past_bij_soort(r public.rol, s public.organisatie_soort) returns boolean
language sql immutable
set search_path = ''
as $$
  select case r
    when 'jeugdbeschermer' then s = 'gi'
    when 'gi_coordinator' then s = 'gi'
    when 'aanbieder' then s = 'aanbieder'
    when 'zorgmakelaar' then s = 'regio'
    when 'regio_analist' then s = 'regio'
    when 'expertteam' then s = 'expertteam'
    when 'beheerder' then s = 'beheer'
  end
$$;
comment on function private.rol_past_bij_soort is 'Whether a rol fits an organisation kind (a zorgmakelaar works for a regio, an aanbieder for a provider, …).';

create function private.check_lid_rol() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  s public.organisatie_soort;
begin
  select o.soort into s from public.organisaties o where o.id = new.organisatie_id;
  if not private.rol_past_bij_soort(new.rol, s) then
    raise exception 'De rol % past niet bij een organisatie van soort %.', new.rol, s
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
comment on function private.check_lid_rol is 'Trigger: refuses a membership whose rol does not fit the organisation kind.';
create trigger leden_rol_past before insert or update on public.leden
  for each row execute function private.check_lid_rol();

-- ---------------------------------------------------------------------
-- RLS helpers: security definer so policies can read leden without recursing into its own RLS.
-- ---------------------------------------------------------------------
create function private.mijn_organisaties() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select l.organisatie_id from public.leden l where l.user_id = (select auth.uid())
$$;
comment on function private.mijn_organisaties is 'The organisations the signed-in user is a member of.';

create function private.heeft_rol(gevraagd public.rol) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.leden l where l.user_id = (select auth.uid()) and l.rol = gevraagd)
$$;
comment on function private.heeft_rol is 'Whether the signed-in user has this rol in any organisation.';

create function private.heeft_rol_in(org uuid, gevraagd public.rol) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.leden l
    where l.user_id = (select auth.uid()) and l.organisatie_id = org and l.rol = gevraagd
  )
$$;
comment on function private.heeft_rol_in is 'Whether the signed-in user has this rol in this organisation.';

create function private.is_beheerder() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.heeft_rol('beheerder')
$$;
comment on function private.is_beheerder is 'Whether the signed-in user manages the platform (organisations, users, reference data).';

revoke all on function private.rol_past_bij_soort, private.check_lid_rol, private.mijn_organisaties,
  private.heeft_rol, private.heeft_rol_in, private.is_beheerder from public;
grant execute on function private.rol_past_bij_soort, private.mijn_organisaties, private.heeft_rol,
  private.heeft_rol_in, private.is_beheerder to authenticated;

-- The update policy lets an organisation's own coordinators edit its details; its kind and region
-- decide which rollen fit and what its members get to see, so those stay with the beheerder.
create function private.check_organisatie_wijziging() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.soort, new.jbregio_code) is distinct from (old.soort, old.jbregio_code)
    and (select auth.uid()) is not null
    and not private.is_beheerder() then
    raise exception 'Alleen een beheerder kan de soort of de regio van een organisatie wijzigen.'
      using errcode = 'insufficient_privilege';
  end if;
  if new.soort is distinct from old.soort and exists (
    select 1 from public.leden l
    where l.organisatie_id = new.id and not private.rol_past_bij_soort(l.rol, new.soort)
  ) then
    raise exception 'De soort % past niet bij de rollen van de leden van deze organisatie.', new.soort
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
comment on function private.check_organisatie_wijziging is 'Trigger: only a beheerder changes an organisation''s kind or region, and never to a kind its members'' rollen do not fit.';
revoke all on function private.check_organisatie_wijziging from public;
create trigger organisaties_soort_en_regio before update on public.organisaties
  for each row execute function private.check_organisatie_wijziging();

-- ---------------------------------------------------------------------
-- RLS: organisaties
-- ---------------------------------------------------------------------
alter table public.organisaties enable row level security;
grant select, insert, update, delete on public.organisaties to authenticated;

create policy "Signed-in users can see all organisations"
  on public.organisaties for select to authenticated
  using (true);

create policy "Beheerders can create organisations"
  on public.organisaties for insert to authenticated
  with check ((select private.is_beheerder()));

create policy "Beheerders and an organisation's own coordinators can update it"
  on public.organisaties for update to authenticated
  using (
    (select private.is_beheerder())
    or private.heeft_rol_in(id, 'aanbieder')
    or private.heeft_rol_in(id, 'gi_coordinator')
  )
  with check (
    (select private.is_beheerder())
    or private.heeft_rol_in(id, 'aanbieder')
    or private.heeft_rol_in(id, 'gi_coordinator')
  );

create policy "Beheerders can delete organisations"
  on public.organisaties for delete to authenticated
  using ((select private.is_beheerder()));

-- ---------------------------------------------------------------------
-- RLS: leden
-- ---------------------------------------------------------------------
alter table public.leden enable row level security;
grant select, insert, update, delete on public.leden to authenticated;

create policy "Members see the members of their own organisations; beheerders see all"
  on public.leden for select to authenticated
  using (
    organisatie_id in (select private.mijn_organisaties())
    or (select private.is_beheerder())
  );

create policy "Beheerders can add members"
  on public.leden for insert to authenticated
  with check ((select private.is_beheerder()));

create policy "Beheerders can change a member's rol"
  on public.leden for update to authenticated
  using ((select private.is_beheerder()))
  with check ((select private.is_beheerder()));

create policy "Beheerders can remove members"
  on public.leden for delete to authenticated
  using ((select private.is_beheerder()));

-- jbregio_code gets its foreign key once the reference tables exist (next migration).
