// Plain module (no $lib imports) so `npm run bench` measures the very same query as the app.

/** Ranked matches of hulpvraag $1 (at most $2), with the score's parts; see public.match_aanbod. */
export const MATCH_SQL = `select aanbod_id as "aanbodId", naam, organisatie, locatie, gemeente, hulpvorm_code as "hulpvormCode",
	       afstand_km::float8 as "afstandKm", vrij, wachttijd_weken as "wachttijdWeken", status, gemeld_op as "gemeldOp",
	       gecontracteerd, bovenregionaal, jeugdregio, gedeelde_tags as "gedeeldeTags", verbreed,
	       voorstel_id as "voorstelId", voorstel_status::text as "voorstelStatus", score,
	       json_build_object('beschikbaar', score_beschikbaar, 'afstand', score_afstand,
	                         'kenmerken', score_kenmerken, 'versheid', score_versheid) as onderdelen
	  from public.match_aanbod($1, now(), $2)`;
