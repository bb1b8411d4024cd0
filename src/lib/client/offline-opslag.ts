// What stays readable offline (issue 5 §2): the last search results, the wijzer and the person's own
// hulpvragen and aanbod, as the page data they last saw. Kept in IndexedDB on this device only, per
// signed-in person, and wiped at sign-out, when the server says nobody is signed in, and when someone
// else signs in on the same device. The service worker never stores page data (src/service-worker.ts).

import type { Rol } from '$lib/domain/rollen';

/** The pages that have an offline copy; the key of a snapshot with the person's id. */
export const OFFLINE_SOORTEN = ['zoeken', 'wijzer', 'hulpvragen', 'aanbod'] as const;
export type OfflineSoort = (typeof OFFLINE_SOORTEN)[number];

export const OFFLINE_PADEN = {
	zoeken: '/zoeken',
	wijzer: '/wijzer',
	hulpvragen: '/hulpvragen',
	aanbod: '/aanbod'
} as const satisfies Record<OfflineSoort, `/${string}`>;

export const OFFLINE_TITELS: Record<OfflineSoort, string> = {
	zoeken: 'Laatste zoekresultaten',
	wijzer: 'Beschikbaarheidswijzer',
	hulpvragen: 'Mijn hulpvragen',
	aanbod: 'Mijn aanbod'
};

/** The person the offline copies belong to: enough to show their header and menu offline. */
export interface OfflineGebruiker {
	id: string;
	email: string;
	rol: Rol;
	organisatieNaam: string;
}

export interface Momentopname {
	gebruikerId: string;
	soort: OfflineSoort;
	/** Path and query of the page it was taken from, e.g. /zoeken?hulpvorm=… */
	url: string;
	/** When the page's data was loaded from the server (ms since epoch). */
	opgeslagenOp: number;
	gegevens: Record<string, unknown>;
}

/**
 * Which offline copy a page is, if any: the route id of a loaded page and its data. A search is kept
 * only when it has results (not the empty form, not a refused filter).
 */
export function soortVanPagina(
	routeId: string | null,
	gegevens: Record<string, unknown>
): OfflineSoort | null {
	switch (routeId) {
		case '/(app)/zoeken':
			return gegevens.uitkomst ? 'zoeken' : null;
		case '/(app)/wijzer':
			return 'wijzer';
		case '/(app)/hulpvragen':
			return 'hulpvragen';
		case '/(app)/aanbod':
			return 'aanbod';
		default:
			return null;
	}
}

/** Which copy the offline shell shows at a path: /zoeken?… shows the last search, /aanbod/x nothing. */
export function soortVanPad(pad: string): OfflineSoort | null {
	const schoon = pad.replace(/\/+$/, '') || '/';
	return OFFLINE_SOORTEN.find((s) => OFFLINE_PADEN[s] === schoon) ?? null;
}

/** "10:32" for today, "3 dec. 10:32" for an earlier day: the time the banner shows. */
export function tijdVanGegevens(ms: number, nu: Date = new Date()): string {
	const moment = new Date(ms);
	const opties = { timeZone: 'Europe/Amsterdam' } as const;
	const dag = (d: Date) => d.toLocaleDateString('nl-NL', opties);
	const tijd = moment.toLocaleTimeString('nl-NL', { ...opties, hour: '2-digit', minute: '2-digit' });
	if (dag(moment) === dag(nu)) return tijd;
	return `${moment.toLocaleDateString('nl-NL', { ...opties, day: 'numeric', month: 'short' })} ${tijd}`;
}

const DB_NAAM = 'wijzer-offline';
const MOMENTOPNAMEN = 'momentopnamen';
const GEBRUIKER = 'gebruiker';

