-- =====================================================================
-- Voorstellen: proposing, answering, soft holds, intake and placement; brokering; the read log
-- =====================================================================
-- Every transition is a function (security definer, search_path pinned) that checks who calls it and
-- whether the step is allowed now; users cannot update voorstellen directly. Holds end by time: a hold
-- counts while verloopt_op is ahead, so nothing has to run on a timer (public.voorstel_status_nu).

-- ---------------------------------------------------------------------
-- Holds in the search projection: free places now = reported free minus holds that still run.
-- ---------------------------------------------------------------------
alter table public.aanbod_zoek add column gereserveerd_tot timestamptz[] not null default '{}';
comment on column public.aanbod_zoek.gereserveerd_tot is 'End of every running hold on this aanbod (infinity while in intake); kept by a trigger on voorstellen.';

create function public.vastgehouden(gereserveerd_tot timestamptz[], nu timestamptz) returns int
language sql immutable
as $$
  -- Most offerings hold nothing: skip the subquery for them (it runs per row of every search).
  select case when cardinality(gereserveerd_tot) = 0 then 0
              else (select count(*)::int from unnest(gereserveerd_tot) t where t > nu) end
$$;
comment on function public.vastgehouden is 'How many places running holds keep at this moment.';

create function public.vrij_nu(vrije_plaatsen int, gereserveerd_tot timestamptz[], nu timestamptz) returns int
language sql immutable
as $$
  select case when vrije_plaatsen is not null
    then greatest(0, vrije_plaatsen - public.vastgehouden(gereserveerd_tot, nu)) end
$$;
comment on function public.vrij_nu is 'Free places at this moment: the reported free places minus running holds, never below zero.';
revoke all on function public.vastgehouden, public.vrij_nu from public;
grant execute on function public.vastgehouden, public.vrij_nu to authenticated;

-- ---------------------------------------------------------------------
-- Signals: holds change availability (channel beschikbaarheid); any change of a case tells the
-- pages that show it (channel hulpvragen, identifiers only; clients re-read through RLS).
-- ---------------------------------------------------------------------
create function private.meld_hulpvragen(ids uuid[]) returns void
language plpgsql
set search_path = ''
as $$
declare
  id uuid;
begin
  foreach id in array coalesce(ids, '{}') loop
    perform pg_notify('hulpvragen', json_build_object('hulpvraag', id)::text);
  end loop;
end
$$;

create function private.voorstellen_gewijzigd() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  aanbod_ids uuid[];
begin
  aanbod_ids := array(select distinct n.aanbod_id from nieuw n);
  update public.aanbod_zoek z
     set gereserveerd_tot = array(
       select case when v.status = 'intake' then 'infinity'::timestamptz else v.verloopt_op end
         from public.voorstellen v
        where v.aanbod_id = z.aanbod_id and v.status in ('gereserveerd', 'intake')
        order by 1)
   where z.aanbod_id = any(aanbod_ids)
     and z.gereserveerd_tot is distinct from array(
       select case when v.status = 'intake' then 'infinity'::timestamptz else v.verloopt_op end
         from public.voorstellen v
        where v.aanbod_id = z.aanbod_id and v.status in ('gereserveerd', 'intake')
        order by 1);
  perform private.meld_beschikbaarheid(aanbod_ids);
  perform private.meld_hulpvragen(array(select distinct n.hulpvraag_id from nieuw n));
  return null;
end
$$;
create trigger voorstellen_nieuw_signaal after insert on public.voorstellen
  referencing new table as nieuw for each statement execute function private.voorstellen_gewijzigd();
create trigger voorstellen_gewijzigd_signaal after update on public.voorstellen
  referencing new table as nieuw for each statement execute function private.voorstellen_gewijzigd();

