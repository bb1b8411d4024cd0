-- =====================================================================
-- Web push: subscriptions per user and device, and the queue of pushes to send
-- =====================================================================
-- A push says only that something waits ("Nieuw voorstel — open de app"): the queue holds who, what kind
-- and an app path, never a case field, so a lock screen or a push service learns nothing about a child.
-- Triggers queue an event once per person (a unique key per event); the server's sender (src/lib/server/
-- push) listens on channel 'push', sends, and removes subscriptions the push service says are gone.
-- Only people with at least one subscription get rows: everyone else has the in-app inbox ("Voor u").

-- ---------------------------------------------------------------------
-- Subscriptions: one per browser (endpoint) and user
-- ---------------------------------------------------------------------
create table public.push_abonnementen (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  -- The push service's capability URL for this browser. Browsers give https only; the app refuses hosts
  -- that are not a push service's name (see src/lib/schemas/push.ts).
  endpoint text not null unique check (
    length(endpoint) between 12 and 1000 and endpoint ~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[!-~]*$'
  ),
  -- The browser's P-256 public key (65 bytes, uncompressed) and auth secret (16 bytes), base64url.
  p256dh text not null check (p256dh ~ '^B[A-Za-z0-9_-]{86}$'),
  auth text not null check (auth ~ '^[A-Za-z0-9_-]{22}$'),
  -- A label such as "Chrome op Android", derived from the browser: letters and spaces, no free text.
  apparaat text not null default '' check (length(apparaat) <= 80 and apparaat ~ '^[A-Za-z ]*$'),
  aangemaakt_op timestamptz not null default now(),
  laatst_gebruikt_op timestamptz
);
comment on table public.push_abonnementen is 'Web push subscriptions: one per browser (endpoint) of a user who turned push on there.';
create index push_abonnementen_user_idx on public.push_abonnementen (user_id);

alter table public.push_abonnementen enable row level security;
grant select, insert, delete on public.push_abonnementen to authenticated;
create policy "Users see their own push subscriptions"
  on public.push_abonnementen for select to authenticated
  using (user_id = (select auth.uid()));
create policy "Users add push subscriptions for themselves"
  on public.push_abonnementen for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "Users remove their own push subscriptions"
  on public.push_abonnementen for delete to authenticated
  using (user_id = (select auth.uid()));

-- A browser has one endpoint per site. When someone else subscribed on this browser before (a shared
-- phone), the browser now pushes for whoever turned push on last: that row is not theirs to delete under
-- RLS, hence this function.
create function public.push_abonneren(eindpunt text, sleutel_p256dh text, sleutel_auth text, apparaat_label text)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ik uuid := (select auth.uid());
  id_ uuid;
begin
  if ik is null then
    raise exception 'Meld u aan om meldingen aan te zetten.' using errcode = 'insufficient_privilege';
  end if;
  update public.push_abonnementen
     set p256dh = sleutel_p256dh, auth = sleutel_auth, apparaat = apparaat_label
   where endpoint = eindpunt and user_id = ik
  returning id into id_;
  if id_ is not null then
    return id_;
  end if;
  delete from public.push_abonnementen where endpoint = eindpunt;
  if (select count(*) from public.push_abonnementen a where a.user_id = ik) >= 10 then
    raise exception 'U hebt meldingen al aan op 10 apparaten. Zet ze eerst uit op een apparaat dat u niet meer gebruikt.'
      using errcode = 'check_violation';
  end if;
  insert into public.push_abonnementen (user_id, endpoint, p256dh, auth, apparaat)
  values (ik, eindpunt, sleutel_p256dh, sleutel_auth, apparaat_label)
  returning id into id_;
  return id_;
end
$$;
comment on function public.push_abonneren is 'Turns push on for the signed-in user on this browser (endpoint); takes the endpoint over from whoever had it before; at most 10 devices.';

