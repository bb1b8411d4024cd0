-- Bootstrap: only what Supabase already provides and a plain Postgres (or PGlite) lacks.
-- Idempotent; skipped piece by piece where the object exists, so it is harmless on Supabase too.
-- The migrations in supabase/migrations/ never depend on anything defined only here.

-- =====================================================================
-- Roles (Supabase: anon, authenticated, service_role)
-- =====================================================================
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit;
    -- In its own block: an exception undoes the whole block it is caught in, which must not take the
    -- roles created above with it.
    begin
      alter role service_role bypassrls;
    exception when insufficient_privilege then
      -- A non-superuser owner cannot grant bypassrls; service_role then follows RLS, which is stricter.
      null;
    end;
  end if;
end
$$;

-- The connecting role must be able to `set local role` to these.
do $$
begin
  if not pg_has_role(current_user, 'anon', 'member') then
    execute format('grant anon to %I', current_user);
  end if;
  if not pg_has_role(current_user, 'authenticated', 'member') then
    execute format('grant authenticated to %I', current_user);
  end if;
  if not pg_has_role(current_user, 'service_role', 'member') then
    execute format('grant service_role to %I', current_user);
  end if;
end
$$;

-- =====================================================================
-- Schema extensions (Supabase keeps extensions there)
-- =====================================================================
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;

-- =====================================================================
-- Schema auth: users shaped as Supabase keeps them, and the claim helpers.
-- Only where auth.users is missing: on Supabase these belong to supabase_auth_admin and must not be touched.
-- =====================================================================
do $bootstrap$
begin
  if to_regclass('auth.users') is not null then
    return;
  end if;

  create schema if not exists auth;
  grant usage on schema auth to anon, authenticated, service_role;

  create table auth.users (
    instance_id uuid,
    id uuid primary key default gen_random_uuid(),
    aud varchar(255) default 'authenticated',
    role varchar(255) default 'authenticated',
    email varchar(255) unique,
    encrypted_password varchar(255),
    email_confirmed_at timestamptz,
    last_sign_in_at timestamptz,
    raw_app_meta_data jsonb default '{}'::jsonb,
    raw_user_meta_data jsonb default '{}'::jsonb,
    is_sso_user boolean not null default false,
    banned_until timestamptz,
    created_at timestamptz default now(),
    updated_at timestamptz default now(),
    deleted_at timestamptz
  );
  revoke all on auth.users from anon, authenticated;

  -- As Supabase defines them: claims come from the transaction-local setting request.jwt.claims.
  -- nullif(…, '') because the setting reads '' (not NULL) once a transaction that set it has ended.
  create function auth.jwt() returns jsonb
  language sql stable
  as $f$
    select coalesce(
      nullif(current_setting('request.jwt.claim', true), ''),
      nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
  $f$;

  create function auth.uid() returns uuid
  language sql stable
  as $f$
    select coalesce(
      nullif(current_setting('request.jwt.claim.sub', true), ''),
      (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
    )::uuid
  $f$;

  create function auth.role() returns text
  language sql stable
  as $f$
    select coalesce(
      nullif(current_setting('request.jwt.claim.role', true), ''),
      (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
    )::text
  $f$;

  grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;
end
$bootstrap$;
