-- =====================================================================
-- Hulpvragen: anonymised help requests of a GI, and who may see them
-- =====================================================================
-- A hulpvraag is anonymous by construction: a random reference (HV-7K3Q) is its only identifier, the
-- child is a gemeente, an age and an optional gender; the only free text passes the PII guard
-- (public.zonder_pii, migration 0700) in the database as well as in the app.
-- The norm clock's instants (norm_deadline, verbreden_na) are computed by the app (src/lib/domain/
-- normklok.ts) because they need the Dutch public holidays of a maintained library; the database
-- keeps them plausible and sets gepubliceerd_op itself.

create type public.maatregel as enum ('ots', 'vots', 'voogdij', 'jeugdreclassering', 'machtiging_uhp');
comment on type public.maatregel is 'The court measure: (voorlopige) ondertoezichtstelling, voogdij, jeugdreclassering, machtiging uithuisplaatsing.';
create type public.urgentie as enum ('crisis', 'hoog', 'regulier');
create type public.hulpvraag_status as enum ('concept', 'open', 'geplaatst', 'ingetrokken');
comment on type public.hulpvraag_status is 'concept (not yet visible outside the GI), open, geplaatst (closed by a placement), ingetrokken (closed by the GI).';

-- ---------------------------------------------------------------------
-- Termijnen per urgency: how long a provider has to answer and how long a hold lasts. Configurable by
-- a beheerder; the working-day windows for automatic widening live with the norm clock in the app.
-- ---------------------------------------------------------------------
create table public.termijnen (
  urgentie public.urgentie primary key,
  reactietermijn interval not null check (reactietermijn between interval '1 hour' and interval '14 days'),
  reserveringsduur interval not null check (reserveringsduur between interval '1 hour' and interval '14 days')
);
comment on table public.termijnen is 'Per urgency: the time a provider has to answer a proposal, and how long an accepted proposal holds a place.';
insert into public.termijnen (urgentie, reactietermijn, reserveringsduur) values
  ('crisis', interval '4 hours', interval '12 hours'),
  ('hoog', interval '48 hours', interval '48 hours'),
  ('regulier', interval '5 days', interval '48 hours');

alter table public.termijnen enable row level security;
grant select, update on public.termijnen to authenticated;
create policy "Signed-in users can read the termijnen"
  on public.termijnen for select to authenticated using (true);
create policy "Beheerders can change the termijnen"
  on public.termijnen for update to authenticated
  using ((select private.is_beheerder())) with check ((select private.is_beheerder()));

-- ---------------------------------------------------------------------
-- The reference: HV- and four characters without look-alikes (no 0/O, 1/I).
-- ---------------------------------------------------------------------
create function private.nieuwe_referentie() returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  tekens constant text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  kandidaat text;
begin
  loop
    kandidaat := 'HV-' || (
      select string_agg(substr(tekens, 1 + floor(random() * length(tekens))::int, 1), '')
        from generate_series(1, 4)
    );
    exit when not exists (select 1 from public.hulpvragen h where h.referentie = kandidaat);
  end loop;
  return kandidaat;
end
$$;
comment on function private.nieuwe_referentie is 'A random, unused hulpvraag reference HV-XXXX (32^4 ≈ 1 million).';

