import { json } from '@sveltejs/kit';
import { apiFout } from '$lib/server/api';
import { pushInstelling } from '$lib/server/push/sleutels';
import type { RequestHandler } from './$types';

/** The VAPID public key a browser subscribes with (applicationServerKey); 503 when push is off. */
export const GET: RequestHandler = () => {
	const instelling = pushInstelling();
	if (!instelling.aan) return apiFout(503, 'Meldingen staan op deze server uit.');
	return json({ publicKey: instelling.sleutels.publicKey });
};
