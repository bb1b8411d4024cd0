// What signing out clears on this device, before the server clears the session: the offline copies
// (offline-opslag) and this device's push subscription, so a shared phone neither shows nor is woken
// for the person who left. Never holds up signing out for more than a moment.
import { wisOfflineGegevens } from './offline-opslag';

const HOOGSTENS_MS = 2000;

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
	await Promise.race([klaar, new Promise((resolve) => setTimeout(resolve, HOOGSTENS_MS))]);
}
