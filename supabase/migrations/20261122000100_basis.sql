-- =====================================================================
-- Basis: schema for internal helpers, the kinds and roles, default privileges
-- =====================================================================
-- Tables live in public (Supabase exposes it, so RLS guards every one of them).
-- Helper functions live in schema private, which is never exposed through an API.

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, anon;

-- Nothing in public is readable by anon unless a migration grants it explicitly.
revoke all on all tables in schema public from anon;
alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke all on functions from anon;
alter default privileges in schema public revoke all on functions from public;

create type public.organisatie_soort as enum ('aanbieder', 'gi', 'regio', 'expertteam', 'beheer');
comment on type public.organisatie_soort is 'Kind of organisation: care provider, GI, region, expert table or platform management.';

create type public.rol as enum (
  'jeugdbeschermer',
  'gi_coordinator',
  'aanbieder',
  'zorgmakelaar',
  'expertteam',
  'regio_analist',
  'beheerder'
);
comment on type public.rol is 'What a member may do within an organisation; RLS policies are written per rol.';

create type public.telwijze as enum ('plaatsen', 'startmomenten');
comment on type public.telwijze is 'Whether a hulpvorm counts free places (verblijf) or start moments with an expected wait (ambulant).';
