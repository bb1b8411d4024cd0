// The offline outbox (DESIGN.md §4, issue 5 §2): a request is written here first and then sent, so a
// lost connection, a closed tab or a flat battery loses nothing. Every request carries an idempotency
// key and the device time it was made; the server stores a key once, so sending a request twice, or
// late, does no harm. One queue logic (Wachtrij) serves every kind: capacity reports (Outbox, below) and
// answers to proposals (antwoord-outbox.ts), each in its own store per person.
//
// The queue logic knows nothing of the browser: it takes a store and a send function, so it is tested
// with the in-memory store and a fake send. Browser parts: indexedDbOpslag, verstuurJson.

/** What every request in an outbox carries: the key the server stores it under, once. */
export interface MetSleutel {
	idempotentieSleutel: string;
}

/** One report as POST /api/v1/capaciteit takes it (meldingSchema). */
export interface MeldingVerzoek extends MetSleutel {
	aanbodId: string;
	vrijePlaatsen: number;
	wachtlijst: number;
	wachttijdWeken: number | null;
	eerstvolgendeVrij: string | null;
	alleenNaOverleg: boolean;
	notitie: string;
	/** ISO time on the device when the report was made. */
	gemeldOp: string;
}

/** The figures of a report, without when and which key: what a person fills in. */
export type MeldingVelden = Omit<MeldingVerzoek, 'gemeldOp' | 'idempotentieSleutel'>;

/** A request waiting in an outbox. */
export interface Uitgaand<V> {
	/** The idempotency key, also the key in the store. */
	sleutel: string;
	/** Order made on this device: the outbox sends in this order. */
	volgnummer: number;
	verzoek: V;
}

/** A report waiting in the capacity outbox. */
export type UitgaandeMelding = Uitgaand<MeldingVerzoek>;

/** What the server says about a stored capacity report. */
export interface MeldingOpgeslagen {
	id: string;
	gemeldOp: string;
}

/** What became of one attempt to send a request; `R` is what the server says about a stored one. */
export type Antwoord<R extends object = MeldingOpgeslagen> =
	/** Stored now, or before with this key (herhaald): done. */
	| ({ soort: 'opgeslagen'; herhaald: boolean } & R)
	/** The server refused it (4xx): it leaves the outbox and the person is told why. */
	| { soort: 'geweigerd'; status: number; fout: string; veld?: string }
	/** No connection: it stays and goes out when the device is online again. */
	| { soort: 'geen-verbinding' }
	/** Our fault (5xx, an odd answer): it stays and is tried again later. */
	| { soort: 'storing'; fout: string };

export interface Uitkomst<V = MeldingVerzoek, R extends object = MeldingOpgeslagen> {
	/** The request this is about (a capacity report, an answer, …). */
	melding: Uitgaand<V>;
	antwoord: Antwoord<R>;
}

/** A refused request, kept until the person has seen it (see WachtrijOpties.weigeringen). */
export interface Weigering<V> extends Uitgaand<V> {
	status: number;
	fout: string;
	veld?: string;
	/** ISO time the server refused it. */
	geweigerdOp: string;
}

/** Where waiting requests (or refusals) are kept, by their key. */
export interface OutboxOpslag<T extends { sleutel: string } = UitgaandeMelding> {
	lijst(): Promise<T[]>;
	bewaar(item: T): Promise<void>;
	verwijder(sleutel: string): Promise<void>;
}

export type Verstuur<V = MeldingVerzoek, R extends object = MeldingOpgeslagen> = (
	verzoek: V
) => Promise<Antwoord<R>>;

