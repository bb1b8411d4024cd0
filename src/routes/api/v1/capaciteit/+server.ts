import { json } from '@sveltejs/kit';
import { apiClaims, apiHandler, ApiWeigering, leesJson, zodWeigering } from '$lib/server/api';
import { eigenStand, meldCapaciteit } from '$lib/server/capaciteit';
import { meldingSchema } from '$lib/schemas/capaciteit';
import type { RequestHandler } from './$types';

/** A capacity report from a planning system (API token) or the app (session). See openapi.json. */
export const POST: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = await apiClaims(event);
		const invoer = meldingSchema.safeParse(await leesJson(event.request));
		if (!invoer.success) throw zodWeigering(invoer.error);
		const uitkomst = await meldCapaciteit(claims, invoer.data);
		if (!uitkomst.ok) {
			const { status, bericht, veld } = uitkomst.weigering;
			throw new ApiWeigering(status, bericht, veld ? { veld } : {});
		}
		const { id, gemeldOp, herhaald } = uitkomst.melding;
		// 201 for a replay too, with herhaald: the outbox gets the answer the first send would have had.
		return json({ id, gemeldOp, herhaald }, { status: 201 });
	});

/** The organisation's own aanbod with ids and current capacity. */
export const GET: RequestHandler = (event) =>
	apiHandler(async () => json({ aanbod: await eigenStand(await apiClaims(event)) }));
