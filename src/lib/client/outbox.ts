// The offline outbox for capacity reports (DESIGN.md §4): a report is written here first and then sent,
// so a lost connection, a closed tab or a flat battery loses nothing. Every report carries an
// idempotency key and the device time it was made; the server stores a key once and orders the current
// state by that time, so sending a report twice, or late, does no harm.
//
// The queue logic (Outbox) knows nothing of the browser: it takes a store and a send function, so it
// is tested with the in-memory store and a fake send. Browser parts: indexedDbOpslag, verstuurViaFetch.

/** One report as POST /api/v1/capaciteit takes it (meldingSchema). */
export interface MeldingVerzoek {
	aanbodId: string;
	vrijePlaatsen: number;
	wachtlijst: number;
	wachttijdWeken: number | null;
	eerstvolgendeVrij: string | null;
	alleenNaOverleg: boolean;
	notitie: string;
	/** ISO time on the device when the report was made. */
	gemeldOp: string;
	idempotentieSleutel: string;
}

/** The figures of a report, without when and which key: what a person fills in. */
export type MeldingVelden = Omit<MeldingVerzoek, 'gemeldOp' | 'idempotentieSleutel'>;

/** A report waiting in the outbox. */
export interface UitgaandeMelding {
	/** The idempotency key, also the key in the store. */
	sleutel: string;
	/** Order made on this device: the outbox sends in this order. */
	volgnummer: number;
	verzoek: MeldingVerzoek;
}

/** What became of one attempt to send a report. */
export type Antwoord =
	| { soort: 'opgeslagen'; id: string; gemeldOp: string; herhaald: boolean }
	/** The server refused it (4xx): it leaves the outbox and the person is told why. */
	| { soort: 'geweigerd'; status: number; fout: string; veld?: string }
	/** No connection: it stays and goes out when the device is online again. */
	| { soort: 'geen-verbinding' }
	/** Our fault (5xx, an odd answer): it stays and is tried again later. */
	| { soort: 'storing'; fout: string };

export interface Uitkomst {
	melding: UitgaandeMelding;
	antwoord: Antwoord;
}

/** Where waiting reports are kept. */
export interface OutboxOpslag {
	lijst(): Promise<UitgaandeMelding[]>;
	bewaar(melding: UitgaandeMelding): Promise<void>;
	verwijder(sleutel: string): Promise<void>;
}

export type Verstuur = (verzoek: MeldingVerzoek) => Promise<Antwoord>;

export interface OutboxOpties {
	nu?: () => Date;
	nieuweSleutel?: () => string;
	/** Lets one tab at a time send (navigator.locks in the browser), so two tabs do not race. */
	vergrendel?: <T>(fn: () => Promise<T>) => Promise<T>;
}

function opVolgorde(a: UitgaandeMelding, b: UitgaandeMelding): number {
	return a.volgnummer - b.volgnummer || a.verzoek.gemeldOp.localeCompare(b.verzoek.gemeldOp);
}

export class Outbox {
	readonly #opslag: OutboxOpslag;
	readonly #verstuur: Verstuur;
	readonly #nu: () => Date;
	readonly #nieuweSleutel: () => string;
	readonly #vergrendel: <T>(fn: () => Promise<T>) => Promise<T>;
	readonly #luisteraars = new Set<(uitkomst: Uitkomst) => void>();
	/** Sends run one after another, never two at once, so each report goes out in order and once. */
	#rij: Promise<unknown> = Promise.resolve();
	#laatsteVolgnummer = 0;

	constructor(opslag: OutboxOpslag, verstuur: Verstuur, opties: OutboxOpties = {}) {
		this.#opslag = opslag;
		this.#verstuur = verstuur;
		this.#nu = opties.nu ?? (() => new Date());
		this.#nieuweSleutel = opties.nieuweSleutel ?? (() => crypto.randomUUID());
		this.#vergrendel = opties.vergrendel ?? ((fn) => fn());
	}

