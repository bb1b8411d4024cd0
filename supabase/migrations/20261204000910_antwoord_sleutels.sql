-- =====================================================================
-- Antwoorden met een idempotentiesleutel: a provider's answer, made offline, is processed once
-- =====================================================================
-- The app's outbox sends an answer to a proposal (accept, decline, intake, placed, decline after intake)
-- when the device is online again, and may send it twice (a lost reply, two tabs). Each send carries an
-- idempotency key: the first runs the transition of migration 0810 and records the key with the
-- resulting status in the same transaction; a replay finds the key and gets that result back without
-- running anything again. An answer that no longer fits the proposal (it expired or was withdrawn while
-- the device was offline, or was answered otherwise) is refused with a Dutch sentence saying so.

-- ---------------------------------------------------------------------
-- The keys: written only by public.voorstel_beantwoorden (security definer)
-- ---------------------------------------------------------------------
create table public.antwoord_sleutels (
  idempotentie_sleutel uuid primary key,
  voorstel_id uuid not null references public.voorstellen (id) on delete cascade,
  -- The provider answered for, kept so RLS needs no join.
  aanbieder_id uuid not null references public.organisaties (id) on delete cascade,
  soort text not null check (soort in ('accepteren', 'afwijzen', 'intake', 'plaatsen', 'afwijzen_na_intake')),
  -- The proposal's status right after this answer: what a replay gets back.
  status public.voorstel_status not null,
  -- Who answered: a person, or an organisation's API token. A replay must come from the same one.
  door uuid references auth.users (id) on delete set null,
  via_token uuid references public.api_tokens (id) on delete set null,
  -- When the answer was made on the device (never later than it arrived).
  gedaan_op timestamptz,
  verwerkt_op timestamptz not null default now()
);
comment on table public.antwoord_sleutels is 'One row per processed provider answer sent with an idempotency key: a replay of the key returns this result instead of answering again.';
create index antwoord_sleutels_voorstel_idx on public.antwoord_sleutels (voorstel_id);

alter table public.antwoord_sleutels enable row level security;
revoke all on public.antwoord_sleutels from anon, authenticated;
grant select on public.antwoord_sleutels to authenticated;
create policy "Providers see the answer keys of proposals made to their own organisation"
  on public.antwoord_sleutels for select to authenticated
  using (aanbieder_id in (select private.mijn_organisaties()));

-- ---------------------------------------------------------------------
-- The answer, once
-- ---------------------------------------------------------------------
create type public.antwoord_uitkomst as (status public.voorstel_status, herhaald boolean);
comment on type public.antwoord_uitkomst is 'What public.voorstel_beantwoorden returns: the proposal''s status after the answer, and whether this was a replay.';

-- The words of src/lib/domain/hulpvraag.ts (voorstelStatusLabels), for the refusals below.
create function private.voorstel_status_tekst(s public.voorstel_status) returns text
language sql immutable
set search_path = ''
as $$
  select case s
    when 'voorgesteld' then 'Wacht op antwoord'
    when 'gereserveerd' then 'Plek gereserveerd'
    when 'intake' then 'Intake'
    when 'geplaatst' then 'Geplaatst'
    when 'afgewezen' then 'Afgewezen'
    when 'afgewezen_na_intake' then 'Afgewezen na intake'
    when 'verlopen' then 'Verlopen'
    when 'ingetrokken' then 'Ingetrokken'
  end
$$;
comment on function private.voorstel_status_tekst is 'A proposal status as a person reads it (as voorstelStatusLabels in the app).';

create function public.voorstel_beantwoorden(
  voorstel uuid,
  antwoord text,
  afwijsreden public.afwijsreden default null,
  toelichting text default null,
  sleutel uuid default null,
  gedaan_op timestamptz default null
) returns public.antwoord_uitkomst
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v public.voorstellen;
  zaak public.hulpvraag_status;
  eerder public.antwoord_sleutels;
  nu public.voorstel_status;
  past boolean;
  -- A device clock ahead of ours does not date an answer in the future.
  gedaan timestamptz := case when gedaan_op is not null then least(gedaan_op, now()) end;
  na public.voorstellen;