-- ---------------------------------------------------------------------
-- The queue (private: only the server's sender, as the owner, reads it)
-- ---------------------------------------------------------------------
create table private.push_berichten (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  soort text not null check (soort in ('nieuw_voorstel', 'antwoord', 'hold_verloopt', 'escalatie', 'norm_verlopen', 'test')),
  -- The event, e.g. voorstel:<id>:gereserveerd: one push per person per event.
  sleutel text not null check (length(sleutel) between 3 and 200),
  -- Where the notification opens: an app path without identifiers (no digits), e.g. /inbox.
  url text not null check (url ~ '^/[a-z-]*(/[a-z-]+)*$' and length(url) <= 100),
  aangemaakt_op timestamptz not null default now(),
  -- Retries after a push service failed (5xx, 429, no answer), with back-off.
  volgende_poging timestamptz not null default now(),
  pogingen int not null default 0 check (pogingen >= 0),
  -- A sender working on the row holds it until then (several servers may share one database).
  geclaimd_tot timestamptz,
  -- Subscriptions that have it already, so a retry does not push twice to the same device.
  afgeleverd_aan uuid[] not null default '{}',
  verstuurd_op timestamptz,
  uitkomst text check (uitkomst in ('afgeleverd', 'geen_apparaat', 'opgegeven')),
  unique (user_id, sleutel),
  check ((verstuurd_op is null) = (uitkomst is null))
);
comment on table private.push_berichten is 'Pushes to send: who, what kind, where the notification opens; never a case field. Sent rows are kept 30 days (they keep events from pushing twice).';
create index push_berichten_wachtend_idx on private.push_berichten (volgende_poging) where verstuurd_op is null;
-- No policies: only the owner (the server's sender) reads and writes the queue.
alter table private.push_berichten enable row level security;

create function private.push_gewekt() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify('push', '');
  return null;
end
$$;
comment on function private.push_gewekt is 'Trigger: wakes the server''s push sender (channel push) when rows are queued.';
create trigger push_berichten_gewekt after insert on private.push_berichten
  for each statement execute function private.push_gewekt();

-- Queues one push for each of these users who has a device with push on; an event already queued for a
-- person is skipped. Returns how many rows it added.
create function private.push_in_wachtrij(ontvangers uuid[], bericht_soort text, bericht_sleutel text, bericht_url text)
returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  aantal int;
begin
  insert into private.push_berichten (user_id, soort, sleutel, url)
  select distinct o, bericht_soort, bericht_sleutel, bericht_url
    from unnest(coalesce(ontvangers, '{}')) o
   where o is not null and exists (select 1 from public.push_abonnementen a where a.user_id = o)
  on conflict do nothing;
  get diagnostics aantal = row_count;
  return aantal;
end
$$;
comment on function private.push_in_wachtrij is 'Queues a push of this kind for each user with push on, once per user and event key.';

-- The people who work a case at its GI: the jeugdbeschermer (or coordinator) who posted it while still
-- at that GI; otherwise (posted through an API token, or the poster left) every jeugdbeschermer there.
create function private.push_behandelaars(hv uuid) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  with maker as (
    select h.aangemaakt_door as user_id
      from public.hulpvragen h
     where h.id = hv and exists (
       select 1 from public.leden l
        where l.user_id = h.aangemaakt_door and l.organisatie_id = h.organisatie_id
          and l.rol in ('jeugdbeschermer', 'gi_coordinator'))
  )
  select user_id from maker
  union
  select l.user_id
    from public.hulpvragen h join public.leden l on l.organisatie_id = h.organisatie_id and l.rol = 'jeugdbeschermer'
   where h.id = hv and not exists (select 1 from maker)
$$;
comment on function private.push_behandelaars is 'Who at the GI gets pushes about a case: its poster while still there, else the GI''s jeugdbeschermers.';

-- ---------------------------------------------------------------------
-- Events that push
-- ---------------------------------------------------------------------
create function private.push_bij_voorstel() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    -- A new proposal: everyone at the provider who answers proposals.
    if new.status = 'voorgesteld' and new.verloopt_op > now() then
      perform private.push_in_wachtrij(
        array(select l.user_id from public.leden l where l.organisatie_id = new.aanbieder_id and l.rol = 'aanbieder'),
        'nieuw_voorstel', 'voorstel:' || new.id || ':nieuw', '/voorstellen');
    end if;
  elsif new.status in ('gereserveerd', 'afgewezen', 'intake', 'geplaatst', 'afgewezen_na_intake') then
    -- The provider answered (only its own functions make these steps): the case's jeugdbeschermer.
    perform private.push_in_wachtrij(
      array(select private.push_behandelaars(new.hulpvraag_id)),
      'antwoord', 'voorstel:' || new.id || ':' || new.status, '/inbox');
  end if;
  return null;
end
$$;
comment on function private.push_bij_voorstel is 'Trigger: a new proposal pushes to the provider''s staff; the provider''s answer to the case''s jeugdbeschermer.';
create trigger voorstellen_push_nieuw after insert on public.voorstellen
  for each row execute function private.push_bij_voorstel();
create trigger voorstellen_push_antwoord after update of status on public.voorstellen
  for each row when (old.status is distinct from new.status) execute function private.push_bij_voorstel();

create function private.push_bij_escalatie() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.afgerond_op is null then
    perform private.push_in_wachtrij(
      array(select l.user_id from public.leden l where l.organisatie_id = new.expertteam_id and l.rol = 'expertteam'),
      'escalatie', 'escalatie:' || new.id, '/expertteam');
  end if;
  return null;
end
$$;
comment on function private.push_bij_escalatie is 'Trigger: a new escalation pushes to the members of the region''s expertteam.';
create trigger escalaties_push after insert on public.escalaties
  for each row execute function private.push_bij_escalatie();

-- What time brings, run by the sender every minute: holds that end within 2 hours (to the case's
-- jeugdbeschermer) and open cases past their norm deadline (to the region's zorgmakelaars). The deadline
-- is hulpvragen.norm_deadline, which the app computes once when publishing (working days, holidays).
-- Norms passed more than 7 days ago are left to the inbox, so sent rows can be cleared after 30 days
-- without a case pushing again.
create function private.push_tijdgebonden(nu timestamptz default now()) returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  r record;
  aantal int := 0;
begin
  for r in
    select v.id, v.hulpvraag_id
      from public.voorstellen v join public.hulpvragen h on h.id = v.hulpvraag_id
     where v.status = 'gereserveerd' and v.verloopt_op > nu and v.verloopt_op <= nu + interval '2 hours'
       and h.status = 'open'
  loop
    aantal := aantal + private.push_in_wachtrij(
      array(select private.push_behandelaars(r.hulpvraag_id)),
      'hold_verloopt', 'voorstel:' || r.id || ':hold_verloopt', '/inbox');
  end loop;
  for r in
    select h.id, h.jbregio_code
      from public.hulpvragen h
     where h.status = 'open' and h.norm_deadline <= nu and h.norm_deadline > nu - interval '7 days'
  loop
    aantal := aantal + private.push_in_wachtrij(
      array(select l.user_id from public.leden l join public.organisaties o on o.id = l.organisatie_id
             where o.soort = 'regio' and o.jbregio_code = r.jbregio_code and l.rol = 'zorgmakelaar'),
      'norm_verlopen', 'hulpvraag:' || r.id || ':norm_verlopen', '/inbox');
  end loop;
  delete from private.push_berichten where verstuurd_op < nu - interval '30 days';
  return aantal;
end
$$;
comment on function private.push_tijdgebonden is 'Queues pushes for holds ending within 2 hours and norms passed (within 7 days) as of nu; clears sent rows older than 30 days.';

-- A harmless push to check that push works on the user's devices: at most one per minute.
create function public.push_testmelding() returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  ik uuid := (select auth.uid());
begin
  if ik is null then
    raise exception 'Meld u aan om een testmelding te sturen.' using errcode = 'insufficient_privilege';
  end if;
  if not exists (select 1 from public.push_abonnementen a where a.user_id = ik) then
    return 'geen_apparaat';
  end if;
  if private.push_in_wachtrij(array[ik], 'test',
       'test:' || to_char(now() at time zone 'UTC', 'YYYYMMDDHH24MI'), '/instellingen') = 0 then
    return 'al_gevraagd';
  end if;
  return 'in_wachtrij';
end
$$;
comment on function public.push_testmelding is 'Queues a test push for the signed-in user (one per minute): in_wachtrij, al_gevraagd or geen_apparaat.';

revoke all on function private.push_gewekt, private.push_in_wachtrij, private.push_behandelaars,
  private.push_bij_voorstel, private.push_bij_escalatie, private.push_tijdgebonden from public;
revoke all on function public.push_abonneren, public.push_testmelding from public;
grant execute on function public.push_abonneren, public.push_testmelding to authenticated;
