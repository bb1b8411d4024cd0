import { json } from '@sveltejs/kit';
import { apiClaims, apiHandler, ApiWeigering } from '$lib/server/api';
import { hulpvraagMetMatches } from '$lib/server/hulpvragen';
import type { RequestHandler } from './$types';

/** Suitable aanbod for a hulpvraag, best first, with the score's parts and the reasons in Dutch. */
export const GET: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = await apiClaims(event);
		const gelezen = await hulpvraagMetMatches(claims, event.params.referentie);
		if (!gelezen) throw new ApiWeigering(404, 'Deze hulpvraag bestaat niet, of u mag haar niet zien.');
		const { hulpvraag, matches } = gelezen;
		return json(
			{
				referentie: hulpvraag.referentie,
				verbreed: hulpvraag.verbreed,
				matches: matches.map((m) => ({ ...m, uitleg: m.redenen.join(' · ') }))
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	});
