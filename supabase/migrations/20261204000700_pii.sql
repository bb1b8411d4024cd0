-- =====================================================================
-- PII guard: free text holds no BSN, e-mail address, phone number, postcode, date or IBAN
-- =====================================================================
-- DESIGN: no name, BSN, address, birth date, phone number or e-mail address of a child or family is
-- stored. Forms and the JSON API refuse such free text with a message (src/lib/domain/pii.ts); these
-- functions are the same detectors in the database, for a check constraint on every free-text column
-- (check (public.zonder_pii(kolom))), so nothing slips past a client that skips the form.
-- Keep both in step: the same patterns, the same order, the same checks (11-proef, 10 digits, IBAN
-- mod 97), the same resolution of overlaps (the earlier start wins, then the longer match, then the
-- earlier detector). supabase/tests/pii.test.ts runs the shared battery through both.
-- The patterns avoid \m, \M and \y (their idea of a word character follows the locale) and spell the
-- boundaries out as ASCII classes; regexp_count and regexp_instr (Postgres 15+) find each match with
-- its position, as JavaScript's matchAll does, the lookbehinds seeing the text before it.

create function public.pii_soorten(tekst text) returns text[]
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  d record;
  k record;
  aantal int;
  m_van int;
  m_tot int;
  stuk text;
  cijfers text;
  geldig boolean;
  som int;
  rest int;
  waarde int;
  iban text;
  k_van int[] := '{}';
  k_tot int[] := '{}';
  k_nr int[] := '{}';
  k_soort text[] := '{}';
  gevonden text[] := '{}';
  bezet_tot int := 0;
