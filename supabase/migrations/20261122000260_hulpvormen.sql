-- =====================================================================
-- Hulpvormen: the kinds of help, each mapped to an iJw productcategorie
-- =====================================================================

create table public.hulpvormen (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{2,40}$'),
  naam text not null unique,
  omschrijving text not null default '',
  -- iJw productcategorie (Jeugdwet berichtenverkeer): 43 verblijf incl. behandeling, 44 verblijf excl.
  -- behandeling, 45 ambulant, 46 crisis, 54 jeugd-GGZ.
  ijw_productcategorie text not null check (ijw_productcategorie ~ '^[0-9]{2}$'),
  -- Verblijf counts free places; ambulant help counts start moments (expected wait in weeks).
  telwijze public.telwijze not null,
  volgorde int not null default 100,
  actief boolean not null default true
);
comment on table public.hulpvormen is 'Kinds of help (crisisplek, gezinshuis, jeugd-GGZ, …); telwijze says places or start moments.';

insert into public.hulpvormen (code, naam, omschrijving, ijw_productcategorie, telwijze, volgorde) values
  ('crisisplek', 'Crisisplek', 'Crisis- en noodopvang, direct of binnen 24 uur.', '46', 'plaatsen', 10),
  ('gezinshuis', 'Gezinshuis', 'Wonen in een gezin met professionele gezinshuisouders.', '44', 'plaatsen', 20),
  ('pleegzorg', 'Pleegzorg', 'Verblijf in een pleeggezin, kortdurend of langdurig.', '44', 'plaatsen', 30),
  ('behandelgroep', 'Behandelgroep / 24-uursplek', 'Residentiële behandeling in een leefgroep.', '43', 'plaatsen', 40),
  ('kleinschalig_wonen', 'Kleinschalige woonvoorziening', 'Wonen in een kleine groep met begeleiding.', '44', 'plaatsen', 50),
  ('gesloten_jeugdhulp', 'Gesloten jeugdhulp (JeugdzorgPlus)', 'Verblijf met een machtiging gesloten jeugdhulp.', '43', 'plaatsen', 60),
  ('kamertraining', 'Kamertraining', 'Zelfstandig leren wonen met begeleiding, meestal vanaf 16 jaar.', '44', 'plaatsen', 70),
  ('gezinsopname', 'Gezinsopname / gezinsbehandeling', 'Het hele gezin verblijft tijdelijk voor behandeling.', '43', 'plaatsen', 80),
  ('intensieve_ambulante_gezinsbehandeling', 'Intensieve ambulante gezinsbehandeling', 'Intensieve hulp thuis om uithuisplaatsing te voorkomen.', '45', 'startmomenten', 90),
  ('jeugd_ggz_ambulant', 'Jeugd-GGZ ambulant', 'Diagnostiek en behandeling zonder verblijf.', '54', 'startmomenten', 100),
  ('jeugd_ggz_klinisch', 'Jeugd-GGZ klinisch', 'Opname in een jeugd-GGZ-kliniek.', '54', 'plaatsen', 110),
  ('jeugd_fact', 'Jeugd-FACT', 'Flexibele assertieve outreachende behandeling voor jongeren met ernstige problemen.', '54', 'startmomenten', 120),
  ('forensische_jeugd_ggz', 'Forensische jeugd-GGZ', 'Behandeling bij delictgedrag, ook in een justitieel kader.', '54', 'startmomenten', 130),
  ('traumabehandeling', 'Traumabehandeling', 'Behandeling van trauma (bijv. EMDR, TF-CGT).', '54', 'startmomenten', 140),
  ('systeembehandeling', 'Systeembehandeling', 'Behandeling van het gezinssysteem.', '45', 'startmomenten', 150),
  ('ouderschapsbemiddeling', 'Ouderschapsbemiddeling', 'Bemiddeling tussen ouders bij (v)echtscheiding.', '45', 'startmomenten', 160),
  ('begeleide_omgang', 'Begeleide omgang', 'Omgang tussen kind en ouder onder begeleiding.', '45', 'startmomenten', 170),
  ('lvb_specialistisch', 'LVB-specialistische hulp', 'Hulp voor jeugdigen met een licht verstandelijke beperking.', '45', 'startmomenten', 180);

alter table public.hulpvormen enable row level security;
grant select, insert, update, delete on public.hulpvormen to authenticated;

create policy "Signed-in users can read hulpvormen"
  on public.hulpvormen for select to authenticated using (true);
create policy "Beheerders can add hulpvormen"
  on public.hulpvormen for insert to authenticated with check ((select private.is_beheerder()));
create policy "Beheerders can update hulpvormen"
  on public.hulpvormen for update to authenticated
  using ((select private.is_beheerder())) with check ((select private.is_beheerder()));
create policy "Beheerders can delete hulpvormen"
  on public.hulpvormen for delete to authenticated using ((select private.is_beheerder()));