create function private.hulpvraag_gewijzigd() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  -- A case closed by its GI withdraws its running proposals (and so frees their holds).
  update public.voorstellen v
     set status = 'ingetrokken', bijgewerkt_op = now()
    from nieuw n
   where v.hulpvraag_id = n.id and n.status = 'ingetrokken'
     and v.status in ('voorgesteld', 'gereserveerd', 'intake');
  perform private.meld_hulpvragen(array(select n.id from nieuw n where n.status <> 'concept'));
  return null;
end
$$;
create trigger hulpvragen_nieuw_signaal after insert on public.hulpvragen
  referencing new table as nieuw for each statement execute function private.hulpvraag_gewijzigd();
create trigger hulpvragen_gewijzigd_signaal after update on public.hulpvragen
  referencing new table as nieuw for each statement execute function private.hulpvraag_gewijzigd();

create function private.escalatie_gewijzigd() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.meld_hulpvragen(array(select distinct n.hulpvraag_id from nieuw n));
  return null;
end
$$;
create trigger escalaties_nieuw_signaal after insert on public.escalaties
  referencing new table as nieuw for each statement execute function private.escalatie_gewijzigd();
create trigger escalaties_gewijzigd_signaal after update on public.escalaties
  referencing new table as nieuw for each statement execute function private.escalatie_gewijzigd();

-- ---------------------------------------------------------------------
-- The event log learns the new tables (identifiers, statuses and reasons; never free text).
-- ---------------------------------------------------------------------
create or replace function private.log_wijziging() returns trigger
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
    when 'hulpvragen' then array['referentie', 'status', 'urgentie', 'maatregel', 'gemeente_code', 'jbregio_code', 'leeftijd', 'hulpvorm_codes', 'norm_deadline', 'verbreed_op', 'uitleg_op', 'afwijzingen_na_intake']
    when 'voorstellen' then array['hulpvraag_id', 'aanbod_id', 'status', 'reden', 'verloopt_op']
    when 'escalaties' then array['hulpvraag_id', 'expertteam_id', 'afgerond_op']
    else array[]::text[]
  end;
  -- A case's update that changed none of its logged fields is no event (e.g. only updated_at).
  if tg_op = 'UPDATE' and tg_table_name in ('hulpvragen', 'voorstellen', 'escalaties') and (select bool_and(to_jsonb(new) -> k is not distinct from to_jsonb(old) -> k) from unnest(velden) k) then
    return null;
  end if;
  org := case tg_table_name
    when 'organisaties' then (rij ->> 'id')::uuid
    when 'capaciteitsmeldingen' then (select a.organisatie_id from public.aanbod a where a.id = (rij ->> 'aanbod_id')::uuid)
    when 'voorstellen' then (rij ->> 'aanbieder_id')::uuid
    when 'escalaties' then (rij ->> 'expertteam_id')::uuid
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

create trigger hulpvragen_log after insert or update or delete on public.hulpvragen
  for each row execute function private.log_wijziging();
create trigger voorstellen_log after insert or update on public.voorstellen
  for each row execute function private.log_wijziging();
create trigger escalaties_log after insert or update on public.escalaties
  for each row execute function private.log_wijziging();

-- ---------------------------------------------------------------------
-- Reading a case: returns it and logs the read when the reader is outside the posting GI.
-- ---------------------------------------------------------------------
-- Logs that the caller read these hulpvragen, for those outside their GI that the caller may see. Reads by
-- the same reader within 15 minutes are one visit (a live page re-reads on every change).
create function public.log_inzage(ids uuid[]) returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into public.gebeurtenissen (soort, organisatie_id, onderwerp_id, gegevens)
  select 'hulpvraag.ingezien', h.organisatie_id, h.id,
         jsonb_build_object('referentie', h.referentie, 'api_token', private.api_token_id())
    from public.hulpvragen h
   where h.id = any(ids)
     and h.organisatie_id not in (select private.mijn_organisaties())
     and private.mag_hulpvraag_zien(h.id)
     and not exists (
       select 1 from public.gebeurtenissen g
        where g.onderwerp_id = h.id and g.soort = 'hulpvraag.ingezien' and g.op > now() - interval '15 minutes'
          and g.actor is not distinct from (select auth.uid())
          and (g.gegevens ->> 'api_token') is not distinct from private.api_token_id()::text
     )