begin
  if tekst is null or tekst = '' then
    return '{}';
  end if;
  for d in
    select *
      from (values
      (1, 'bsn', '', 'elfproef',
       '(?<![0-9]|[0-9][.,])(?:[0-9]{9}|[0-9]{3}[. ][0-9]{3}[. ][0-9]{3}|[0-9]{4}[. ][0-9]{2}[. ][0-9]{3})(?![0-9]|[.,][0-9])'),
      (2, 'email', '', null,
       '[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])'),
      (3, 'telefoon', '', null,
       '(?<![0-9+]|[0-9][-./])(?!0[1-9][-./](?:0?[1-9]|1[0-2])[-./][0-9]{4}(?![0-9]))0[1-9](?:(?: ?[-.] ?| )?[0-9]){8}(?![0-9])'),
      (4, 'telefoon', '', 'tien_cijfers',
       '(?<![0-9A-Za-z])\(0[1-9][0-9]{0,2}\) ?[0-9](?:(?: ?[-.] ?| )?[0-9]){4,7}(?![0-9])'),
      (5, 'telefoon', '', null,
       '(?<![0-9+]|[0-9][-./])0[89]0[0-9](?:(?: ?[-.] ?| )?[0-9]){4}(?:(?:(?: ?[-.] ?| )?[0-9]){3})?(?![0-9])'),
      (6, 'telefoon', '', null,
       '(?<![0-9A-Za-z+])(?:\+|00)31(?: ?[-.] ?| )?(?:\(0\) ?)?[1-9](?:(?: ?[-.] ?| )?[0-9]){8}(?![0-9])'),
      (7, 'postcode', '', null,
       '(?<![0-9A-Za-z]|[0-9][.,])[1-9][0-9]{3}(?: ?(?!S[ADS])[A-Z]{2}|(?!en|of|is|in|op|om|te|er|na|al|nu|zo|ze|we|je|ik|de|ca|km|kg|mg|ml|cm|mm|dl|cl|pp|st|nr|wk|ma|di|wo|do|vr|za|am|pm|s[ads])[a-z]{2}| (?!en|of|is|in|op|om|te|er|na|al|nu|zo|ze|we|je|ik|de|ca|km|kg|mg|ml|cm|mm|dl|cl|pp|st|nr|wk|ma|di|wo|do|vr|za|am|pm|s[ads])[a-z]{2}(?=,? ?(?:nr\.? ?|nummer ?)?[0-9]))(?![A-Za-z])'),
      (8, 'datum', '', null,
       '(?<![0-9]|[0-9][-./])(?:0?[1-9]|[12][0-9]|3[01])([-./])(?:0?[1-9]|1[0-2])\1(?:[0-9]{4}|''?[0-9]{2})(?![0-9])'),
      (9, 'datum', '', null,
       '(?<![0-9]|[0-9][-./])[12][0-9]{3}([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])'),
      (10, 'datum', 'i', null,
       '(?<![0-9A-Za-z])(?:0?[1-9]|[12][0-9]|3[01])[ -]?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|maa|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?(?![A-Za-z])(?:[ -](?:[12][0-9]{3}|''[0-9]{2})(?![0-9]))?'),
      (11, 'iban', '', 'mod97',
       '(?<![0-9A-Za-z])[A-Za-z]{2}[0-9]{2} ?[A-Za-z0-9]{4}(?: ?[0-9][A-Za-z0-9]{3}){1,6}(?: ?[0-9][A-Za-z0-9]{0,2})?(?![0-9A-Za-z])')
      ) as v(nr, soort, vlaggen, controle, patroon)
     order by v.nr
  loop
    aantal := regexp_count(tekst, d.patroon, 1, d.vlaggen);
    for i in 1 .. aantal loop
      m_van := regexp_instr(tekst, d.patroon, 1, i, 0, d.vlaggen);
      m_tot := regexp_instr(tekst, d.patroon, 1, i, 1, d.vlaggen);
      stuk := substr(tekst, m_van, m_tot - m_van);
      cijfers := regexp_replace(stuk, '[^0-9]', '', 'g');
      geldig := true;
      if d.controle = 'elfproef' then
        -- 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11, and not all zeros.
        som := -substr(cijfers, 9, 1)::int;
        for j in 1 .. 8 loop
          som := som + (10 - j) * substr(cijfers, j, 1)::int;
        end loop;
        geldig := length(cijfers) = 9 and cijfers <> '000000000' and som % 11 = 0;
      elsif d.controle = 'tien_cijfers' then
        geldig := length(cijfers) = 10;
      elsif d.controle = 'mod97' then
        -- ISO 13616: the first 4 characters moved to the end, letters as 10-35, the number mod 97 is 1;
        -- digit by digit (a letter is two), as in the TypeScript.
        iban := upper(replace(stuk, ' ', ''));
        geldig := length(iban) between 15 and 34;
        if geldig then
          iban := substr(iban, 5) || substr(iban, 1, 4);
          rest := 0;
          for j in 1 .. length(iban) loop
            waarde := case when substr(iban, j, 1) between '0' and '9' then substr(iban, j, 1)::int
                           else ascii(substr(iban, j, 1)) - 55 end;
            rest := (rest * case when waarde > 9 then 100 else 10 end + waarde) % 97;
          end loop;
          geldig := rest = 1;
        end if;
      end if;
      if geldig then
        k_van := k_van || m_van;
        k_tot := k_tot || m_tot;
        k_nr := k_nr || d.nr;
        k_soort := k_soort || d.soort;
      end if;
    end loop;
  end loop;

  -- No overlaps: by start, then the longer match, then the earlier detector; a match that starts inside
  -- one already kept is dropped.
  for k in
    select *
      from unnest(k_van, k_tot, k_nr, k_soort) as u(van, tot, nr, soort)
     order by u.van, u.tot - u.van desc, u.nr
  loop
    if k.van >= bezet_tot then
      gevonden := gevonden || k.soort;
      bezet_tot := k.tot;
    end if;
  end loop;

  return array(
    select l.soort
      from unnest(array['bsn', 'email', 'telefoon', 'postcode', 'datum', 'iban']) with ordinality as l(soort, nr)
     where l.soort = any(gevonden)
     order by l.nr
  );
end
$$;
comment on function public.pii_soorten is 'The kinds of personal data in free text (bsn, email, telefoon, postcode, datum, iban), distinct and in that order; empty for clean text or null. Mirrors piiSoorten in src/lib/domain/pii.ts.';

create function public.zonder_pii(tekst text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select cardinality(public.pii_soorten(tekst)) = 0
$$;
comment on function public.zonder_pii is 'Whether free text holds none of the personal data public.pii_soorten finds: for check constraints on free-text columns.';

-- Signed-in users may ask (a form can check before it saves); anon gets no function but sign-in and
-- the API-token lookup (see supabase/tests/migrations.test.ts).
revoke all on function public.pii_soorten(text), public.zonder_pii(text) from public;
grant execute on function public.pii_soorten(text), public.zonder_pii(text) to authenticated;