export interface OutboxOpties {
	nu?: () => Date;
	nieuweSleutel?: () => string;
	/** Lets one tab at a time send (navigator.locks in the browser), so two tabs do not race. */
	vergrendel?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export interface WachtrijOpties<V> extends OutboxOpties {
	/**
	 * Keeps refused requests until the person dismisses them ({@link Wachtrij.vergeet}), so a refusal that
	 * came in while they looked away, or just before a reload, still shows. Without it a refusal only goes
	 * to the listeners.
	 */
	weigeringen?: OutboxOpslag<Weigering<V>>;
	/** What the person reads when a send failed in an unexpected way (the request stays). */
	storingTekst?: string;
}

/** Builds the request from what the person chose, the time it was made and its key. */
export type MaakVerzoek<F, V> = (velden: F, gemaakt: { op: string; sleutel: string }) => V;

function opVolgorde<V>(a: Uitgaand<V>, b: Uitgaand<V>): number {
	return a.volgnummer - b.volgnummer || a.sleutel.localeCompare(b.sleutel);
}

/**
 * The queue logic of every outbox: requests are stored before they are sent, sent one at a time in the
 * order made, kept while there is no connection or the server fails, and removed once the server
 * stored or refused them. A refusal is reported to the listeners (and kept, with `weigeringen`).
 */
export class Wachtrij<F, V extends MetSleutel, R extends object> {
	readonly #opslag: OutboxOpslag<Uitgaand<V>>;
	readonly #verstuur: Verstuur<V, R>;
	readonly #maakVerzoek: MaakVerzoek<F, V>;
	readonly #weigeringen: OutboxOpslag<Weigering<V>> | undefined;
	readonly #storingTekst: string;
	readonly #nu: () => Date;
	readonly #nieuweSleutel: () => string;
	readonly #vergrendel: <T>(fn: () => Promise<T>) => Promise<T>;
	readonly #luisteraars = new Set<(uitkomst: Uitkomst<V, R>) => void>();
	/** Sends run one after another, never two at once, so each request goes out in order and once. */
	#rij: Promise<unknown> = Promise.resolve();
	#laatsteVolgnummer = 0;

	constructor(
		opslag: OutboxOpslag<Uitgaand<V>>,
		verstuur: Verstuur<V, R>,
		maakVerzoek: MaakVerzoek<F, V>,
		opties: WachtrijOpties<V> = {}
	) {
		this.#opslag = opslag;
		this.#verstuur = verstuur;
		this.#maakVerzoek = maakVerzoek;
		this.#weigeringen = opties.weigeringen;
		this.#storingTekst =
			opties.storingTekst ?? 'Het versturen ging mis. Het blijft bewaard en wordt later opnieuw verstuurd.';
		this.#nu = opties.nu ?? (() => new Date());
		this.#nieuweSleutel = opties.nieuweSleutel ?? (() => crypto.randomUUID());
		this.#vergrendel = opties.vergrendel ?? ((fn) => fn());
	}

