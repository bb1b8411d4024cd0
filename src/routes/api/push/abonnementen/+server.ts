import { json, type RequestEvent } from '@sveltejs/kit';
import { pushAbonnementSchema, pushAfmeldenSchema } from '$lib/schemas/push';
import { apiHandler, ApiWeigering, leesJson, zodWeigering } from '$lib/server/api';
import type { Claims } from '$lib/server/db';
import { abonneer, meldAf } from '$lib/server/push/abonnementen';
import { pushInstelling } from '$lib/server/push/sleutels';
import type { RequestHandler } from './$types';

// Push is per person and device: the signed-in session only, never an organisation's API token.
function sessieClaims(event: Pick<RequestEvent, 'request' | 'locals'>): Claims {
	if (event.request.headers.has('authorization')) {
		throw new ApiWeigering(
			403,
			'Meldingen horen bij een persoon en een apparaat: gebruik de app, geen API-token.'
		);
	}
	if (!event.locals.user) throw new ApiWeigering(401, 'Meld u aan om meldingen aan of uit te zetten.');
	return event.locals.user.claims;
}

/** Turns push on for the signed-in person on this browser: {endpoint, keys: {p256dh, auth}, apparaat}. */
export const POST: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = sessieClaims(event);
		if (!pushInstelling().aan) throw new ApiWeigering(503, 'Meldingen staan op deze server uit.');
		const invoer = pushAbonnementSchema.safeParse(await leesJson(event.request));
		if (!invoer.success) throw zodWeigering(invoer.error);
		const uitkomst = await abonneer(claims, invoer.data);
		if (!uitkomst.ok) {
			const { status, bericht, veld } = uitkomst.weigering;
			throw new ApiWeigering(status, bericht, veld ? { veld } : {});
		}
		return json({ id: uitkomst.waarde }, { status: 201 });
	});

/** Turns push off for the signed-in person's browser with this endpoint: {endpoint}. */
export const DELETE: RequestHandler = (event) =>
	apiHandler(async () => {
		const claims = sessieClaims(event);
		const invoer = pushAfmeldenSchema.safeParse(await leesJson(event.request));
		if (!invoer.success) throw zodWeigering(invoer.error);
		return json({ verwijderd: await meldAf(claims, invoer.data.endpoint) });
	});