$$;
comment on function public.log_inzage is 'Records a read of these hulpvragen by someone outside their GI (once per reader per 15 minutes).';

create function public.hulpvraag_inzien(ref text) returns setof public.hulpvragen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  h public.hulpvragen;
begin
  select * into h from public.hulpvragen where referentie = upper(ref);
  if not found or not private.mag_hulpvraag_zien(h.id) then
    return;
  end if;
  perform public.log_inzage(array[h.id]);
  return next h;
end
$$;
comment on function public.hulpvraag_inzien is 'The hulpvraag with this reference if the caller may see it; a read from outside the posting GI is logged (once per 15 minutes per reader).';

-- ---------------------------------------------------------------------
-- Proposing: up to 3 running proposals per hulpvraag, never the same aanbod twice.
-- ---------------------------------------------------------------------
create function private.hulpvraag_voor_actie(hv uuid) returns public.hulpvragen
language plpgsql
set search_path = ''
as $$
declare
  h public.hulpvragen;
begin
  select * into h from public.hulpvragen where id = hv for update;
  if not found or not private.mag_hulpvraag_zien(hv) then
    raise exception 'Deze hulpvraag bestaat niet of u mag haar niet zien.' using errcode = 'insufficient_privilege';
  end if;
  if h.status <> 'open' then
    raise exception 'Deze hulpvraag is % en kan niet meer worden behandeld.',
      case h.status when 'concept' then 'nog niet gepubliceerd' when 'geplaatst' then 'al geplaatst' else 'ingetrokken' end
      using errcode = 'check_violation';
  end if;
  -- Write down what has expired, so the counts below and later reads agree.
  update public.voorstellen v set status = 'verlopen', bijgewerkt_op = now()
   where v.hulpvraag_id = hv and v.status in ('voorgesteld', 'gereserveerd') and v.verloopt_op <= now();
  return h;
end
$$;

create function public.voorstellen_doen(hv uuid, aanbod_ids uuid[]) returns setof public.voorstellen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  h public.hulpvragen;
  lopend int;
  kandidaat uuid;
  z public.aanbod_zoek;
begin
  h := private.hulpvraag_voor_actie(hv);
  if not (private.behandelt_hulpvraag(hv) or exists (
    select 1 from public.escalaties e where e.hulpvraag_id = hv and e.afgerond_op is null
       and private.heeft_rol_in(e.expertteam_id, 'expertteam'))) then
    raise exception 'Alleen de jeugdbeschermer, de zorgmakelaar of het expertteam kan deze hulpvraag voorstellen.'
      using errcode = 'insufficient_privilege';
  end if;
  if coalesce(cardinality(aanbod_ids), 0) = 0 then
    raise exception 'Kies minstens één aanbod om aan voor te stellen.' using errcode = 'check_violation';
  end if;
  if (select count(distinct a) from unnest(aanbod_ids) a) <> cardinality(aanbod_ids) then
    raise exception 'U hebt hetzelfde aanbod twee keer gekozen.' using errcode = 'check_violation';
  end if;
  select count(*) into lopend from public.voorstellen v
   where v.hulpvraag_id = hv and v.status in ('voorgesteld', 'gereserveerd', 'intake');
  if lopend + cardinality(aanbod_ids) > 3 then
    raise exception 'Een hulpvraag loopt bij hoogstens 3 aanbieders tegelijk; er lopen er al %.', lopend
      using errcode = 'check_violation';
  end if;
  foreach kandidaat in array aanbod_ids loop
    select * into z from public.aanbod_zoek where aanbod_id = kandidaat;
    if not found or not z.actief or not (z.hulpvorm_code = any(h.hulpvorm_codes)) then
      raise exception 'Dit aanbod bestaat niet, is niet actief of biedt niet de gevraagde hulpvorm.'
        using errcode = 'check_violation';
    end if;
    if exists (select 1 from public.voorstellen v where v.hulpvraag_id = hv and v.aanbod_id = kandidaat
                and v.status in ('afgewezen', 'afgewezen_na_intake')) then
      raise exception '% heeft deze hulpvraag al afgewezen.', z.naam using errcode = 'check_violation';
    end if;
    if exists (select 1 from public.voorstellen v where v.hulpvraag_id = hv and v.aanbod_id = kandidaat
                and v.status not in ('verlopen', 'ingetrokken')) then
      raise exception 'Deze hulpvraag is al voorgesteld aan %.', z.naam using errcode = 'check_violation';
    end if;
  end loop;
  return query
    insert into public.voorstellen (hulpvraag_id, aanbod_id, aanbieder_id, verloopt_op)
    select hv, z2.aanbod_id, z2.organisatie_id, now() + t.reactietermijn
      from unnest(aanbod_ids) a
      join public.aanbod_zoek z2 on z2.aanbod_id = a
      join public.termijnen t on t.urgentie = h.urgentie
    returning *;
