// What signing out clears on this device, before the server clears the session: the offline copies
// (offline-opslag) and this device's push subscription, so a shared phone neither shows nor is woken
// for the person who left. Never holds up signing out for more than a moment.
import { outboxNamen } from '$lib/domain/apparaat-opslag';
import { wisOfflineGegevens } from './offline-opslag';

const HOOGSTENS_MS = 2000;

/** What `belofte` gives, or `anders` once HOOGSTENS_MS have passed: signing out never waits longer. */
function binnenEenMoment<T>(belofte: Promise<T>, anders: T): Promise<T> {
	return Promise.race([
		belofte,
		new Promise<T>((resolve) => setTimeout(() => resolve(anders), HOOGSTENS_MS))
	]);
}

async function meldPushAf(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const registratie = await navigator.serviceWorker.getRegistration();
	const abonnement = await registratie?.pushManager?.getSubscription();
	if (!abonnement) return;
	// Told to the server while the session still exists; then the browser drops the subscription.
	await fetch('/api/push/abonnementen', {
		method: 'DELETE',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ endpoint: abonnement.endpoint }),
		credentials: 'same-origin'
	}).catch(() => undefined);
	await abonnement.unsubscribe();
}

export async function ruimApparaatOp(): Promise<void> {
	const klaar = Promise.allSettled([wisOfflineGegevens(), meldPushAf()]).then((uitkomsten) => {
		for (const u of uitkomsten)
			if (u.status === 'rejected') console.warn('Afmelden: niet alles gewist', u.reason);
	});
	await binnenEenMoment(klaar, undefined);
}

/**
 * How many requests this person made on this device that have not reached the server (capacity reports, answers
 * to proposals): they stay on the device and go out at the next sign-in here, so signing out first asks. Only
 * outboxes that exist are opened (opening creates one); 0 when the device cannot tell within a moment.
 */
export async function wachtendOpApparaat(gebruikerId: string): Promise<number> {
	const namen = outboxNamen(gebruikerId);
	const tellen = async () => {
		// Loaded here, not with every page: only signing out needs them.
		const [{ indexedDbOpslag }, { antwoordOpslag }] = await Promise.all([
			import('./outbox'),
			import('./antwoord-outbox')
		]);
		const bestaand = indexedDB.databases ? new Set((await indexedDB.databases()).map((d) => d.name)) : null;
		const er = (naam: string) => !bestaand || bestaand.has(naam);
		const [meldingen, antwoorden] = await Promise.all([
			er(namen.meldingen) ? indexedDbOpslag(namen.meldingen).lijst() : [],
			er(namen.antwoorden) ? antwoordOpslag(namen.antwoorden).wachtend.lijst() : []
		]);
		return meldingen.length + antwoorden.length;
	};
	if (typeof indexedDB === 'undefined') return 0;
	return binnenEenMoment(
		tellen().catch(() => 0),
		0
	);
}