create table public.hulpvragen (
  id uuid primary key default gen_random_uuid(),
  referentie text not null unique check (referentie ~ '^HV-[2-9A-HJ-NP-Z]{4}$'),
  organisatie_id uuid not null references public.organisaties (id) on delete restrict,
  aangemaakt_door uuid references auth.users (id) on delete set null default auth.uid(),
  -- Where the child lives, to the gemeente only; the regions follow from it (trigger).
  gemeente_code text not null references public.gemeenten (code),
  jeugdregio_code text not null references public.jeugdregios (code),
  jbregio_code text not null references public.jeugdbeschermingsregios (code),
  leeftijd int not null check (leeftijd between 0 and 23),
  geslacht public.geslacht,
  maatregel public.maatregel not null,
  maatregel_datum date not null,
  urgentie public.urgentie not null,
  hulpvorm_codes text[] not null check (cardinality(hulpvorm_codes) between 1 and 3),
  tags text[] not null default '{}' check (cardinality(tags) <= 10),
  max_afstand_km int not null default 50 check (max_afstand_km between 5 and 300),
  toelichting text not null default '' check (length(toelichting) <= 500 and public.zonder_pii(toelichting)),
  status public.hulpvraag_status not null default 'concept',
  gepubliceerd_op timestamptz,
  norm_deadline timestamptz,
  verbreden_na timestamptz,
  -- Widened by hand by a zorgmakelaar (automatic widening follows from verbreden_na).
  verbreed_op timestamptz,
  -- Comply or explain: why the norm was not met.
  uitleg_overschrijding text check (
    uitleg_overschrijding is null
    or (length(trim(uitleg_overschrijding)) between 10 and 1000 and public.zonder_pii(uitleg_overschrijding))
  ),
  uitleg_op timestamptz,
  afwijzingen_na_intake int not null default 0 check (afwijzingen_na_intake >= 0),
  gesloten_op timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'concept' or num_nonnulls(gepubliceerd_op, norm_deadline, verbreden_na) = 3),
  check ((status in ('geplaatst', 'ingetrokken')) = (gesloten_op is not null)),
  check ((uitleg_overschrijding is null) = (uitleg_op is null)),
  check (norm_deadline is null or norm_deadline <= maatregel_datum + interval '3 months 10 days'),
  check (verbreden_na is null or verbreden_na <= gepubliceerd_op + interval '14 days')
);
comment on table public.hulpvragen is 'Anonymised help requests: gemeente, age, measure, urgency, needed hulpvormen; never a name, BSN, address or birth date.';
alter table public.hulpvragen alter column referentie set default private.nieuwe_referentie();
create index hulpvragen_organisatie_idx on public.hulpvragen (organisatie_id, status);
create index hulpvragen_regio_idx on public.hulpvragen (jbregio_code, status, norm_deadline);

create function private.check_hulpvraag() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  onbekend text;
begin
  select c into onbekend from unnest(new.hulpvorm_codes) c
   where not exists (select 1 from public.hulpvormen h where h.code = c and h.actief) limit 1;
  if onbekend is not null then
    raise exception 'Onbekende hulpvorm: %.', onbekend using errcode = 'foreign_key_violation';
  end if;
  if (select count(distinct c) from unnest(new.hulpvorm_codes) c) <> cardinality(new.hulpvorm_codes) then
    raise exception 'Kies elke hulpvorm één keer.' using errcode = 'check_violation';
  end if;
  if exists (select 1 from unnest(new.tags) t where t !~ '^[a-z_]{2,40}$') then
    raise exception 'Onbekend kenmerk.' using errcode = 'check_violation';
  end if;
  select g.jeugdregio_code, j.jbregio_code into new.jeugdregio_code, new.jbregio_code
    from public.gemeenten g join public.jeugdregios j on j.code = g.jeugdregio_code
   where g.code = new.gemeente_code;
  if not found then
    raise exception 'Onbekende gemeente: %.', new.gemeente_code using errcode = 'foreign_key_violation';
  end if;

  if tg_op = 'INSERT' or new.maatregel_datum is distinct from old.maatregel_datum then
    if new.maatregel_datum > (now() at time zone 'Europe/Amsterdam')::date then
      raise exception 'De datum van de maatregel kan niet in de toekomst liggen.' using errcode = 'check_violation';
    end if;
    if new.maatregel_datum < (now() at time zone 'Europe/Amsterdam')::date - interval '5 years' then
      raise exception 'De datum van de maatregel ligt meer dan vijf jaar terug.' using errcode = 'check_violation';
    end if;
  end if;

  -- Users change a hulpvraag only within the rules below; the functions further on (security definer,
  -- so not running as "authenticated") make the transitions of proposals, placement and brokering.
  if tg_op = 'UPDATE' and current_user = 'authenticated' then
    if old.status in ('geplaatst', 'ingetrokken') then
      raise exception 'Deze hulpvraag is gesloten en kan niet meer worden gewijzigd.' using errcode = 'check_violation';
    end if;
    if old.status = 'open' and (
      (to_jsonb(new) - array['status', 'uitleg_overschrijding', 'uitleg_op', 'updated_at', 'gesloten_op'])
        is distinct from (to_jsonb(old) - array['status', 'uitleg_overschrijding', 'uitleg_op', 'updated_at', 'gesloten_op'])
      or new.status not in ('open', 'ingetrokken')
    ) then
      raise exception 'Een gepubliceerde hulpvraag kan alleen worden ingetrokken of van een uitleg worden voorzien.'
        using errcode = 'check_violation';
    end if;
    if old.uitleg_op is not null and new.uitleg_overschrijding is distinct from old.uitleg_overschrijding then
      raise exception 'De uitleg bij de overschrijding is al vastgelegd.' using errcode = 'check_violation';
    end if;
    if new.uitleg_overschrijding is not null and old.uitleg_overschrijding is null
      and (old.norm_deadline is null or old.norm_deadline > now()) then
      raise exception 'Een uitleg hoort bij een hulpvraag die over de normtermijn is.' using errcode = 'check_violation';
    end if;
  end if;
  if new.uitleg_overschrijding is not null and new.uitleg_op is null then
    new.uitleg_op := now();
  end if;
  if new.status = 'concept' and tg_op = 'UPDATE' and old.status <> 'concept' then
    raise exception 'Een gepubliceerde hulpvraag kan niet terug naar concept.' using errcode = 'check_violation';
  end if;
  -- Publishing: the database says when (a seed without a user may load history).
  if new.status <> 'concept' and (tg_op = 'INSERT' or old.status = 'concept')
    and ((select auth.uid()) is not null or private.api_token_id() is not null or new.gepubliceerd_op is null) then
    new.gepubliceerd_op := now();
  end if;
  if new.status in ('geplaatst', 'ingetrokken') and new.gesloten_op is null then
    new.gesloten_op := now();
  end if;
  new.updated_at := now();
  return new;