	/** A new report from what the person filled in: its own key, and now as the time it was made. */
	maak(velden: MeldingVelden): UitgaandeMelding {
		const nu = this.#nu();
		// Strictly increasing even within one millisecond, and after a clock step back.
		const volgnummer = Math.max(nu.getTime(), this.#laatsteVolgnummer + 1);
		this.#laatsteVolgnummer = volgnummer;
		const sleutel = this.#nieuweSleutel();
		return {
			sleutel,
			volgnummer,
			verzoek: { ...velden, gemeldOp: nu.toISOString(), idempotentieSleutel: sleutel }
		};
	}

	/**
	 * Puts a report in the outbox, then sends everything waiting in order. Resolves with what became of
	 * this report: 'geen-verbinding' or 'storing' means it still waits.
	 */
	async meld(melding: UitgaandeMelding): Promise<Antwoord> {
		await this.#opslag.bewaar(melding);
		const uitkomsten = await this.verstuurWachtende();
		const eigen = uitkomsten.find((u) => u.melding.sleutel === melding.sleutel);
		if (eigen) return eigen.antwoord;
		// An earlier report could not go out, so this one was not tried: it waits behind it.
		return uitkomsten.at(-1)?.antwoord ?? { soort: 'geen-verbinding' };
	}

	/** Sends every waiting report, oldest first; stops at the first that cannot go out now. */
	verstuurWachtende(): Promise<Uitkomst[]> {
		const beurt = this.#rij.then(() => this.#vergrendel(() => this.#verstuurAlles()));
		this.#rij = beurt.catch(() => undefined);
		return beurt;
	}

	/** The reports that wait, in the order they were made. */
	async wachtend(): Promise<UitgaandeMelding[]> {
		return (await this.#opslag.lijst()).sort(opVolgorde);
	}

	/** Called after every attempt to send a report; returns a function that stops listening. */
	luister(fn: (uitkomst: Uitkomst) => void): () => void {
		this.#luisteraars.add(fn);
		return () => this.#luisteraars.delete(fn);
	}

	async #verstuurAlles(): Promise<Uitkomst[]> {
		const uitkomsten: Uitkomst[] = [];
		for (const melding of await this.wachtend()) {
			let antwoord: Antwoord;
			try {
				antwoord = await this.#verstuur(melding.verzoek);
			} catch (error) {
				antwoord = alsAntwoord(error);
			}
			// Answered by the server, stored or refused: done. A refusal is reported, never dropped quietly.
			if (antwoord.soort === 'opgeslagen' || antwoord.soort === 'geweigerd') {
				await this.#opslag.verwijder(melding.sleutel);
			}
			const uitkomst = { melding, antwoord };
			uitkomsten.push(uitkomst);
			for (const fn of this.#luisteraars) fn(uitkomst);
			// Keep the order: nothing newer goes out while an older report still waits.
			if (antwoord.soort === 'geen-verbinding' || antwoord.soort === 'storing') break;
		}
		return uitkomsten;
	}
}

/** fetch rejects with a TypeError when there is no connection; anything else is a fault of ours. */
function alsAntwoord(error: unknown): Antwoord {
	if (error instanceof TypeError) return { soort: 'geen-verbinding' };
	return {
		soort: 'storing',
		fout: 'Het versturen ging mis. De melding blijft bewaard en wordt later opnieuw verstuurd.'
	};
}

/** A store in memory: for tests, and where IndexedDB is missing (then it lasts as long as the page). */
export function geheugenOpslag(begin: UitgaandeMelding[] = []): OutboxOpslag {
	const meldingen = new Map(begin.map((m) => [m.sleutel, structuredClone(m)]));
	return {
		lijst: async () => [...meldingen.values()].map((m) => structuredClone(m)),
		bewaar: async (m) => void meldingen.set(m.sleutel, structuredClone(m)),
		verwijder: async (sleutel) => void meldingen.delete(sleutel)
	};
}

const STORE = 'meldingen';

function alsBelofte<T>(verzoek: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		verzoek.onsuccess = () => resolve(verzoek.result);
		verzoek.onerror = () => reject(verzoek.error ?? new Error('IndexedDB-fout'));
	});
}

/**
 * The outbox in IndexedDB, which survives a closed tab and a restart. One database per person
 * (`naam` holds their id), so a report made by one person is never sent in another's session.
 */
export function indexedDbOpslag(naam: string): OutboxOpslag {
	let open: Promise<IDBDatabase> | undefined;
	const db = () => {
		open ??= new Promise<IDBDatabase>((resolve, reject) => {
			const verzoek = indexedDB.open(naam, 1);
			verzoek.onupgradeneeded = () => verzoek.result.createObjectStore(STORE, { keyPath: 'sleutel' });
			verzoek.onsuccess = () => resolve(verzoek.result);
			verzoek.onerror = () => reject(verzoek.error ?? new Error('IndexedDB kan niet open.'));
		});
		return open;
	};
	const transactie = async <T>(modus: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>) => {
		const tx = (await db()).transaction(STORE, modus);
		const resultaat = await alsBelofte(fn(tx.objectStore(STORE)));
		// A write counts once it is committed, not when the request succeeded.
		if (modus === 'readwrite') {
			await new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB-transactie afgebroken.'));
			});
		}
		return resultaat;
	};
	return {
		lijst: () => transactie('readonly', (s) => s.getAll() as IDBRequest<UitgaandeMelding[]>),
		bewaar: async (m) => void (await transactie('readwrite', (s) => s.put(m))),
		verwijder: async (sleutel) => void (await transactie('readwrite', (s) => s.delete(sleutel)))
	};
}

/** The JSON body of a refusal from POST /api/v1/capaciteit. */
interface FoutAntwoord {
	fout?: unknown;
	veld?: unknown;
}

/** Sends one report to POST /api/v1/capaciteit and says what became of it. */
export function verstuurViaFetch(
	url: string,
	opties: { fetch?: typeof fetch; isOnline?: () => boolean } = {}
): Verstuur {
	const doeFetch = opties.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
	const isOnline = opties.isOnline ?? (() => navigator.onLine);
	return async (verzoek) => {
		if (!isOnline()) return { soort: 'geen-verbinding' };
		const antwoord = await doeFetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(verzoek),
			credentials: 'same-origin'
		});
		const body = (await antwoord.json().catch(() => ({}))) as Record<string, unknown>;
		if (antwoord.ok) {
			return {
				soort: 'opgeslagen',
				id: String(body.id ?? ''),
				gemeldOp: String(body.gemeldOp ?? verzoek.gemeldOp),
				herhaald: body.herhaald === true
			};
		}
		const { fout, veld } = body as FoutAntwoord;
		const tekst = typeof fout === 'string' ? fout : undefined;
		// Signed out, timed out or too many at once: not a verdict on the report, so it waits.
		if (antwoord.status === 401) {
			return {
				soort: 'storing',
				fout: 'U bent niet meer aangemeld. Meld u opnieuw aan: de melding blijft bewaard en gaat daarna mee.'
			};
		}
		if (
			antwoord.status >= 400 &&
			antwoord.status < 500 &&
			antwoord.status !== 408 &&
			antwoord.status !== 429
		) {
			return {
				soort: 'geweigerd',
				status: antwoord.status,
				fout: tekst ?? 'De melding is geweigerd.',
				veld: typeof veld === 'string' ? veld : undefined
			};
		}
		return {
			soort: 'storing',
			fout: 'Er ging iets mis aan onze kant. De melding blijft bewaard en wordt later opnieuw verstuurd.'
		};
	};
}
