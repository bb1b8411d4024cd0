import { createHash, randomBytes } from 'node:crypto';
import { asAnon, asUser, type TokenClaims } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';

// Organisation API tokens for provider planning systems (migration 0610). A token is 256 random bits,
// shown once; the database keeps only its SHA-256, which is enough for a secret this long (a slow
// hash such as bcrypt protects guessable passwords, and would only slow every API call here).

const VOORVOEGSEL = 'bw_';
const TOKEN_PATROON = /^bw_[A-Za-z0-9_-]{43}$/;

export interface ApiToken {
	id: string;
	naam: string;
	voorvoegsel: string;
	aangemaaktOp: Date;
	laatstGebruiktOp: Date | null;
	ingetrokkenOp: Date | null;
}

function hashHex(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** The claims a valid, unrevoked token runs with; null for anything else (wrong, revoked, malformed). */
export async function claimsVoorToken(token: string): Promise<TokenClaims | null> {
	if (!TOKEN_PATROON.test(token)) return null;
	const [rij] = await asAnon((tx) =>
		tx.query<{ token_id: string }>("select token_id from public.api_token_claims(decode($1, 'hex'))", [
			hashHex(token)
		])
	);
	return rij ? { role: 'authenticated', api_token: rij.token_id } : null;
}

/** Creates a token for the person's organisation; the secret is returned this once and never again. */
export async function maakApiToken(user: SessionUser, naam: string): Promise<{ token: string; id: string }> {
	const token = VOORVOEGSEL + randomBytes(32).toString('base64url');
	const [rij] = await asUser(user.claims, (tx) =>
		tx.query<{ id: string }>(
			`insert into public.api_tokens (organisatie_id, naam, token_hash, voorvoegsel, rol)
			 values ($1, $2, decode($3, 'hex'), $4, $5) returning id`,
			[
				user.lidmaatschap.organisatieId,
				naam,
				hashHex(token),
				token.slice(0, 9),
				// A GI's token posts hulpvragen as a jeugdbeschermer; a provider's reports capacity.
				user.lidmaatschap.organisatieSoort === 'gi' ? 'jeugdbeschermer' : 'aanbieder'
			]
		)
	);
	if (!rij) throw new Error('API-token is niet opgeslagen.');
	return { token, id: rij.id };
}

export async function lijstApiTokens(user: SessionUser): Promise<ApiToken[]> {
	return asUser(user.claims, (tx) =>
		tx.query<ApiToken>(
			`select id, naam, voorvoegsel, aangemaakt_op as "aangemaaktOp", laatst_gebruikt_op as "laatstGebruiktOp",
			        ingetrokken_op as "ingetrokkenOp"
			   from public.api_tokens
			  where organisatie_id = $1
			  order by ingetrokken_op is not null, aangemaakt_op desc`,
			[user.lidmaatschap.organisatieId]
		)
	);
}

/** Revokes a token of the person's organisation; false when there was no such active token. */
export async function trekApiTokenIn(user: SessionUser, id: string): Promise<boolean> {
	const rijen = await asUser(user.claims, (tx) =>
		tx.query(
			'update public.api_tokens set ingetrokken_op = now() where id = $1 and ingetrokken_op is null returning id',
			[id]
		)
	);
	return rijen.length === 1;
}
