import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSessionToken, verifySessionToken } from './session';

beforeAll(() => {
	process.env.SESSION_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
});

const user = { id: '6f1d8c1e-2f43-4a4b-9a57-0d7d2c6b1a10', email: 'jeugdbeschermer@demo.nl' };

describe('session token', () => {
	it('round-trips the Supabase-shaped claims RLS reads', async () => {
		const claims = await verifySessionToken(await createSessionToken(user));
		expect(claims).toEqual({ sub: user.id, role: 'authenticated', email: user.email });
	});

	it('refuses a token whose payload was changed', async () => {
		const [header, , signature] = (await createSessionToken(user)).split('.');
		const forged = Buffer.from(JSON.stringify({ sub: 'someone-else', role: 'authenticated' })).toString(
			'base64url'
		);
		expect(await verifySessionToken(`${header}.${forged}.${signature}`)).toBeNull();
	});

	it('refuses a token signed with another key', async () => {
		const token = await new SignJWT({ role: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(user.id)
			.setIssuer('beschikbaarheidswijzer')
			.setAudience('authenticated')
			.setExpirationTime('1h')
			.sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
		expect(await verifySessionToken(token)).toBeNull();
	});

	it('refuses an expired token', async () => {
		const token = await new SignJWT({ role: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(user.id)
			.setIssuer('beschikbaarheidswijzer')
			.setAudience('authenticated')
			.setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
			.setExpirationTime(Math.floor(Date.now() / 1000) - 60)
			.sign(new TextEncoder().encode(process.env.SESSION_SECRET));
		expect(await verifySessionToken(token)).toBeNull();
	});

	it('refuses garbage', async () => {
		expect(await verifySessionToken('niet-een-token')).toBeNull();
	});
});