end
$$;
comment on function public.voorstellen_doen is 'Proposes a hulpvraag to up to 3 aanbod at once (3 running at most), each answer due after the urgency''s reactietermijn.';

create function public.voorstel_intrekken(voorstel uuid) returns public.voorstellen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v public.voorstellen;
begin
  select * into v from public.voorstellen where id = voorstel;
  if not found or not private.behandelt_hulpvraag(v.hulpvraag_id) then
    raise exception 'Alleen de jeugdbeschermer of de zorgmakelaar kan dit voorstel intrekken.'
      using errcode = 'insufficient_privilege';
  end if;
  perform private.hulpvraag_voor_actie(v.hulpvraag_id);
  select * into v from public.voorstellen where id = voorstel for update;
  if v.status not in ('voorgesteld', 'gereserveerd', 'intake') then
    raise exception 'Dit voorstel loopt niet meer (%).', v.status using errcode = 'check_violation';
  end if;
  update public.voorstellen set status = 'ingetrokken', bijgewerkt_op = now() where id = voorstel returning * into v;
  return v;
end
$$;

-- ---------------------------------------------------------------------
-- The provider's answers
-- ---------------------------------------------------------------------
-- Locks and returns a proposal made to the caller's own organisation, after checking its case is open.
create function private.eigen_voorstel(voorstel uuid) returns public.voorstellen
language plpgsql
set search_path = ''
as $$
declare
  v public.voorstellen;
begin
  select * into v from public.voorstellen where id = voorstel;
  if not found or not private.heeft_rol_in(v.aanbieder_id, 'aanbieder') then
    raise exception 'Dit voorstel bestaat niet of is aan een andere aanbieder gedaan.'
      using errcode = 'insufficient_privilege';
  end if;
  perform private.hulpvraag_voor_actie(v.hulpvraag_id);
  select * into v from public.voorstellen where id = voorstel for update;
  return v;
end
$$;

create function public.voorstel_accepteren(voorstel uuid) returns public.voorstellen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v public.voorstellen;
  vrij int;
  duur interval;
