-- =====================================================================
-- API tokens: a provider's planning system reports capacity as the organisation
-- =====================================================================
-- The token itself is shown once and never stored: only its SHA-256 (a random 256-bit secret needs no
-- slow hash; bcrypt would only slow every API call). The server looks the hash up through
-- public.api_token_claims (callable before sign-in) and then runs the request with the claim
-- "api_token", which the RLS helpers below accept as a member of the token's organisation with the
-- token's rol, for as long as the token is not revoked.

create table public.api_tokens (
  id uuid primary key default gen_random_uuid(),
  organisatie_id uuid not null references public.organisaties (id) on delete cascade,
  naam text not null check (length(trim(naam)) between 2 and 80),
  rol public.rol not null default 'aanbieder' check (rol = 'aanbieder'),
  token_hash bytea not null unique check (length(token_hash) = 32),
  -- The first characters of the token, so a person can tell tokens apart without the secret.
  voorvoegsel text not null check (voorvoegsel ~ '^bw_[A-Za-z0-9_-]{4,8}$'),
  aangemaakt_door uuid references auth.users (id) on delete set null default auth.uid(),
  aangemaakt_op timestamptz not null default now(),
  laatst_gebruikt_op timestamptz,
  ingetrokken_op timestamptz
);
comment on table public.api_tokens is 'Organisation API tokens (hash only) for provider systems; revoked tokens stay for the audit trail.';
create index api_tokens_organisatie_idx on public.api_tokens (organisatie_id);

-- The token of this request, if the server runs it for a token.
create function private.api_token_id() returns uuid
language sql stable
set search_path = ''
as $$
  select nullif((select auth.jwt()) ->> 'api_token', '')::uuid
$$;

-- Only the name and revocation may change: a token's organisation, rol and secret are fixed, and so is
-- its audit trail (who created it; when it was last used, which only api_token_claims records).
create function private.check_api_token_wijziging() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.organisatie_id, new.rol, new.token_hash, new.voorvoegsel, new.aangemaakt_op)
     is distinct from (old.organisatie_id, old.rol, old.token_hash, old.voorvoegsel, old.aangemaakt_op)
     or (old.ingetrokken_op is not null and new.ingetrokken_op is distinct from old.ingetrokken_op)
     -- The creator's account may be removed ("on delete set null" runs in the key's trigger: depth > 1).
     or (new.aangemaakt_door is distinct from old.aangemaakt_door
         and not (new.aangemaakt_door is null and pg_trigger_depth() > 1))
     or (new.laatst_gebruikt_op is distinct from old.laatst_gebruikt_op and (select auth.uid()) is not null) then
    raise exception 'Van een API-token kunnen alleen de naam en het intrekken worden gewijzigd.'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger api_tokens_vast before update on public.api_tokens
  for each row execute function private.check_api_token_wijziging();

-- ---------------------------------------------------------------------
-- RLS helpers now also answer for a token (same signatures: policies stay as they are).
-- ---------------------------------------------------------------------
create or replace function private.mijn_organisaties() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select l.organisatie_id from public.leden l where l.user_id = (select auth.uid())
  union all
  select t.organisatie_id from public.api_tokens t
   where t.id = (select private.api_token_id()) and t.ingetrokken_op is null
$$;

create or replace function private.heeft_rol(gevraagd public.rol) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.leden l where l.user_id = (select auth.uid()) and l.rol = gevraagd)
      or exists (select 1 from public.api_tokens t
                  where t.id = (select private.api_token_id()) and t.ingetrokken_op is null and t.rol = gevraagd)
$$;

create or replace function private.heeft_rol_in(org uuid, gevraagd public.rol) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.leden l
    where l.user_id = (select auth.uid()) and l.organisatie_id = org and l.rol = gevraagd
  ) or exists (
    select 1 from public.api_tokens t
    where t.id = (select private.api_token_id()) and t.ingetrokken_op is null
      and t.organisatie_id = org and t.rol = gevraagd
  )
$$;
grant execute on function private.api_token_id to authenticated;
revoke all on function private.check_api_token_wijziging, private.api_token_id from public;

-- ---------------------------------------------------------------------
-- Capacity reports record the token that sent them; exactly one of person and token.
-- ---------------------------------------------------------------------
alter table public.capaciteitsmeldingen
  add column gemeld_via_token uuid references public.api_tokens (id) on delete set null
    default private.api_token_id();

drop trigger capaciteitsmeldingen_alleen_toevoegen on public.capaciteitsmeldingen;
create trigger capaciteitsmeldingen_alleen_toevoegen before update or delete on public.capaciteitsmeldingen
  for each row execute function private.weiger_wijziging('gemeld_door', 'gemeld_via_token');

drop policy "Provider staff can report capacity for their own organisation's offerings, as themselves"
  on public.capaciteitsmeldingen;
create policy "Provider staff or a provider token report capacity for their own offerings, as themselves"
  on public.capaciteitsmeldingen for insert to authenticated
  with check (
    gemeld_door is not distinct from (select auth.uid())
    and gemeld_via_token is not distinct from (select private.api_token_id())
    and num_nonnulls(gemeld_door, gemeld_via_token) = 1
    and exists (
      select 1 from public.aanbod a
      where a.id = aanbod_id and private.heeft_rol_in(a.organisatie_id, 'aanbieder')
    )
  );

-- A report over the API is received now as well, whatever clock the planning system has.
create or replace function private.check_capaciteitsmelding() returns trigger
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
  if (select auth.uid()) is not null or (select private.api_token_id()) is not null then
    new.ontvangen_op := now();
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------
-- Looking a token up before there is a session: by hash, only when not revoked.
-- ---------------------------------------------------------------------
create function public.api_token_claims(hash bytea)
returns table (token_id uuid, organisatie_id uuid, rol public.rol)
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  return query
    update public.api_tokens t
       set laatst_gebruikt_op = now()
     where t.token_hash = hash and t.ingetrokken_op is null
    returning t.id, t.organisatie_id, t.rol;
end
$$;
comment on function public.api_token_claims is 'The token (organisation, rol) for a SHA-256 hash, if not revoked; marks it used.';
revoke all on function public.api_token_claims from public;
grant execute on function public.api_token_claims to anon;

-- ---------------------------------------------------------------------
-- RLS: a provider's staff manage its tokens; nobody else sees them (not even the hash).
-- ---------------------------------------------------------------------
alter table public.api_tokens enable row level security;
grant select, insert, update on public.api_tokens to authenticated;

create policy "Provider staff see their own organisation's API tokens"
  on public.api_tokens for select to authenticated
  using ((select auth.uid()) is not null and private.heeft_rol_in(organisatie_id, 'aanbieder'));
create policy "Provider staff create API tokens for their own organisation"
  on public.api_tokens for insert to authenticated
  with check (
    (select auth.uid()) is not null and aangemaakt_door = (select auth.uid())
    and private.heeft_rol_in(organisatie_id, 'aanbieder')
  );
create policy "Provider staff rename or revoke their own organisation's API tokens"
  on public.api_tokens for update to authenticated
  using ((select auth.uid()) is not null and private.heeft_rol_in(organisatie_id, 'aanbieder'))
  with check ((select auth.uid()) is not null and private.heeft_rol_in(organisatie_id, 'aanbieder'));

-- Not "update of laatst_gebruikt_op": every API call marks its token used, which is no event.
create trigger api_tokens_log after insert or update of naam, ingetrokken_op or delete on public.api_tokens
  for each row execute function private.log_wijziging();
