import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from '$lib/schemas/zod';
import type { Claims, TokenClaims } from '$lib/server/db';
import { claimsVoorToken } from './api-token';

// What every /api/v1 endpoint shares: who is asking (session cookie or organisation API token) and
// refusals as JSON with a Dutch message and, where it applies, the field: { fout, veld?, fouten? }.

export interface ApiFout {
	fout: string;
	veld?: string;
	/** Per field, every message (for a form-like client). */
	fouten?: Record<string, string[]>;
}

export function apiFout(status: number, fout: string, extra: Omit<ApiFout, 'fout'> = {}): Response {
	return json({ fout, ...extra } satisfies ApiFout, { status });
}

/** A refusal thrown out of a handler: caught by {@link apiHandler}. */
export class ApiWeigering extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly extra: Omit<ApiFout, 'fout'> = {}
	) {
		super(message);
	}
}

/** The claims for this request: a Bearer API token if one is sent, else the signed-in session. */
export async function apiClaims(
	event: Pick<RequestEvent, 'request' | 'locals'>
): Promise<Claims | TokenClaims> {
	const kop = event.request.headers.get('authorization');
	if (kop !== null) {
		const token = /^Bearer\s+(\S+)$/i.exec(kop)?.[1];
		const claims = token ? await claimsVoorToken(token) : null;
		if (!claims) throw new ApiWeigering(401, 'Dit API-token is ongeldig of ingetrokken.');
		return claims;
	}
	if (event.locals.user) return event.locals.user.claims;
	throw new ApiWeigering(401, 'Meld u aan, of stuur een API-token als "Authorization: Bearer …".');
}

/** The request body as JSON, or a 400 that says what is wrong with it. */
export async function leesJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		throw new ApiWeigering(415, 'Stuur de gegevens als JSON (Content-Type: application/json).');
	}
	try {
		return await request.json();
	} catch {
		throw new ApiWeigering(400, 'De JSON is ongeldig: controleer haakjes, aanhalingstekens en komma’s.');
	}
}

/** A zod failure as a 400 with the first message and every message per field. */
export function zodWeigering(error: z.ZodError): ApiWeigering {
	const { fieldErrors, formErrors } = z.flattenError(error);
	const fouten = Object.fromEntries(
		Object.entries(fieldErrors).filter((e): e is [string, string[]] => Array.isArray(e[1]))
	);
	const [veld, berichten] = Object.entries(fouten)[0] ?? [undefined, formErrors];
	return new ApiWeigering(400, berichten?.[0] ?? 'De gegevens kloppen niet.', { veld, fouten });
}

/** Runs a handler and turns an ApiWeigering into its JSON response. */
export async function apiHandler(fn: () => Promise<Response>): Promise<Response> {
	try {
		return await fn();
	} catch (error) {
		if (error instanceof ApiWeigering) return apiFout(error.status, error.message, error.extra);
		throw error;
	}
}