begin
  v := private.eigen_voorstel(voorstel);
  if v.status = 'verlopen' then
    raise exception 'Dit voorstel is verlopen: de reactietermijn is voorbij.' using errcode = 'check_violation';
  end if;
  if v.status <> 'voorgesteld' then
    raise exception 'Dit voorstel is al beantwoord.' using errcode = 'check_violation';
  end if;
  -- The last free place can be held once: holds on one aanbod are made one at a time (row lock), and
  -- each counts the holds committed before it (read committed: a new snapshot per statement).
  perform 1 from public.aanbod a where a.id = v.aanbod_id for update;
  select public.vrij_nu(z.vrije_plaatsen, z.gereserveerd_tot, now()) into vrij
    from public.aanbod_zoek z where z.aanbod_id = v.aanbod_id;
  if coalesce(vrij, 0) <= 0 then
    raise exception 'Er is bij dit aanbod geen vrije plek om te reserveren. Werk uw capaciteit bij of wijs af met reden "geen plek".'
      using errcode = 'check_violation';
  end if;
  select t.reserveringsduur into duur
    from public.hulpvragen h join public.termijnen t on t.urgentie = h.urgentie where h.id = v.hulpvraag_id;
  update public.voorstellen
     set status = 'gereserveerd', beantwoord_op = now(), verloopt_op = now() + duur, bijgewerkt_op = now()
   where id = voorstel returning * into v;
  return v;
end
$$;
comment on function public.voorstel_accepteren is 'The provider accepts: one place is held (gereserveerd) for the urgency''s reserveringsduur; refused when no place is free.';

create function public.voorstel_afwijzen(voorstel uuid, afwijsreden public.afwijsreden, toelichting text default null)
returns public.voorstellen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v public.voorstellen;
begin
  v := private.eigen_voorstel(voorstel);
  if v.status not in ('voorgesteld', 'gereserveerd') then
    raise exception 'Dit voorstel kan niet meer worden afgewezen (%).', v.status using errcode = 'check_violation';
  end if;
  update public.voorstellen
     set status = 'afgewezen', reden = afwijsreden, reden_toelichting = nullif(trim(toelichting), ''),
         beantwoord_op = coalesce(beantwoord_op, now()), bijgewerkt_op = now()
   where id = voorstel returning * into v;
  return v;
end
$$;

create function public.voorstel_intake(voorstel uuid) returns public.voorstellen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v public.voorstellen;
begin
  v := private.eigen_voorstel(voorstel);
  if v.status <> 'gereserveerd' then
    raise exception 'Een intake volgt op een reservering; dit voorstel is %.', v.status using errcode = 'check_violation';
  end if;
  update public.voorstellen set status = 'intake', bijgewerkt_op = now() where id = voorstel returning * into v;
  return v;
end
$$;

create function public.voorstel_plaatsen(voorstel uuid) returns public.voorstellen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v public.voorstellen;
  z public.aanbod_zoek;
begin
  v := private.eigen_voorstel(voorstel);
  if v.status <> 'intake' then
    raise exception 'Plaatsen volgt op een intake; dit voorstel is %.', v.status using errcode = 'check_violation';
  end if;
  update public.voorstellen set status = 'geplaatst', bijgewerkt_op = now() where id = voorstel returning * into v;
  update public.voorstellen set status = 'ingetrokken', bijgewerkt_op = now()
   where hulpvraag_id = v.hulpvraag_id and id <> voorstel and status in ('voorgesteld', 'gereserveerd', 'intake');
  update public.hulpvragen set status = 'geplaatst' where id = v.hulpvraag_id;
  -- The place is taken: the capacity says one fewer free, as a report in the provider's name.
  select * into z from public.aanbod_zoek where aanbod_id = v.aanbod_id;
  insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, wachtlijst, verwachte_wachttijd_weken,
    eerstvolgende_vrij, alleen_na_overleg, notitie, gemeld_door, gemeld_via_token)
  values (v.aanbod_id, greatest(0, coalesce(z.vrije_plaatsen, 0) - 1), coalesce(z.wachtlijst, 0),
    z.verwachte_wachttijd_weken, z.eerstvolgende_vrij, coalesce(z.alleen_na_overleg, false), '',
    (select auth.uid()), private.api_token_id());
  return v;
end
$$;
comment on function public.voorstel_plaatsen is 'After intake: geplaatst closes the hulpvraag, withdraws the other proposals and records the place as taken.';

