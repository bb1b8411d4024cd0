-- =====================================================================
-- An offering's total capacity cannot drop below the free places reported for it now
-- =====================================================================
-- The capacity report already refuses more free places than the total; without this, lowering the
-- total afterwards would leave a state of "5 of 3 free" for searchers.

create function private.check_capaciteit_niet_onder_vrij() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  vrij int;
begin
  select z.vrije_plaatsen into vrij from public.aanbod_zoek z where z.aanbod_id = new.id;
  if vrij is not null and new.capaciteit_totaal < vrij then
    raise exception 'De capaciteit (%) is lager dan het aantal vrije plaatsen dat nu gemeld is (%). Meld eerst de nieuwe vrije plaatsen.',
      new.capaciteit_totaal, vrij
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
comment on function private.check_capaciteit_niet_onder_vrij is 'Trigger: the total capacity of an offering stays at least its currently reported free places.';
revoke all on function private.check_capaciteit_niet_onder_vrij from public;

create trigger aanbod_capaciteit_niet_onder_vrij before update of capaciteit_totaal on public.aanbod
  for each row execute function private.check_capaciteit_niet_onder_vrij();
