import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { meldingSchema } from '$lib/schemas/capaciteit';
import { meldCapaciteit } from '$lib/server/capaciteit';
import type { RequestHandler } from './$types';

/** A refusal as the capacity cards and the outbox read it: a Dutch sentence and the field it is about. */
function weiger(status: number, fout: string, veld?: string, fouten?: Record<string, string>) {
	return json({ fout, veld, fouten }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * One capacity report from the capacity cards and their offline outbox, with the session cookie.
 * Planning systems with an API token use /api/v1/capaciteit.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = locals.user;
	if (!user) return weiger(401, 'U bent niet aangemeld. Meld u aan en probeer het opnieuw.');
	// Only JSON: a cross-site form cannot send it without CORS, and SvelteKit checks the form types.
	if (!request.headers.get('content-type')?.startsWith('application/json')) {
		return weiger(415, 'Stuur de melding als JSON (content-type: application/json).');
	}
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return weiger(400, 'De melding is geen geldige JSON.');
	}

	const parsed = meldingSchema.safeParse(body);
	if (!parsed.success) {
		const fouten: Record<string, string> = {};
		for (const issue of parsed.error.issues) {
			const veld = String(issue.path[0] ?? '');
			fouten[veld] ??= issue.message;
		}
		const [veld, fout] = Object.entries(fouten)[0] ?? ['', z.prettifyError(parsed.error)];
		return weiger(400, fout, veld || undefined, fouten);
	}

	const uitkomst = await meldCapaciteit(user.claims, parsed.data);
	if (!uitkomst.ok) {
		const { status, bericht, veld } = uitkomst.weigering;
		return weiger(status, bericht, veld);
	}
	const { id, gemeldOp, herhaald } = uitkomst.melding;
	// 201 for a replay too: the outbox gets the answer the first send would have had.
	return json(
		{ id, gemeldOp: new Date(gemeldOp).toISOString(), herhaald },
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
};
