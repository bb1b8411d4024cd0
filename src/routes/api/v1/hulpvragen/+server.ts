import { json } from '@sveltejs/kit';
import { hulpvraagSchema } from '$lib/schemas/hulpvraag';
import { apiClaims, apiHandler, ApiWeigering, leesJson, zodWeigering } from '$lib/server/api';
import { plaatsHulpvraag } from '$lib/server/hulpvragen';
import type { RequestHandler } from './$types';

/**
 * A hulpvraag from a GI's case system (GI API token) or the app (session): the same schema as the form,
 * so the same Dutch refusals, with the offending field. See openapi.json.
 */
export const POST: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = await apiClaims(event);
		const invoer = hulpvraagSchema.safeParse(await leesJson(event.request));
		if (!invoer.success) throw zodWeigering(invoer.error);
		const u = await plaatsHulpvraag(claims, invoer.data);
		if (!u.ok) {
			const { status, bericht, veld } = u.weigering;
			throw new ApiWeigering(status, bericht, veld ? { veld } : {});
		}
		const { id, referentie } = u.waarde;
		return json(
			{ id, referentie, status: invoer.data.status, url: `${event.url.origin}/hulpvragen/${referentie}` },
			{ status: 201, headers: { location: `/api/v1/hulpvragen/${referentie}` } }
		);
	});
