import {
	geheugenOpslag,
	indexedDbOpslag,
	Outbox,
	verstuurViaFetch,
	type Antwoord,
	type MeldingVelden,
	type MeldingVerzoek,
	type UitgaandeMelding,
	type Uitkomst
} from '$lib/client/outbox';
import { nieuwste, standVan, type Stand } from './stand';

/** How often waiting reports are tried again while the device says it is online. */
const OPNIEUW_MS = 30_000;

/** What the card says about its last save. */
export type Opslagstatus =
	| { soort: 'bezig' }
	| { soort: 'opgeslagen'; om: number }
	| { soort: 'wacht' }
	| { soort: 'storing'; fout: string }
	/** Refused by the server: the figures roll back, the refused ones come back into the form. */
	| { soort: 'geweigerd'; fout: string; veld?: string; verzoek: MeldingVerzoek };

/**
 * The capacity reports of this page: what the server confirmed, what waits in the outbox and how each
 * card's last save went. Cards show the newest of the loaded state, the confirmed and the waiting
 * reports, so a save shows at once (optimistic) and a refusal rolls back by itself.
 */
export class Capaciteitsmeldingen {
	/** Confirmed by the server on this page, per aanbod. */
	bevestigd = $state<Record<string, Stand>>({});
	/** Reports in the outbox, in the order made. */
	wachtend = $state<UitgaandeMelding[]>([]);
	status = $state<Record<string, Opslagstatus>>({});
	online = $state(true);

	readonly #outboxNaam: string;
	#outbox: Outbox | undefined;

	constructor(outboxNaam: string) {
		this.#outboxNaam = outboxNaam;
	}

	/** Created on first use, in the browser only. */
	get #box(): Outbox {
		if (!this.#outbox) {
			const opslag = typeof indexedDB === 'undefined' ? geheugenOpslag() : indexedDbOpslag(this.#outboxNaam);
			this.#outbox = new Outbox(opslag, verstuurViaFetch('/api/v1/capaciteit'), {
				vergrendel: <T>(fn: () => Promise<T>): Promise<T> =>
					// request() resolves to what fn resolves to; its typing does not say so.
					navigator.locks ? (navigator.locks.request(this.#outboxNaam, fn) as Promise<T>) : fn()
			});
			this.#outbox.luister((u) => this.#verwerk(u));
		}
		return this.#outbox;
	}

	wachtendVoor(aanbodId: string): UitgaandeMelding[] {
		return this.wachtend.filter((m) => m.verzoek.aanbodId === aanbodId);
	}

	/** What a card shows: the newest of the loaded, the confirmed and the waiting reports (optimistic). */
	getoond(aanbodId: string, geladen: Stand | null): Stand | null {
		return nieuwste([
			geladen,
			this.bevestigd[aanbodId],
			...this.wachtendVoor(aanbodId).map((m) => standVan(m.verzoek))
		]);
	}

	/** Makes a report now, shows it at once and sends it (or leaves it waiting for a connection). */
	async meld(velden: MeldingVelden): Promise<Antwoord> {
		const melding = this.#box.maak(velden);
		this.wachtend = [...this.wachtend, melding];
		this.status[velden.aanbodId] = { soort: 'bezig' };
		const antwoord = await this.#box.meld(melding);
		await this.#ververs();
		// Not tried because an older report waits before it: it waits too.
		if (
			this.status[velden.aanbodId]?.soort === 'bezig' &&
			this.wachtend.some((m) => m.sleutel === melding.sleutel)
		) {
			this.status[velden.aanbodId] =
				antwoord.soort === 'storing' ? { soort: 'storing', fout: antwoord.fout } : { soort: 'wacht' };
		}
		return antwoord;
	}

	/** Sends what waits (on page load and when the device comes online). */
	async verstuurWachtende(): Promise<void> {
		await this.#ververs();
		for (const m of this.wachtend) this.status[m.verzoek.aanbodId] ??= { soort: 'wacht' };
		await this.#box.verstuurWachtende();
		await this.#ververs();
	}

	/** For onMount: reads the outbox, sends what waits, and again whenever the device comes online. */
	start(): () => void {
		this.online = navigator.onLine;
		const online = () => {
			this.online = true;
			void this.verstuurWachtende();
		};
		const offline = () => (this.online = false);
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		void this.verstuurWachtende();
		// "Online" does not always mean a working connection (a captive portal, a dead cell): try again now and then.
		const opnieuw = setInterval(() => {
			if (this.wachtend.length > 0 && navigator.onLine) void this.verstuurWachtende();
		}, OPNIEUW_MS);
		return () => {
			clearInterval(opnieuw);
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
		};
	}

	async #ververs(): Promise<void> {
		this.wachtend = await this.#box.wachtend();
	}

	#verwerk({ melding, antwoord }: Uitkomst): void {
		const id = melding.verzoek.aanbodId;
		switch (antwoord.soort) {
			case 'opgeslagen': {
				const stand = standVan(melding.verzoek);
				this.bevestigd[id] = nieuwste([this.bevestigd[id], stand]) ?? stand;
				this.status[id] = { soort: 'opgeslagen', om: Date.now() };
				break;
			}
			case 'geweigerd':
				this.status[id] = {
					soort: 'geweigerd',
					fout: antwoord.fout,
					veld: antwoord.veld,
					verzoek: melding.verzoek
				};
				break;
			case 'geen-verbinding':
				this.status[id] = { soort: 'wacht' };
				break;
			case 'storing':
				this.status[id] = { soort: 'storing', fout: antwoord.fout };
				break;
		}
		// Gone from the outbox as soon as the server answered, so the card rolls back or settles at once.
		if (antwoord.soort === 'opgeslagen' || antwoord.soort === 'geweigerd') {
			this.wachtend = this.wachtend.filter((m) => m.sleutel !== melding.sleutel);
		}
	}
}