end
$$;
comment on function private.check_hulpvraag is 'Trigger: hulpvormen exist, regions follow the gemeente, the measure date is not ahead, and a published hulpvraag changes only by the rules.';
create trigger hulpvragen_check before insert or update on public.hulpvragen
  for each row execute function private.check_hulpvraag();

-- ---------------------------------------------------------------------
-- Escalaties to the regional expertteam (Regionale ExpertTafel)
-- ---------------------------------------------------------------------
create table public.escalaties (
  id uuid primary key default gen_random_uuid(),
  hulpvraag_id uuid not null references public.hulpvragen (id) on delete cascade,
  expertteam_id uuid not null references public.organisaties (id) on delete restrict,
  geescaleerd_door uuid references auth.users (id) on delete set null default auth.uid(),
  geescaleerd_op timestamptz not null default now(),
  notitie text not null check (length(trim(notitie)) between 5 and 1000 and public.zonder_pii(notitie)),
  advies text check (advies is null or (length(advies) <= 2000 and public.zonder_pii(advies))),
  uitkomst text check (uitkomst is null or (length(uitkomst) <= 1000 and public.zonder_pii(uitkomst))),
  afgerond_op timestamptz,
  check (afgerond_op is null or uitkomst is not null)
);
comment on table public.escalaties is 'A hulpvraag escalated to the regional expertteam, with its advice and outcome.';
create unique index escalaties_een_lopende_idx on public.escalaties (hulpvraag_id) where afgerond_op is null;
create index escalaties_expertteam_idx on public.escalaties (expertteam_id, afgerond_op);

-- ---------------------------------------------------------------------
-- Voorstellen: hulpvraag × aanbod, changed only by the functions in the next migration
-- ---------------------------------------------------------------------
create type public.voorstel_status as enum (
  'voorgesteld', 'gereserveerd', 'intake', 'geplaatst', 'afgewezen', 'afgewezen_na_intake', 'verlopen', 'ingetrokken'
);
create type public.afwijsreden as enum ('geen_plek', 'past_niet_bij_doelgroep', 'contra_indicatie', 'regio_contract', 'anders');

