-- =====================================================================
-- API tokens for GIs: a case system posts hulpvragen as a jeugdbeschermer of its GI
-- =====================================================================
-- A token acts with one rol of its organisation: a provider's as aanbieder (migration 0610), a GI's as
-- jeugdbeschermer. GI coordinators manage their GI's tokens the way provider staff manage theirs.

alter table public.api_tokens drop constraint api_tokens_rol_check;
alter table public.api_tokens add constraint api_tokens_rol_check check (rol in ('aanbieder', 'jeugdbeschermer'));

create function private.check_api_token_rol() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  s public.organisatie_soort;
begin
  select o.soort into s from public.organisaties o where o.id = new.organisatie_id;
  if not private.rol_past_bij_soort(new.rol, s) then
    raise exception 'Een API-token van een organisatie van soort % kan niet de rol % hebben.', s, new.rol
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
revoke all on function private.check_api_token_rol from public;
create trigger api_tokens_rol_past before insert on public.api_tokens
  for each row execute function private.check_api_token_rol();

create policy "GI coordinators see their own GI's API tokens"
  on public.api_tokens for select to authenticated
  using ((select auth.uid()) is not null and private.heeft_rol_in(organisatie_id, 'gi_coordinator'));
create policy "GI coordinators create jeugdbeschermer tokens for their own GI"
  on public.api_tokens for insert to authenticated
  with check (
    (select auth.uid()) is not null and aangemaakt_door = (select auth.uid())
    and rol = 'jeugdbeschermer' and private.heeft_rol_in(organisatie_id, 'gi_coordinator')
  );
create policy "GI coordinators rename or revoke their own GI's API tokens"
  on public.api_tokens for update to authenticated
  using ((select auth.uid()) is not null and private.heeft_rol_in(organisatie_id, 'gi_coordinator'))
  with check ((select auth.uid()) is not null and private.heeft_rol_in(organisatie_id, 'gi_coordinator'));
