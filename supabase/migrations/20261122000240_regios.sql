-- =====================================================================
-- Regio's: jeugdbeschermingsregio's, jeugdregio's, gemeenten, pc4 (data in the next migration)
-- =====================================================================
-- A child is placed in a gemeente, never at an address; locations are known to PC4 only.

create table public.jeugdbeschermingsregios (
  code text primary key check (code ~ '^JB[0-9]{2}$'),
  naam text not null unique
);
comment on table public.jeugdbeschermingsregios is 'The 11 youth-protection regions the inspectorates report on (own codes JB01–JB11).';

create table public.jeugdregios (
  code text primary key check (code ~ '^JZ[0-9]{2}$'),
  naam text not null unique,
  jbregio_code text not null references public.jeugdbeschermingsregios (code)
);
comment on table public.jeugdregios is 'The 42 CBS jeugdregio''s (JZxx), each in one jeugdbeschermingsregio.';

create table public.gemeenten (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  naam text not null,
  provincie text not null,
  jeugdregio_code text not null references public.jeugdregios (code),
  lat double precision not null check (lat between 50.5 and 53.7),
  lon double precision not null check (lon between 3.2 and 7.3)
);
comment on table public.gemeenten is 'CBS gemeenten 2025 with an area centroid; the place a child lives in, never an address.';
create index gemeenten_jeugdregio_idx on public.gemeenten (jeugdregio_code);

create table public.pc4 (
  pc4 text primary key check (pc4 ~ '^[1-9][0-9]{3}$'),
  gemeente_code text not null references public.gemeenten (code),
  woonplaats text,
  lat double precision not null check (lat between 50.5 and 53.7),
  lon double precision not null check (lon between 3.2 and 7.3)
);
comment on table public.pc4 is 'Four-digit postcode areas with an address-weighted point: the finest location the app keeps.';
create index pc4_gemeente_idx on public.pc4 (gemeente_code);

alter table public.organisaties
  add constraint organisaties_jbregio_fk foreign key (jbregio_code) references public.jeugdbeschermingsregios (code);

-- ---------------------------------------------------------------------
-- RLS: reference data is readable by every signed-in user and maintained by beheerders.
-- ---------------------------------------------------------------------
alter table public.jeugdbeschermingsregios enable row level security;
alter table public.jeugdregios enable row level security;
alter table public.gemeenten enable row level security;
alter table public.pc4 enable row level security;
grant select, insert, update, delete on public.jeugdbeschermingsregios, public.jeugdregios, public.gemeenten,
  public.pc4 to authenticated;

create policy "Signed-in users can read jeugdbeschermingsregio's"
  on public.jeugdbeschermingsregios for select to authenticated using (true);
create policy "Beheerders can add jeugdbeschermingsregio's"
  on public.jeugdbeschermingsregios for insert to authenticated with check ((select private.is_beheerder()));
create policy "Beheerders can update jeugdbeschermingsregio's"
  on public.jeugdbeschermingsregios for update to authenticated
  using ((select private.is_beheerder())) with check ((select private.is_beheerder()));
create policy "Beheerders can delete jeugdbeschermingsregio's"
  on public.jeugdbeschermingsregios for delete to authenticated using ((select private.is_beheerder()));

create policy "Signed-in users can read jeugdregio's"
  on public.jeugdregios for select to authenticated using (true);
create policy "Beheerders can add jeugdregio's"
  on public.jeugdregios for insert to authenticated with check ((select private.is_beheerder()));
create policy "Beheerders can update jeugdregio's"
  on public.jeugdregios for update to authenticated
  using ((select private.is_beheerder())) with check ((select private.is_beheerder()));
create policy "Beheerders can delete jeugdregio's"
  on public.jeugdregios for delete to authenticated using ((select private.is_beheerder()));

create policy "Signed-in users can read gemeenten"
  on public.gemeenten for select to authenticated using (true);
create policy "Beheerders can add gemeenten"
  on public.gemeenten for insert to authenticated with check ((select private.is_beheerder()));
create policy "Beheerders can update gemeenten"
  on public.gemeenten for update to authenticated
  using ((select private.is_beheerder())) with check ((select private.is_beheerder()));
create policy "Beheerders can delete gemeenten"
  on public.gemeenten for delete to authenticated using ((select private.is_beheerder()));

create policy "Signed-in users can read pc4 areas"
  on public.pc4 for select to authenticated using (true);
create policy "Beheerders can add pc4 areas"
  on public.pc4 for insert to authenticated with check ((select private.is_beheerder()));
create policy "Beheerders can update pc4 areas"
  on public.pc4 for update to authenticated
  using ((select private.is_beheerder())) with check ((select private.is_beheerder()));
create policy "Beheerders can delete pc4 areas"
  on public.pc4 for delete to authenticated using ((select private.is_beheerder()));
