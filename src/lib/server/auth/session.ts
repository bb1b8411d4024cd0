import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import type { Cookies } from '@sveltejs/kit';
import { readDbConfig } from '$lib/server/db/config';
import type { Claims } from '$lib/server/db';

export const SESSION_COOKIE = 'wijzer_sessie';
/** A working day plus margin: a jeugdbeschermer signs in once a day on a personal phone. */
export const SESSION_SECONDS = 10 * 60 * 60;
const ISSUER = 'beschikbaarheidswijzer';

let cachedKey: Uint8Array | undefined;

/**
 * The HMAC key for session cookies: SESSION_SECRET (≥ 32 characters) when set; otherwise, in embedded
 * mode, a random key kept in the data directory so sessions survive a restart. A server on
 * DATABASE_URL without SESSION_SECRET refuses to start: several servers must share one key.
 */
function sessionKey(): Uint8Array {
	if (cachedKey) return cachedKey;
	const fromEnv = process.env.SESSION_SECRET?.trim();
	if (fromEnv) {
		if (fromEnv.length < 32) throw new Error('SESSION_SECRET moet minstens 32 tekens lang zijn.');
		cachedKey = new TextEncoder().encode(fromEnv);
		return cachedKey;
	}
	const config = readDbConfig();
	if (config.engine === 'postgres') {
		throw new Error('Zet SESSION_SECRET (minstens 32 tekens) wanneer DATABASE_URL gebruikt wordt.');
	}
	mkdirSync(config.dataDir, { recursive: true });
	const path = join(config.dataDir, 'session-secret');
	if (!existsSync(path)) writeFileSync(path, randomBytes(48).toString('base64url'), { mode: 0o600 });
	cachedKey = new TextEncoder().encode(readFileSync(path, 'utf8').trim());
	return cachedKey;
}

/** A signed session token carrying the Supabase-shaped claims RLS reads. */
export async function createSessionToken(user: { id: string; email: string }): Promise<string> {
	return new SignJWT({ role: 'authenticated', email: user.email, aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256' })
		.setSubject(user.id)
		.setIssuer(ISSUER)
		.setIssuedAt()
		.setExpirationTime(`${SESSION_SECONDS}s`)
		.sign(sessionKey());
}

/** The claims of a valid, unexpired token; null for anything else (tampered, expired, malformed). */
export async function verifySessionToken(token: string): Promise<Claims | null> {
	try {
		const { payload } = await jwtVerify(token, sessionKey(), {
			issuer: ISSUER,
			audience: 'authenticated',
			algorithms: ['HS256']
		});
		if (typeof payload.sub !== 'string' || payload.role !== 'authenticated') return null;
		return {
			sub: payload.sub,
			role: 'authenticated',
			email: typeof payload.email === 'string' ? payload.email : undefined
		};
	} catch {
		return null;
	}
}

export function setSessionCookie(cookies: Cookies, token: string, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: SESSION_SECONDS
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