create table public.voorstellen (
  id uuid primary key default gen_random_uuid(),
  hulpvraag_id uuid not null references public.hulpvragen (id) on delete cascade,
  aanbod_id uuid not null references public.aanbod (id) on delete restrict,
  -- The provider of the aanbod, kept here so RLS and the provider's inbox need no join.
  aanbieder_id uuid not null references public.organisaties (id) on delete cascade,
  status public.voorstel_status not null default 'voorgesteld',
  voorgesteld_door uuid references auth.users (id) on delete set null default auth.uid(),
  voorgesteld_op timestamptz not null default now(),
  -- While voorgesteld: the answer is due; while gereserveerd: the hold ends. Later states keep the last.
  verloopt_op timestamptz not null,
  beantwoord_op timestamptz,
  reden public.afwijsreden,
  reden_toelichting text check (
    reden_toelichting is null or (length(reden_toelichting) <= 280 and public.zonder_pii(reden_toelichting))
  ),
  bijgewerkt_op timestamptz not null default now(),
  check ((status in ('afgewezen', 'afgewezen_na_intake')) = (reden is not null)),
  check (reden is distinct from 'anders' or length(trim(coalesce(reden_toelichting, ''))) >= 3)
);
comment on table public.voorstellen is 'A hulpvraag proposed to an aanbod: voorgesteld → gereserveerd (soft hold) → intake → geplaatst, or afgewezen / verlopen / ingetrokken.';
-- One live proposal per hulpvraag and aanbod (an expired or withdrawn one may be made again; a refusal
-- keeps the aanbod out of the matches, see public.match_aanbod).
create unique index voorstellen_een_per_aanbod_idx on public.voorstellen (hulpvraag_id, aanbod_id)
  where status not in ('verlopen', 'ingetrokken');
create index voorstellen_aanbieder_idx on public.voorstellen (aanbieder_id, status);
create index voorstellen_aanbod_idx on public.voorstellen (aanbod_id) where status in ('gereserveerd', 'intake');

-- The status as of `nu`: an open proposal or hold past its time has expired, whether or not a
-- function has written that down yet (nothing has to run on a timer for a hold to end).
create function public.voorstel_status_nu(status public.voorstel_status, verloopt_op timestamptz, nu timestamptz)
returns public.voorstel_status
language sql immutable
as $$
  select case when status in ('voorgesteld', 'gereserveerd') and verloopt_op <= nu
    then 'verlopen'::public.voorstel_status else status end
$$;
comment on function public.voorstel_status_nu is 'A proposal''s status at a moment: voorgesteld or gereserveerd past verloopt_op is verlopen.';

-- ---------------------------------------------------------------------
-- Who may see a hulpvraag (DESIGN.md §5): the posting GI; the zorgmakelaars of its
-- jeugdbeschermingsregio once published; a provider once proposed to it; the expertteam it was
-- escalated to. Region analysts and beheerders see figures, never cases.
-- ---------------------------------------------------------------------
create function private.mijn_jbregios(gevraagd public.rol) returns setof text
language sql stable security definer
set search_path = ''
as $$
  select o.jbregio_code from public.organisaties o
   where o.id in (select private.mijn_organisaties()) and o.jbregio_code is not null
     and private.heeft_rol_in(o.id, gevraagd)
$$;
comment on function private.mijn_jbregios is 'The jeugdbeschermingsregio''s the signed-in user works for in this rol.';

create function private.mag_hulpvraag_zien(hv uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.hulpvragen h
     where h.id = hv and (
       h.organisatie_id in (select private.mijn_organisaties())
       or (h.status <> 'concept' and (
         h.jbregio_code in (select private.mijn_jbregios('zorgmakelaar'))
         or exists (select 1 from public.voorstellen v
                     where v.hulpvraag_id = h.id and private.heeft_rol_in(v.aanbieder_id, 'aanbieder'))
         or exists (select 1 from public.escalaties e
                     where e.hulpvraag_id = h.id and private.heeft_rol_in(e.expertteam_id, 'expertteam'))
       ))
     )
  )
$$;
comment on function private.mag_hulpvraag_zien is 'Whether the signed-in user may see this hulpvraag (posting GI, broker of its region, provider proposed to, expertteam escalated to).';

-- Whether the user acts for the case itself: its GI, or a broker of its region.
create function private.behandelt_hulpvraag(hv uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.hulpvragen h
     where h.id = hv and (
       private.heeft_rol_in(h.organisatie_id, 'jeugdbeschermer')
       or private.heeft_rol_in(h.organisatie_id, 'gi_coordinator')
       or (h.status <> 'concept' and h.jbregio_code in (select private.mijn_jbregios('zorgmakelaar')))
     )
  )
$$;
comment on function private.behandelt_hulpvraag is 'Whether the signed-in user works this hulpvraag: a jeugdbeschermer or coordinator of its GI, or a zorgmakelaar of its region.';

revoke all on function private.nieuwe_referentie, private.check_hulpvraag, private.mijn_jbregios,
  private.mag_hulpvraag_zien, private.behandelt_hulpvraag from public;
