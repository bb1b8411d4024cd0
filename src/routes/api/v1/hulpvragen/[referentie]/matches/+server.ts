import { json } from '@sveltejs/kit';
import { apiClaims, apiHandler, ApiWeigering } from '$lib/server/api';
import { leesHulpvraag, matches } from '$lib/server/hulpvragen';
import type { RequestHandler } from './$types';

/** Suitable aanbod for a hulpvraag, best first, with the score's parts and the reasons in Dutch. */
export const GET: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = await apiClaims(event);
		const hulpvraag = await leesHulpvraag(claims, event.params.referentie);
		if (!hulpvraag) throw new ApiWeigering(404, 'Deze hulpvraag bestaat niet, of u mag haar niet zien.');
		const lijst = await matches(claims, hulpvraag.id);
		return json(
			{
				referentie: hulpvraag.referentie,
				verbreed: hulpvraag.verbreed,
				matches: lijst.map((m) => ({ ...m, uitleg: m.redenen.join(' · ') }))
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	});