	/** A new request from what the person chose: its own key, and now as the time it was made. */
	maak(velden: F): Uitgaand<V> {
		const nu = this.#nu();
		// Strictly increasing even within one millisecond, and after a clock step back.
		const volgnummer = Math.max(nu.getTime(), this.#laatsteVolgnummer + 1);
		this.#laatsteVolgnummer = volgnummer;
		const sleutel = this.#nieuweSleutel();
		return { sleutel, volgnummer, verzoek: this.#maakVerzoek(velden, { op: nu.toISOString(), sleutel }) };
	}

	/**
	 * Puts a request in the outbox, then sends everything waiting in order. Resolves with what became of
	 * this request: 'geen-verbinding' or 'storing' means it still waits.
	 */
	async meld(melding: Uitgaand<V>): Promise<Antwoord<R>> {
		await this.#opslag.bewaar(melding);
		const uitkomsten = await this.verstuurWachtende();
		const eigen = uitkomsten.find((u) => u.melding.sleutel === melding.sleutel);
		if (eigen) return eigen.antwoord;
		// An earlier request could not go out, so this one was not tried: it waits behind it.
		return uitkomsten.at(-1)?.antwoord ?? { soort: 'geen-verbinding' };
	}

	/** Sends every waiting request, oldest first; stops at the first that cannot go out now. */
	verstuurWachtende(): Promise<Uitkomst<V, R>[]> {
		const beurt = this.#rij.then(() => this.#vergrendel(() => this.#verstuurAlles()));
		this.#rij = beurt.catch(() => undefined);
		return beurt;
	}

	/** The requests that wait, in the order they were made. */
	async wachtend(): Promise<Uitgaand<V>[]> {
		return (await this.#opslag.lijst()).sort(opVolgorde);
	}

	/** The kept refusals the person has not dismissed yet, oldest first. */
	async geweigerd(): Promise<Weigering<V>[]> {
		return ((await this.#weigeringen?.lijst()) ?? []).sort(opVolgorde);
	}

	/** The person has read this refusal: it goes. */
	async vergeet(sleutel: string): Promise<void> {
		await this.#weigeringen?.verwijder(sleutel);
	}

	/** Called after every attempt to send a request; returns a function that stops listening. */
	luister(fn: (uitkomst: Uitkomst<V, R>) => void): () => void {
		this.#luisteraars.add(fn);
		return () => this.#luisteraars.delete(fn);
	}

	async #verstuurAlles(): Promise<Uitkomst<V, R>[]> {
		const uitkomsten: Uitkomst<V, R>[] = [];
		for (const melding of await this.wachtend()) {
			let antwoord: Antwoord<R>;
			try {
				antwoord = await this.#verstuur(melding.verzoek);
			} catch (error) {
				antwoord = alsAntwoord(error, this.#storingTekst);
			}
			// Kept before it leaves the outbox: a crash in between shows it twice, never not at all.
			if (antwoord.soort === 'geweigerd' && this.#weigeringen) {
				const { status, fout, veld } = antwoord;
				await this.#weigeringen.bewaar({
					...melding,
					status,
					fout,
					...(veld ? { veld } : {}),
					geweigerdOp: this.#nu().toISOString()
				});
			}
			// Answered by the server, stored or refused: done. A refusal is reported, never dropped quietly.
			if (antwoord.soort === 'opgeslagen' || antwoord.soort === 'geweigerd') {
				await this.#opslag.verwijder(melding.sleutel);
			}
			const uitkomst = { melding, antwoord };
			uitkomsten.push(uitkomst);
			for (const fn of this.#luisteraars) fn(uitkomst);
			// Keep the order: nothing newer goes out while an older request still waits.
			if (antwoord.soort === 'geen-verbinding' || antwoord.soort === 'storing') break;
		}
		return uitkomsten;
	}
}

const maakMelding: MaakVerzoek<MeldingVelden, MeldingVerzoek> = (velden, { op, sleutel }) => ({
	...velden,
	gemeldOp: op,
	idempotentieSleutel: sleutel
});

/** The outbox for capacity reports (POST /api/v1/capaciteit). */
export class Outbox extends Wachtrij<MeldingVelden, MeldingVerzoek, MeldingOpgeslagen> {
	constructor(opslag: OutboxOpslag<UitgaandeMelding>, verstuur: Verstuur, opties: OutboxOpties = {}) {
		super(opslag, verstuur, maakMelding, {
			...opties,
			storingTekst: 'Het versturen ging mis. De melding blijft bewaard en wordt later opnieuw verstuurd.'
		});
	}
}

/** fetch rejects with a TypeError when there is no connection; anything else is a fault of ours. */
function alsAntwoord<R extends object>(error: unknown, storingTekst: string): Antwoord<R> {
	if (error instanceof TypeError) return { soort: 'geen-verbinding' };
	return { soort: 'storing', fout: storingTekst };
}

/** A store in memory: for tests, and where IndexedDB is missing (then it lasts as long as the page). */
export function geheugenOpslag<T extends { sleutel: string } = UitgaandeMelding>(
	begin: T[] = []
): OutboxOpslag<T> {
	const items = new Map(begin.map((m) => [m.sleutel, structuredClone(m)]));
	return {
		lijst: async () => [...items.values()].map((m) => structuredClone(m)),
		bewaar: async (m) => void items.set(m.sleutel, structuredClone(m)),
		verwijder: async (sleutel) => void items.delete(sleutel)
	};
}

function alsBelofte<T>(verzoek: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		verzoek.onsuccess = () => resolve(verzoek.result);
		verzoek.onerror = () => reject(verzoek.error ?? new Error('IndexedDB-fout'));
	});
}

/**
 * An outbox in IndexedDB, which survives a closed tab and a restart. One database per person and kind
 * (`naam` holds their id), so a request made by one person is never sent in another's session.
 * `store` is the object store used here; `stores` every store of that database, all made on its first
 * open (the capacity outbox: 'meldingen' only).
 */
export function indexedDbOpslag<T extends { sleutel: string } = UitgaandeMelding>(
	naam: string,
	store = 'meldingen',
	stores: readonly string[] = [store]
): OutboxOpslag<T> {
	let open: Promise<IDBDatabase> | undefined;
	const db = () => {
		open ??= new Promise<IDBDatabase>((resolve, reject) => {
			const verzoek = indexedDB.open(naam, 1);
			verzoek.onupgradeneeded = () => {
				for (const s of stores) verzoek.result.createObjectStore(s, { keyPath: 'sleutel' });
			};
			verzoek.onsuccess = () => resolve(verzoek.result);
			verzoek.onerror = () => reject(verzoek.error ?? new Error('IndexedDB kan niet open.'));
		});
		return open;
	};
	const transactie = async <U>(modus: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<U>) => {
		const tx = (await db()).transaction(store, modus);
		const resultaat = await alsBelofte(fn(tx.objectStore(store)));
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
		lijst: () => transactie('readonly', (s) => s.getAll() as IDBRequest<T[]>),
		bewaar: async (m) => void (await transactie('readwrite', (s) => s.put(m))),
		verwijder: async (sleutel) => void (await transactie('readwrite', (s) => s.delete(sleutel)))
	};
}

/** The JSON body of a refusal from /api/v1. */
interface FoutAntwoord {
	fout?: unknown;
	veld?: unknown;
}

/** The sentences a person reads about one kind of request when sending did not work out. */
export interface VerstuurTeksten {
	/** A 4xx without a message of its own. */
	geweigerd: string;
	/** Signed out (401): it waits until they sign in again. */
	afgemeld: string;
	/** A 5xx or an odd answer: it waits and is tried again. */
	storing: string;
}

export interface VerstuurJsonOpties<V, R extends object> {
	/** Where this request goes, e.g. built from an id in it. */
	url: (verzoek: V) => string;
	/** The JSON body; the request itself by default. */
	body?: (verzoek: V) => unknown;
	/** What the server says about a stored request, from its JSON body. */
	lees: (body: Record<string, unknown>, verzoek: V) => R;
	teksten: VerstuurTeksten;
	fetch?: typeof fetch;
	isOnline?: () => boolean;
}

/** Sends one request as a JSON POST and says what became of it. */
export function verstuurJson<V, R extends object>(opties: VerstuurJsonOpties<V, R>): Verstuur<V, R> {
	const doeFetch = opties.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
	const isOnline = opties.isOnline ?? (() => navigator.onLine);
	const { teksten } = opties;
	return async (verzoek) => {
		if (!isOnline()) return { soort: 'geen-verbinding' };
		const antwoord = await doeFetch(opties.url(verzoek), {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(opties.body ? opties.body(verzoek) : verzoek),
			credentials: 'same-origin'
		});
		const body = (await antwoord.json().catch(() => ({}))) as Record<string, unknown>;
		if (antwoord.ok) {
			return { soort: 'opgeslagen', herhaald: body.herhaald === true, ...opties.lees(body, verzoek) };
		}
		const { fout, veld } = body as FoutAntwoord;
		const tekst = typeof fout === 'string' ? fout : undefined;
		// Signed out, timed out or too many at once: not a verdict on the request, so it waits.
		if (antwoord.status === 401) return { soort: 'storing', fout: teksten.afgemeld };
		if (
			antwoord.status >= 400 &&
			antwoord.status < 500 &&
			antwoord.status !== 408 &&
			antwoord.status !== 429
		) {
			return {
				soort: 'geweigerd',
				status: antwoord.status,
				fout: tekst ?? teksten.geweigerd,
				veld: typeof veld === 'string' ? veld : undefined
			};
		}
		return { soort: 'storing', fout: teksten.storing };
	};
}

/** Sends one report to POST /api/v1/capaciteit and says what became of it. */
export function verstuurViaFetch(
	url: string,
	opties: { fetch?: typeof fetch; isOnline?: () => boolean } = {}
): Verstuur {
	return verstuurJson<MeldingVerzoek, MeldingOpgeslagen>({
		...opties,
		url: () => url,
		lees: (body, verzoek) => ({
			id: String(body.id ?? ''),
			gemeldOp: String(body.gemeldOp ?? verzoek.gemeldOp)
		}),
		teksten: {
			geweigerd: 'De melding is geweigerd.',
			afgemeld:
				'U bent niet meer aangemeld. Meld u opnieuw aan: de melding blijft bewaard en gaat daarna mee.',
			storing: 'Er ging iets mis aan onze kant. De melding blijft bewaard en wordt later opnieuw verstuurd.'
		}
	});
}
