import { z } from './zod';

// Web push subscriptions as the browser gives them (PushSubscription.toJSON()) plus a device label, for
// POST /api/push/abonnementen; and the endpoint alone for DELETE. The database checks the same shapes.

const BROWSERS = ['Edge', 'Samsung Internet', 'Opera', 'Firefox', 'Chrome', 'Safari'] as const;
const SYSTEMEN = ['Android', 'iPhone', 'iPad', 'Windows', 'macOS', 'ChromeOS', 'Linux'] as const;

/** "Chrome op Android": the only device names stored, so nobody types free text into a label. */
const APPARAAT = new RegExp(
	`^(${[...BROWSERS, 'Browser'].join('|')}) op (${[...SYSTEMEN, 'onbekend systeem'].join('|')})$`
);

/** A short label for this browser from its user agent, e.g. "Firefox op Windows". */
export function apparaatLabel(userAgent: string): string {
	const ua = userAgent;
	const browser =
		(/Edg(e|A|iOS)?\//.test(ua) && 'Edge') ||
		(/SamsungBrowser\//.test(ua) && 'Samsung Internet') ||
		(/OPR\/|Opera/.test(ua) && 'Opera') ||
		(/Firefox\/|FxiOS\//.test(ua) && 'Firefox') ||
		(/Chrome\/|CriOS\/|Chromium\//.test(ua) && 'Chrome') ||
		(/Safari\//.test(ua) && 'Safari') ||
		'Browser';
	const systeem =
		(/Android/.test(ua) && 'Android') ||
		(/iPhone|iPod/.test(ua) && 'iPhone') ||
		(/iPad/.test(ua) && 'iPad') ||
		(/Windows/.test(ua) && 'Windows') ||
		(/CrOS/.test(ua) && 'ChromeOS') ||
		(/Mac OS X|Macintosh/.test(ua) && 'macOS') ||
		(/Linux/.test(ua) && 'Linux') ||
		'onbekend systeem';
	return `${browser} op ${systeem}`;
}

/** base64 or base64url, with or without padding → base64url without padding (as the database keeps it). */
const alsBase64url = (v: unknown) =>
	typeof v === 'string' ? v.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : v;

/**
 * A push endpoint: https on a push service's host name. Refused: addresses, single-label hosts and
 * credentials, so a subscription cannot make the server post to a machine on its own network.
 */
const endpoint = z
	.string({ error: 'Het adres van de pushdienst (endpoint) ontbreekt.' })
	.trim()
	.max(1000, 'Het adres van de pushdienst is te lang.')
	.refine((v) => {
		try {
			const url = new URL(v);
			const host = url.hostname;
			return (
				url.protocol === 'https:' &&
				url.username === '' &&
				url.password === '' &&
				host.includes('.') &&
				host !== 'localhost' &&
				!host.endsWith('.localhost') &&
				!/^[0-9.]+$/.test(host) &&
				!host.startsWith('[') &&
				/^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?\/[!-~]*$/.test(v)
			);
		} catch {
			return false;
		}
	}, 'Het adres van de pushdienst moet een https-adres van een pushdienst zijn.');

export const pushAbonnementSchema = z.object(
	{
		endpoint,
		keys: z.object(
			{
				p256dh: z.preprocess(
					alsBase64url,
					z
						.string({ error: 'De sleutel p256dh ontbreekt.' })
						.regex(/^B[A-Za-z0-9_-]{86}$/, 'De sleutel p256dh is geen geldige P-256-sleutel (base64url).')
				),
				auth: z.preprocess(
					alsBase64url,
					z
						.string({ error: 'Het auth-geheim ontbreekt.' })
						.regex(/^[A-Za-z0-9_-]{22}$/, 'Het auth-geheim moet 16 bytes zijn (base64url).')
				)
			},
			{ error: 'De sleutels (keys.p256dh en keys.auth) ontbreken.' }
		),
		apparaat: z
			.string({ error: 'Geef het soort apparaat, bijvoorbeeld "Chrome op Android".' })
			.trim()
			.max(80, 'De naam van het apparaat mag hoogstens 80 tekens zijn.')
			.regex(APPARAAT, 'Geef het apparaat als browser en systeem, bijvoorbeeld "Chrome op Android".')
	},
	{ error: 'Stuur het abonnement als JSON-object: {"endpoint": "…", "keys": {…}, "apparaat": "…"}.' }
);

export type PushAbonnement = z.infer<typeof pushAbonnementSchema>;

/** Turning push off names the endpoint only; RLS limits the removal to the person's own rows. */
export const pushAfmeldenSchema = z.object(
	{
		endpoint: z
			.string({ error: 'Het adres van de pushdienst (endpoint) ontbreekt.' })
			.trim()
			.min(1, 'Het adres van de pushdienst (endpoint) ontbreekt.')
			.max(1000, 'Het adres van de pushdienst is te lang.')
	},
	{ error: 'Stuur het adres van de pushdienst als JSON: {"endpoint": "…"}.' }
);