create function public.voorstel_afwijzen_na_intake(voorstel uuid, afwijsreden public.afwijsreden,
  toelichting text default null) returns public.voorstellen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v public.voorstellen;
begin
  v := private.eigen_voorstel(voorstel);
  if v.status <> 'intake' then
    raise exception 'Afwijzen na intake kan alleen tijdens de intake; dit voorstel is %.', v.status
      using errcode = 'check_violation';
  end if;
  update public.voorstellen
     set status = 'afgewezen_na_intake', reden = afwijsreden, reden_toelichting = nullif(trim(toelichting), ''),
         bijgewerkt_op = now()
   where id = voorstel returning * into v;
  update public.hulpvragen set afwijzingen_na_intake = afwijzingen_na_intake + 1 where id = v.hulpvraag_id;
  return v;
end
$$;
comment on function public.voorstel_afwijzen_na_intake is 'After intake the provider refuses: the place is released, the hulpvraag stays open and the refusal is counted.';

-- ---------------------------------------------------------------------
-- Brokering: widen by hand, escalate to the region's expertteam
-- ---------------------------------------------------------------------
create function public.hulpvraag_verbreden(hv uuid) returns public.hulpvragen
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  h public.hulpvragen;
begin
  h := private.hulpvraag_voor_actie(hv);
  if not (h.jbregio_code in (select private.mijn_jbregios('zorgmakelaar'))) then
    raise exception 'Alleen een zorgmakelaar van de regio kan de zoekruimte verbreden.' using errcode = 'insufficient_privilege';
  end if;
  update public.hulpvragen set verbreed_op = coalesce(verbreed_op, now()) where id = hv returning * into h;
  return h;
end
$$;

create function public.hulpvraag_escaleren(hv uuid, notitie text) returns public.escalaties
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  h public.hulpvragen;
  team uuid;
  e public.escalaties;
begin
  h := private.hulpvraag_voor_actie(hv);
  if not private.behandelt_hulpvraag(hv) then
    raise exception 'Alleen de jeugdbeschermer of de zorgmakelaar kan deze hulpvraag escaleren.'
      using errcode = 'insufficient_privilege';
  end if;
  if exists (select 1 from public.escalaties x where x.hulpvraag_id = hv and x.afgerond_op is null) then
    raise exception 'Deze hulpvraag ligt al bij het expertteam.' using errcode = 'check_violation';
  end if;
  select o.id into team from public.organisaties o
   where o.soort = 'expertteam' and o.jbregio_code = h.jbregio_code order by o.naam limit 1;
  if team is null then
    raise exception 'Er is geen expertteam voor deze regio ingesteld.' using errcode = 'check_violation';
  end if;
  insert into public.escalaties (hulpvraag_id, expertteam_id, notitie)
  values (hv, team, trim(notitie)) returning * into e;
  return e;
end
$$;
comment on function public.hulpvraag_escaleren is 'Escalates an open hulpvraag to the expertteam of its jeugdbeschermingsregio, with a note.';

revoke all on function private.meld_hulpvragen, private.voorstellen_gewijzigd, private.hulpvraag_gewijzigd,
  private.escalatie_gewijzigd, private.hulpvraag_voor_actie, private.eigen_voorstel from public;
revoke all on function public.log_inzage, public.hulpvraag_inzien, public.voorstellen_doen, public.voorstel_intrekken,
  public.voorstel_accepteren, public.voorstel_afwijzen, public.voorstel_intake, public.voorstel_plaatsen,
  public.voorstel_afwijzen_na_intake, public.hulpvraag_verbreden, public.hulpvraag_escaleren from public;
grant execute on function public.log_inzage, public.hulpvraag_inzien, public.voorstellen_doen, public.voorstel_intrekken,
  public.voorstel_accepteren, public.voorstel_afwijzen, public.voorstel_intake, public.voorstel_plaatsen,
  public.voorstel_afwijzen_na_intake, public.hulpvraag_verbreden, public.hulpvraag_escaleren to authenticated;