function alsBelofte<T>(verzoek: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		verzoek.onsuccess = () => resolve(verzoek.result);
		verzoek.onerror = () => reject(verzoek.error ?? new Error('IndexedDB-fout'));
	});
}

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const verzoek = indexedDB.open(DB_NAAM, 1);
		verzoek.onupgradeneeded = () => {
			verzoek.result.createObjectStore(MOMENTOPNAMEN, { keyPath: ['gebruikerId', 'soort'] });
			verzoek.result.createObjectStore(GEBRUIKER);
		};
		verzoek.onsuccess = () => resolve(verzoek.result);
		verzoek.onerror = () => reject(verzoek.error ?? new Error('IndexedDB kan niet open.'));
	});
}

async function metStore<T>(
	store: string,
	modus: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const db = await openDb();
	try {
		const tx = db.transaction(store, modus);
		const klaar = new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB-transactie afgebroken.'));
		});
		const resultaat = await alsBelofte(fn(tx.objectStore(store)));
		await klaar;
		return resultaat;
	} finally {
		db.close();
	}
}

const beschikbaar = () => typeof indexedDB !== 'undefined';

/** The person whose copies are on this device, or null. */
export async function offlineGebruiker(): Promise<OfflineGebruiker | null> {
	if (!beschikbaar()) return null;
	return (
		((await metStore(GEBRUIKER, 'readonly', (s) => s.get('huidig'))) as OfflineGebruiker | undefined) ?? null
	);
}

/**
 * Called on every page the server rendered: with a person, remembers them (wiping another person's
 * copies first); without one (signed out, session ended), wipes everything.
 */
export async function bijGebruiker(gebruiker: OfflineGebruiker | null): Promise<void> {
	if (!beschikbaar()) return;
	const vorige = await offlineGebruiker();
	if (!gebruiker) {
		if (vorige) await wisOfflineGegevens();
		return;
	}
	if (vorige && vorige.id !== gebruiker.id) await wisOfflineGegevens();
	if (!vorige || JSON.stringify(vorige) !== JSON.stringify(gebruiker)) {
		await metStore(GEBRUIKER, 'readwrite', (s) => s.put(gebruiker, 'huidig'));
	}
}

export async function bewaarMomentopname(opname: Momentopname): Promise<void> {
	if (!beschikbaar()) return;
	await metStore(MOMENTOPNAMEN, 'readwrite', (s) => s.put(opname));
}

export async function momentopnamen(gebruikerId: string): Promise<Momentopname[]> {
	if (!beschikbaar()) return [];
	const alle = (await metStore(MOMENTOPNAMEN, 'readonly', (s) => s.getAll())) as Momentopname[];
	return alle.filter((m) => m.gebruikerId === gebruikerId);
}

/**
 * Removes every offline copy and who they belonged to. The outboxes (reports and answers not yet sent)
 * stay: they are per person and go out when that person is signed in again on this device.
 */
export async function wisOfflineGegevens(): Promise<void> {
	if (!beschikbaar()) return;
	await new Promise<void>((resolve, reject) => {
		const verzoek = indexedDB.deleteDatabase(DB_NAAM);
		verzoek.onsuccess = () => resolve();
		verzoek.onerror = () => reject(verzoek.error ?? new Error('Offline gegevens niet gewist.'));
		// Another tab still has it open: the delete completes when that tab closes it (it closes after each use).
		verzoek.onblocked = () => undefined;
	});
}

/**
 * For every page the server rendered: remembers whose device copies these are (or wipes them when
 * nobody is signed in) and keeps this page's copy when it is one of the offline pages.
 */
export async function bewaarPagina(
	gebruiker: OfflineGebruiker | null,
	routeId: string | null,
	url: URL,
	gegevens: Record<string, unknown>
): Promise<void> {
	await bijGebruiker(gebruiker && { ...gebruiker });
	if (!gebruiker) return;
	const soort = soortVanPagina(routeId, gegevens);
	if (!soort) return;
	await bewaarMomentopname({
		gebruikerId: gebruiker.id,
		soort,
		url: url.pathname + url.search,
		opgeslagenOp: Date.now(),
		gegevens
	});
}
