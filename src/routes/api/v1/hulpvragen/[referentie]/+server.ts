import { json } from '@sveltejs/kit';
import { apiClaims, apiHandler, ApiWeigering } from '$lib/server/api';
import { leesHulpvraag, voorstellenVan } from '$lib/server/hulpvragen';
import type { RequestHandler } from './$types';

/** One hulpvraag with its proposals, as far as the caller may see it (a read from outside the GI is logged). */
export const GET: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = await apiClaims(event);
		const hulpvraag = await leesHulpvraag(claims, event.params.referentie);
		if (!hulpvraag) throw new ApiWeigering(404, 'Deze hulpvraag bestaat niet, of u mag haar niet zien.');
		const voorstellen = await voorstellenVan(claims, hulpvraag.id);
		return json(
			{ ...hulpvraag, voorstellen: voorstellen.map(({ hulpvraagId, referentie, ...v }) => v) },
			{ headers: { 'cache-control': 'no-store' } }
		);
	});