begin
  if antwoord is null or antwoord not in ('accepteren', 'afwijzen', 'intake', 'plaatsen', 'afwijzen_na_intake') then
    raise exception 'Onbekend antwoord: kies accepteren, afwijzen, intake, plaatsen of afwijzen_na_intake.'
      using errcode = 'check_violation';
  end if;
  select * into v from public.voorstellen where id = voorstel;
  -- Someone else's proposal reads as an unknown one: its existence is not for them to learn.
  if not found or not private.heeft_rol_in(v.aanbieder_id, 'aanbieder') then
    raise exception 'Dit voorstel bestaat niet of is aan een andere aanbieder gedaan.' using errcode = 'no_data_found';
  end if;

  if sleutel is not null then
    -- Two sends of one key at once: the second waits here until the first commits, then finds its key
    -- (read committed: the next statement sees what committed meanwhile).
    perform pg_advisory_xact_lock(hashtextextended('antwoord_sleutel:' || sleutel::text, 0));
    select * into eerder from public.antwoord_sleutels s where s.idempotentie_sleutel = sleutel;
    if found then
      if eerder.voorstel_id = voorstel and eerder.soort = antwoord
         and eerder.door is not distinct from (select auth.uid())
         and eerder.via_token is not distinct from private.api_token_id() then
        return row(eerder.status, true)::public.antwoord_uitkomst;
      end if;
      raise exception 'Deze idempotentiesleutel is al gebruikt voor een ander antwoord. Stuur dit antwoord met een nieuwe sleutel.'
        using errcode = 'object_not_in_prerequisite_state';
    end if;
  end if;

  -- Lock as the transitions do (the case, then the proposal), so what is checked here still holds below.
  select h.status into zaak from public.hulpvragen h where h.id = v.hulpvraag_id for update;
  select * into v from public.voorstellen where id = voorstel for update;
  nu := public.voorstel_status_nu(v.status, v.verloopt_op, now());
  past := case antwoord
    when 'accepteren' then nu = 'voorgesteld'
    when 'afwijzen' then nu in ('voorgesteld', 'gereserveerd')
    when 'intake' then nu = 'gereserveerd'
    else nu = 'intake'
  end;
  if not past then
    if nu = 'verlopen' then
      raise exception '%', (case when v.beantwoord_op is not null then 'De reservering van dit voorstel is verlopen'
                                 else 'Dit voorstel is verlopen' end)
        || (case when gedaan < v.verloopt_op then ' terwijl u offline was; uw antwoord is niet verwerkt.'
                 else ': de termijn is voorbij. Uw antwoord is niet verwerkt.' end)
        using errcode = 'object_not_in_prerequisite_state';
    elsif nu = 'ingetrokken' then
      raise exception '%', case zaak
          when 'geplaatst' then 'Dit voorstel is ingetrokken: het kind is bij een andere aanbieder geplaatst. Uw antwoord is niet verwerkt.'
          when 'ingetrokken' then 'Dit voorstel is ingetrokken: de hulpvraag is niet meer nodig. Uw antwoord is niet verwerkt.'
          else 'Dit voorstel is ingetrokken door de jeugdbeschermer of de zorgmakelaar; uw antwoord is niet verwerkt.'
        end
        using errcode = 'object_not_in_prerequisite_state';
    else
      raise exception '%', (case when v.beantwoord_op is not null then 'Dit voorstel is al beantwoord en staat nu op "'
                                 else 'Dit voorstel staat op "' end)
        || private.voorstel_status_tekst(nu) || '"; uw antwoord is niet verwerkt.'
        using errcode = 'object_not_in_prerequisite_state';
    end if;
  end if;

  if antwoord = 'accepteren' then
    na := public.voorstel_accepteren(voorstel);
  elsif antwoord = 'afwijzen' then
    na := public.voorstel_afwijzen(voorstel, afwijsreden, toelichting);
  elsif antwoord = 'intake' then
    na := public.voorstel_intake(voorstel);
  elsif antwoord = 'plaatsen' then
    na := public.voorstel_plaatsen(voorstel);
  else
    na := public.voorstel_afwijzen_na_intake(voorstel, afwijsreden, toelichting);
  end if;

  -- In the transition's transaction: a crash records both or neither.
  if sleutel is not null then
    insert into public.antwoord_sleutels (idempotentie_sleutel, voorstel_id, aanbieder_id, soort, status, door,
      via_token, gedaan_op)
    values (sleutel, voorstel, na.aanbieder_id, antwoord, na.status, (select auth.uid()), private.api_token_id(), gedaan);
  end if;
  return row(na.status, false)::public.antwoord_uitkomst;
end
$$;
comment on function public.voorstel_beantwoorden is 'A provider''s answer to a proposal made to its organisation, processed at most once per idempotency key (a replay returns the first result); refused with a Dutch sentence when the proposal no longer takes this answer.';

revoke all on function private.voorstel_status_tekst from public;
revoke all on function public.voorstel_beantwoorden from public;
grant execute on function public.voorstel_beantwoorden to authenticated;
