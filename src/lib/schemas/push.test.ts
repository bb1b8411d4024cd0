import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apparaatLabel, pushAbonnementSchema, pushAfmeldenSchema } from './push';

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const geldig = {
	endpoint: 'https://fcm.googleapis.com/fcm/send/abc:DEF-123_x',
	expirationTime: null,
	keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
	apparaat: 'Chrome op Android'
};

describe('pushAbonnementSchema', () => {
	it('takes what PushSubscription.toJSON() gives, plus the device label', () => {
		const r = pushAbonnementSchema.safeParse(geldig);
		expect(r.success).toBe(true);
		expect(r.data).toEqual({ endpoint: geldig.endpoint, keys: geldig.keys, apparaat: 'Chrome op Android' });
	});

	it('normalises padded or plain base64 keys to base64url', () => {
		const p256dh = ecdh.getPublicKey().toString('base64');
		const auth = randomBytes(16).toString('base64');
		const r = pushAbonnementSchema.safeParse({ ...geldig, keys: { p256dh, auth } });
		expect(r.success && r.data.keys.p256dh).toBe(ecdh.getPublicKey().toString('base64url'));
		expect(r.success && r.data.keys.auth).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});

	it.each([
		['http', { endpoint: 'http://fcm.googleapis.com/fcm/send/x' }],
		['an address on the own network', { endpoint: 'https://10.0.0.5/admin' }],
		['localhost', { endpoint: 'https://localhost:8443/push' }],
		['a single-label host', { endpoint: 'https://intranet/push' }],
		['credentials in the URL', { endpoint: 'https://a:b@push.example.com/x' }],
		['an IPv6 address', { endpoint: 'https://[::1]/x' }],
		['a short auth secret', { keys: { ...geldig.keys, auth: 'abc' } }],
		['a p256dh that is no P-256 point', { keys: { ...geldig.keys, p256dh: 'A'.repeat(87) } }],
		['free text as device name', { apparaat: 'Telefoon van Jan 0612345678' }],
		['no device name', { apparaat: undefined }]
	])('refuses %s with a Dutch message', (_naam, wijziging) => {
		const r = pushAbonnementSchema.safeParse({ ...geldig, ...wijziging });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toMatch(/[a-z]{3,} .*[a-z]/);
		expect(r.error?.issues[0]?.message).not.toMatch(/expected|invalid/i);
	});

	it('turning off takes just the endpoint', () => {
		expect(pushAfmeldenSchema.safeParse({ endpoint: geldig.endpoint }).success).toBe(true);
		expect(pushAfmeldenSchema.safeParse({}).error?.issues[0]?.message).toMatch(/ontbreekt/);
	});
});

describe('apparaatLabel', () => {
	it.each([
		[
			'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
			'Chrome op Android'
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
			'Safari op iPhone'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
			'Firefox op Windows'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
			'Edge op Windows'
		],
		[
			'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36',
			'Samsung Internet op Android'
		],
		['iets onbekends', 'Browser op onbekend systeem']
	])('%s → %s, a label the schema accepts', (ua, label) => {
		expect(apparaatLabel(ua)).toBe(label);
		expect(pushAbonnementSchema.safeParse({ ...geldig, apparaat: label }).success).toBe(true);
	});
});
