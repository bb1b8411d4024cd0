import { createECDH, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';

// =====================================================================
// A push service on loopback, for the end-to-end test of the push sender: a real HTTPS server on
// 127.0.0.1 (web-push speaks https only) with a self-signed certificate made here, that records each
// request and answers with the status a test chose per path. Plus a browser's side of a subscription:
// a P-256 key pair and auth secret, and the aes128gcm decryption a browser does (http_ece).
// =====================================================================

// ---------------------------------------------------------------------
// A self-signed certificate for 127.0.0.1 in a few lines of DER (no openssl needed)
// ---------------------------------------------------------------------
function der(tag: number, ...delen: Buffer[]): Buffer {
	const inhoud = Buffer.concat(delen);
	const n = inhoud.length;
	const lengte =
		n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
	return Buffer.concat([Buffer.from([tag]), lengte, inhoud]);
}
const seq = (...d: Buffer[]) => der(0x30, ...d);
const oid = (hex: string) => der(0x06, Buffer.from(hex, 'hex'));
const utcTime = (d: Date) =>
	der(0x17, Buffer.from(d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z', 'ascii'));

const ECDSA_SHA256 = '2a8648ce3d040302'; // 1.2.840.10045.4.3.2
const COMMON_NAME = '550403'; // 2.5.4.3
const SUBJECT_ALT_NAME = '551d11'; // 2.5.29.17

function zelfGetekendCertificaat(): { key: string; cert: string } {
	const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const naam = seq(der(0x31, seq(oid(COMMON_NAME), der(0x0c, Buffer.from('127.0.0.1')))));
	const algoritme = seq(oid(ECDSA_SHA256));
	const nu = Date.now();
	const tbs = seq(
		der(0xa0, der(0x02, Buffer.from([2]))), // v3
		der(0x02, Buffer.concat([Buffer.from([1]), randomBytes(8)])),
		algoritme,
		naam,
		seq(utcTime(new Date(nu - 60_000)), utcTime(new Date(nu + 24 * 3600_000))),
		naam,
		publicKey.export({ type: 'spki', format: 'der' }),
		der(0xa3, seq(seq(oid(SUBJECT_ALT_NAME), der(0x04, seq(der(0x87, Buffer.from([127, 0, 0, 1])))))))
	);
	const handtekening = sign('sha256', tbs, privateKey);
	const certificaat = seq(tbs, algoritme, der(0x03, Buffer.from([0]), handtekening));
	const regels = certificaat.toString('base64').match(/.{1,64}/g) ?? [];
	return {
		key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		cert: `-----BEGIN CERTIFICATE-----\n${regels.join('\n')}\n-----END CERTIFICATE-----\n`
	};
}

// ---------------------------------------------------------------------
// The push service
// ---------------------------------------------------------------------
export interface PushVerzoek {
	pad: string;
	methode: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export interface PushDienst {
	/** https://127.0.0.1:<port> */
	readonly origin: string;
	/** What every request got (in order of arrival). */
	readonly verzoeken: PushVerzoek[];
	/** The agent that trusts this service's certificate (pass to the sender). */
	readonly agent: Agent;
	/** Answer requests to this path with this status from now on (default 201); 'geen' never answers. */
	antwoord(pad: string, status: number | 'geen'): void;
	/** Resolves once `aantal` requests have arrived in total (or rejects after `ms`). */
	wachtOp(aantal: number, ms?: number): Promise<void>;
	close(): Promise<void>;
}

export async function startPushDienst(): Promise<PushDienst> {
	const { key, cert } = zelfGetekendCertificaat();
	const verzoeken: PushVerzoek[] = [];
	const antwoorden = new Map<string, number | 'geen'>();
	const server: Server = createServer({ key, cert }, (req, res) => {
		const delen: Buffer[] = [];
		req.on('data', (d: Buffer) => delen.push(d));
		req.on('end', () => {
			const pad = req.url ?? '/';
			verzoeken.push({ pad, methode: req.method ?? '', headers: req.headers, body: Buffer.concat(delen) });
			const status = antwoorden.get(pad) ?? 201;
			if (status === 'geen') return;
			res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? '' : 'nee');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const agent = new Agent({ ca: cert, keepAlive: false });
	return {
		origin: `https://127.0.0.1:${port}`,
		verzoeken,
		agent,
		antwoord: (pad, status) => void antwoorden.set(pad, status),
		async wachtOp(aantal, ms = 10_000) {
			const tot = Date.now() + ms;
			while (verzoeken.length < aantal) {
				if (Date.now() > tot) {
					throw new Error(`De pushdienst kreeg ${verzoeken.length} van ${aantal} verzoeken binnen ${ms} ms.`);
				}
				await new Promise((r) => setTimeout(r, 20));
			}
		},
		async close() {
			agent.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

// ---------------------------------------------------------------------
// The browser's side of a subscription
// ---------------------------------------------------------------------
export interface BrowserSleutels {
	/** Uncompressed P-256 public key, base64url (PushSubscription keys.p256dh). */
	p256dh: string;
	/** 16 random bytes, base64url (keys.auth). */
	auth: string;
	/** Decrypts an aes128gcm push body as the browser would. */
	ontsleutel(body: Buffer): string;
}

export function browserSleutels(): BrowserSleutels {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16).toString('base64url');
	return {
		p256dh: ecdh.getPublicKey().toString('base64url'),
		auth,
		ontsleutel: (body) =>
			ece.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString('utf8')
	};
}
