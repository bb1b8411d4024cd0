-- =====================================================================
-- Aanmelden (embedded sign-in): password check with a rate limit on failures
-- =====================================================================
-- Supabase mode signs in through Supabase Auth instead; this function is then unused but harmless.
-- The server calls it as role anon, which can do nothing else in the database.

create table private.aanmeldpogingen (
  id bigint generated always as identity primary key,
  email text not null,
  bron text not null,
  op timestamptz not null default now()
);
comment on table private.aanmeldpogingen is 'Failed sign-ins per e-mail and source, for the rate limit; cleared on success.';
create index aanmeldpogingen_email_idx on private.aanmeldpogingen (email, op);
create index aanmeldpogingen_bron_idx on private.aanmeldpogingen (bron, op);
alter table private.aanmeldpogingen enable row level security;
revoke all on private.aanmeldpogingen from public, anon, authenticated;

create function public.aanmelden(p_email text, p_wachtwoord text, p_bron text)
returns table (user_id uuid, status text, wacht_seconden int)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  sleutel text := lower(trim(p_email));
  venster interval := interval '15 minutes';
  max_per_email int := 5;
  max_per_bron int := 20;
  mislukt_email int;
  mislukt_bron int;
  oudste timestamptz;
  gevonden uuid;
begin
  delete from private.aanmeldpogingen where op < now() - venster;
  select count(*), min(op) into mislukt_email, oudste
    from private.aanmeldpogingen where email = sleutel;
  select count(*) into mislukt_bron from private.aanmeldpogingen where bron = p_bron;
  if mislukt_email >= max_per_email or mislukt_bron >= max_per_bron then
    return query select null::uuid, 'geblokkeerd'::text,
      greatest(1, ceil(extract(epoch from (coalesce(oudste, now()) + venster - now())))::int);
    return;
  end if;

  select u.id into gevonden from auth.users u
  where lower(u.email) = sleutel
    and u.deleted_at is null
    and (u.banned_until is null or u.banned_until < now())
    and u.encrypted_password is not null
    and u.encrypted_password = extensions.crypt(p_wachtwoord, u.encrypted_password);

  if gevonden is null then
    insert into private.aanmeldpogingen (email, bron) values (sleutel, p_bron);
    return query select null::uuid, 'onjuist'::text, 0;
    return;
  end if;

  delete from private.aanmeldpogingen where email = sleutel;
  update auth.users set last_sign_in_at = now() where id = gevonden;
  return query select gevonden, 'ok'::text, 0;
end
$$;
comment on function public.aanmelden is 'Embedded sign-in: checks the bcrypt hash; after 5 failures per e-mail (or 20 per source) in 15 minutes it refuses for the rest of the window.';
revoke all on function public.aanmelden from public;
grant execute on function public.aanmelden to anon;

-- The signed-in user's own memberships, for the session (leden RLS already limits rows; this adds names).
create function public.mijn_profiel()
returns table (user_id uuid, email text, organisatie_id uuid, organisatie_naam text,
  organisatie_soort public.organisatie_soort, jbregio_code text, rol public.rol)
language sql stable security definer
set search_path = ''
as $$
  select u.id, u.email::text, o.id, o.naam, o.soort, o.jbregio_code, l.rol
  from auth.users u
  join public.leden l on l.user_id = u.id
  join public.organisaties o on o.id = l.organisatie_id
  where u.id = (select auth.uid())
  order by l.created_at
$$;
comment on function public.mijn_profiel is 'The signed-in user''s e-mail and memberships (organisation and rol), for the session.';
revoke all on function public.mijn_profiel from public;
grant execute on function public.mijn_profiel to authenticated;
