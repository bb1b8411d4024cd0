import { invalidateAll } from '$app/navigation';
import { apparaatLabel } from '$lib/schemas/push';

// Push on this browser: ask permission, subscribe through the service worker, and tell the server
// (POST/DELETE /api/push/abonnementen). Whether push is "on" is decided by the page: this browser has a
// subscription AND the server lists it (a device removed in the list, or by the push service, is off).

export type ApparaatStatus = 'controleren' | 'niet-ondersteund' | 'geweigerd' | 'klaar';

export interface Bericht {
	soort: 'ok' | 'info' | 'waarschuwing' | 'fout';
	tekst: string;
}

const GEWEIGERD = "Uw browser staat meldingen niet toe. Het overzicht 'Voor u' werkt gewoon.";
const GEEN_SERVICE_WORKER =
	'De app is op dit apparaat nog niet klaar voor meldingen (de achtergronddienst is niet geladen). Herlaad de pagina en probeer het opnieuw.';

function base64urlNaarBytes(tekst: string): Uint8Array<ArrayBuffer> {
	const base64 = tekst.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (tekst.length % 4)) % 4);
	const ruw = atob(base64);
	const bytes = new Uint8Array(new ArrayBuffer(ruw.length));
	for (let i = 0; i < ruw.length; i++) bytes[i] = ruw.charCodeAt(i);
	return bytes;
}

/** SHA-256 of the endpoint as base64url, the same as the server's endpointKenmerk. */
async function kenmerkVan(endpoint: string): Promise<string> {
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(endpoint)));
	return btoa(String.fromCharCode(...hash))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

function zelfdeSleutel(a: ArrayBuffer | null, b: Uint8Array): boolean {
	if (!a) return true;
	const x = new Uint8Array(a);
	return x.length === b.length && x.every((v, i) => v === b[i]);
}

/** navigator.serviceWorker.ready, or null when no service worker is active within `ms`. */
function wachtOpServiceWorker(ms: number): Promise<ServiceWorkerRegistration | null> {
	return Promise.race([
		navigator.serviceWorker.ready,
		new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))
	]);
}

async function foutVan(antwoord: Response): Promise<string> {
	try {
		const body = (await antwoord.json()) as { fout?: unknown };
		if (typeof body.fout === 'string') return body.fout;
	} catch {
		// Not our JSON: fall through.
	}
	return `De server gaf een fout (${antwoord.status}). Probeer het later opnieuw.`;
}

export class MeldingenOpApparaat {
	status = $state<ApparaatStatus>('controleren');
	/** The endpoint fingerprint of this browser's subscription, when it has one. */
	kenmerk = $state<string | null>(null);
	bezig = $state(false);
	bericht = $state<Bericht | null>(null);

	readonly #publicKey: string;

	constructor(publicKey: string) {
		this.#publicKey = publicKey;
	}

	/** Looks at what this browser supports and whether it has a subscription already. */
	async bepaal(): Promise<void> {
		if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
			this.status = 'niet-ondersteund';
			return;
		}
		if (Notification.permission === 'denied') {
			this.status = 'geweigerd';
			return;
		}
		try {
			const registratie = await navigator.serviceWorker.getRegistration();
			const abonnement = await registratie?.pushManager.getSubscription();
			this.kenmerk = abonnement ? await kenmerkVan(abonnement.endpoint) : null;
		} catch {
			this.kenmerk = null;
		}
		this.status = 'klaar';
	}

	async zetAan(): Promise<void> {
		this.bezig = true;
		this.bericht = null;
		try {
			const toestemming = await Notification.requestPermission();
			if (toestemming === 'denied') {
				this.status = 'geweigerd';
				return;
			}
			if (toestemming !== 'granted') {
				this.bericht = {
					soort: 'info',
					tekst:
						'U hebt de vraag om meldingen gesloten zonder te kiezen. Probeer het opnieuw en kies "Toestaan".'
				};
				return;
			}
			const registratie = await wachtOpServiceWorker(5000);
			if (!registratie) {
				this.bericht = { soort: 'fout', tekst: GEEN_SERVICE_WORKER };
				return;
			}
			const sleutel = base64urlNaarBytes(this.#publicKey);
			let abonnement = await registratie.pushManager.getSubscription();
			// Made with another server key (keys were renewed): the push service would refuse our pushes.
			if (abonnement && !zelfdeSleutel(abonnement.options.applicationServerKey, sleutel)) {
				await abonnement.unsubscribe();
				abonnement = null;
			}
			abonnement ??= await registratie.pushManager.subscribe({
				userVisibleOnly: true,
				applicationServerKey: sleutel
			});
			const antwoord = await fetch('/api/push/abonnementen', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...abonnement.toJSON(), apparaat: apparaatLabel(navigator.userAgent) })
			});
			if (!antwoord.ok) {
				this.bericht = { soort: 'fout', tekst: await foutVan(antwoord) };
				return;
			}
			this.kenmerk = await kenmerkVan(abonnement.endpoint);
			this.bericht = { soort: 'ok', tekst: 'Meldingen staan aan op dit apparaat.' };
			await invalidateAll();
		} catch (error) {
			if (error instanceof DOMException && error.name === 'NotAllowedError') {
				this.status = 'geweigerd';
				return;
			}
			// AbortError: the browser could not register with its vendor's push service.
			this.bericht = {
				soort: 'fout',
				tekst:
					error instanceof DOMException && error.name === 'AbortError'
						? "De meldingendienst van uw browser is nu niet bereikbaar. Probeer het later opnieuw; het overzicht 'Voor u' werkt gewoon."
						: 'Meldingen aanzetten lukte niet. Controleer uw verbinding en probeer het opnieuw.'
			};
		} finally {
			this.bezig = false;
		}
	}

	async zetUit(): Promise<void> {
		this.bezig = true;
		this.bericht = null;
		try {
			const registratie = await navigator.serviceWorker.getRegistration();
			const abonnement = await registratie?.pushManager.getSubscription();
			if (abonnement) {
				const { endpoint } = abonnement;
				await abonnement.unsubscribe();
				const antwoord = await fetch('/api/push/abonnementen', {
					method: 'DELETE',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ endpoint })
				});
				if (!antwoord.ok) {
					this.bericht = { soort: 'fout', tekst: await foutVan(antwoord) };
					return;
				}
			}
			this.kenmerk = null;
			this.bericht = { soort: 'ok', tekst: 'Meldingen staan uit op dit apparaat.' };
			await invalidateAll();
		} catch {
			this.bericht = {
				soort: 'fout',
				tekst: 'Meldingen uitzetten lukte niet. Controleer uw verbinding en probeer het opnieuw.'
			};
		} finally {
			this.bezig = false;
		}
	}
}

export const MELDING_GEWEIGERD = GEWEIGERD;
