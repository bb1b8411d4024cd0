import { json } from '@sveltejs/kit';
import { antwoordVerzoekSchema } from '$lib/schemas/hulpvraag';
import { z } from '$lib/schemas/zod';
import { apiClaims, apiHandler, ApiWeigering, leesJson, zodWeigering } from '$lib/server/api';
import { beantwoord } from '$lib/server/hulpvragen';
import type { RequestHandler } from './$types';

/**
 * A provider's answer to a proposal, from the app's offline outbox (session) or a planning system (API
 * token). Exactly once per idempotentieSleutel: a replay gets the first result back. See openapi.json.
 */
export const POST: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = await apiClaims(event);
		const voorstelId = event.params.id;
		if (!z.uuid().safeParse(voorstelId).success) {
			throw new ApiWeigering(404, 'Dit voorstel bestaat niet of is aan een andere aanbieder gedaan.');
		}
		const invoer = antwoordVerzoekSchema.safeParse(await leesJson(event.request));
		if (!invoer.success) throw zodWeigering(invoer.error);
		const { antwoord, gedaanOp, idempotentieSleutel } = invoer.data;
		const u = await beantwoord(claims, voorstelId, antwoord, { sleutel: idempotentieSleutel, gedaanOp });
		if (!u.ok) {
			const { status, bericht, veld } = u.weigering;
			throw new ApiWeigering(status, bericht, veld ? { veld } : {});
		}
		// 201 for a replay too, with herhaald: the outbox gets the answer the first send would have had.
		return json(
			{ voorstelId, soort: antwoord.soort, status: u.waarde.status, herhaald: u.waarde.herhaald },
			{ status: 201 }
		);
	});