grant execute on function private.nieuwe_referentie, private.mijn_jbregios, private.mag_hulpvraag_zien,
  private.behandelt_hulpvraag to authenticated;
revoke all on function public.voorstel_status_nu from public;
grant execute on function public.voorstel_status_nu to authenticated;

-- ---------------------------------------------------------------------
-- RLS: hulpvragen (GI members write their own; the rest reads as above)
-- ---------------------------------------------------------------------
alter table public.hulpvragen enable row level security;
grant select, insert, update, delete on public.hulpvragen to authenticated;

create policy "The GI, the region's brokers, providers proposed to and the expertteam see a hulpvraag"
  on public.hulpvragen for select to authenticated
  using (
    organisatie_id in (select private.mijn_organisaties())
    or (status <> 'concept' and jbregio_code in (select private.mijn_jbregios('zorgmakelaar')))
    or ((select private.heeft_rol('aanbieder') or private.heeft_rol('expertteam'))
        and private.mag_hulpvraag_zien(id))
  );
create policy "Jeugdbeschermers and coordinators post hulpvragen for their own GI, as themselves"
  on public.hulpvragen for insert to authenticated
  with check (
    (private.heeft_rol_in(organisatie_id, 'jeugdbeschermer') or private.heeft_rol_in(organisatie_id, 'gi_coordinator'))
    and aangemaakt_door is not distinct from (select auth.uid())
  );
create policy "Jeugdbeschermers and coordinators update their own GI's hulpvragen"
  on public.hulpvragen for update to authenticated
  using (private.heeft_rol_in(organisatie_id, 'jeugdbeschermer') or private.heeft_rol_in(organisatie_id, 'gi_coordinator'))
  with check (private.heeft_rol_in(organisatie_id, 'jeugdbeschermer') or private.heeft_rol_in(organisatie_id, 'gi_coordinator'));
create policy "Jeugdbeschermers and coordinators delete their own GI's concepts"
  on public.hulpvragen for delete to authenticated
  using (
    status = 'concept'
    and (private.heeft_rol_in(organisatie_id, 'jeugdbeschermer') or private.heeft_rol_in(organisatie_id, 'gi_coordinator'))
  );

-- ---------------------------------------------------------------------
-- RLS: voorstellen (read only; the functions write)
-- ---------------------------------------------------------------------
alter table public.voorstellen enable row level security;
grant select on public.voorstellen to authenticated;
create policy "The case's GI and brokers, the provider proposed to and the expertteam see proposals"
  on public.voorstellen for select to authenticated
  using (
    aanbieder_id in (select private.mijn_organisaties())
    or private.behandelt_hulpvraag(hulpvraag_id)
    or ((select private.heeft_rol('expertteam')) and private.mag_hulpvraag_zien(hulpvraag_id))
  );

-- ---------------------------------------------------------------------
-- RLS: escalaties (read by those who see the case; the expertteam records advice and outcome)
-- ---------------------------------------------------------------------
alter table public.escalaties enable row level security;
grant select, update on public.escalaties to authenticated;
create policy "The case's GI and brokers and the expertteam see escalations"
  on public.escalaties for select to authenticated
  using (private.heeft_rol_in(expertteam_id, 'expertteam') or private.behandelt_hulpvraag(hulpvraag_id));
create policy "The expertteam records advice and outcome of its escalations"
  on public.escalaties for update to authenticated
  using (private.heeft_rol_in(expertteam_id, 'expertteam'))
  with check (private.heeft_rol_in(expertteam_id, 'expertteam'));

create function private.check_escalatie_wijziging() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.hulpvraag_id, new.expertteam_id, new.geescaleerd_door, new.geescaleerd_op, new.notitie)
     is distinct from (old.hulpvraag_id, old.expertteam_id, old.geescaleerd_door, old.geescaleerd_op, old.notitie)
     and current_user = 'authenticated' then
    raise exception 'Alleen het advies en de uitkomst van een escalatie kunnen worden vastgelegd.'
      using errcode = 'check_violation';
  end if;
  if old.afgerond_op is not null and current_user = 'authenticated' then
    raise exception 'Deze escalatie is afgerond.' using errcode = 'check_violation';
  end if;
  return new;
end
$$;
revoke all on function private.check_escalatie_wijziging from public;
create trigger escalaties_wijziging before update on public.escalaties
  for each row execute function private.check_escalatie_wijziging();
