import {
	AntwoordOutbox,
	antwoordOpslag,
	verstuurAntwoordViaFetch,
	type AntwoordVelden,
	type AntwoordVerwerkt,
	type AntwoordVerzoek,
	type GeweigerdAntwoord,
	type UitgaandAntwoord
} from '$lib/client/antwoord-outbox';
import type { Uitkomst } from '$lib/client/outbox';
import { stapGelukt, statusNaAntwoord, type VoorstelStatus } from '$lib/domain/hulpvraag';

/** How often waiting answers are tried again while the device says it is online. */
const OPNIEUW_MS = 30_000;

/** What a card says about its answer while it is not settled. */
export type Verzendstatus = { soort: 'bezig' } | { soort: 'storing'; fout: string };

/**
 * The provider's answers on the proposals page: what waits in the outbox (shown at once as it will be),
 * what the server refused (kept until the person dismisses it) and the news of the last one that went
 * through. After the server has answered, the page data is loaded again (`ververs`).
 */
export class Voorstelantwoorden {
	/** Answers in the outbox, in the order made. */
	wachtend = $state<UitgaandAntwoord[]>([]);
	/** Refused answers the person has not dismissed, oldest first. */
	geweigerd = $state<GeweigerdAntwoord[]>([]);
	/** Per proposal: sending now, or a fault of ours (it still waits). */
	status = $state<Record<string, Verzendstatus>>({});
	/** Per proposal: the status the server confirmed, shown until the reloaded page data has it too. */
	bevestigd = $state<Record<string, VoorstelStatus>>({});
	/** The news of the last answer that went through. */
	gelukt = $state<{ voorstelId: string; tekst: string } | null>(null);
	online = $state(true);

	readonly #outboxNaam: string;
	readonly #ververs: () => Promise<void>;
	#outbox: AntwoordOutbox | undefined;

	constructor(outboxNaam: string, ververs: () => Promise<void>) {
		this.#outboxNaam = outboxNaam;
		this.#ververs = ververs;
	}

	/** Created on first use, in the browser only. */
	get #box(): AntwoordOutbox {
		if (!this.#outbox) {
			const opslag = antwoordOpslag(this.#outboxNaam);
			this.#outbox = new AntwoordOutbox(opslag.wachtend, verstuurAntwoordViaFetch(), {
				weigeringen: opslag.geweigerd,
				vergrendel: <T>(fn: () => Promise<T>): Promise<T> =>
					// request() resolves to what fn resolves to; its typing does not say so.
					navigator.locks ? (navigator.locks.request(this.#outboxNaam, fn) as Promise<T>) : fn()
			});
			this.#outbox.luister((u) => this.#verwerk(u));
		}
		return this.#outbox;
	}

	/** The answer to this proposal that waits to be sent, if any. */
	wachtendVoor(voorstelId: string): AntwoordVerzoek | undefined {
		return this.wachtend.find((m) => m.verzoek.voorstelId === voorstelId)?.verzoek;
	}

	geweigerdVoor(voorstelId: string): GeweigerdAntwoord[] {
		return this.geweigerd.filter((g) => g.verzoek.voorstelId === voorstelId);
	}

	/** What the card shows: a waiting answer as it will be (optimistic), else the newest known status. */
	getoondeStatus(voorstelId: string, geladen: VoorstelStatus): VoorstelStatus {
		const wacht = this.wachtendVoor(voorstelId);
		return wacht ? statusNaAntwoord[wacht.soort] : (this.bevestigd[voorstelId] ?? geladen);
	}

	/** Makes the answer now, shows it at once and sends it (or leaves it waiting for a connection). */
	async beantwoord(velden: AntwoordVelden): Promise<void> {
		const antwoord = this.#box.maak(velden);
		this.wachtend = [...this.wachtend, antwoord];
		if (this.gelukt?.voorstelId === velden.voorstelId) this.gelukt = null;
		this.status[velden.voorstelId] = { soort: 'bezig' };
		const uitkomst = await this.#box.meld(antwoord);
		if (this.status[velden.voorstelId]?.soort === 'bezig') {
			if (uitkomst.soort === 'storing') {
				this.status[velden.voorstelId] = { soort: 'storing', fout: uitkomst.fout };
			} else delete this.status[velden.voorstelId];
		}
		await this.#naVersturen();
	}

	/** Sends what waits (on page load, when the device comes online, and on "Nu versturen"). */
	async verstuurWachtende(): Promise<void> {
		await this.#lees();
		if (this.wachtend.length === 0) return;
		await this.#box.verstuurWachtende();
		await this.#naVersturen();
	}

	/** The person has read the refusal: it goes, here and from the device. */
	async sluit(sleutel: string): Promise<void> {
		this.geweigerd = this.geweigerd.filter((g) => g.sleutel !== sleutel);
		await this.#box.vergeet(sleutel);
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

	async #lees(): Promise<void> {
		[this.wachtend, this.geweigerd] = await Promise.all([this.#box.wachtend(), this.#box.geweigerd()]);
	}

	/** Set when the server processed or refused an answer: the proposals changed, so reload them. */
	#teVerversen = false;

	/** Reads the outbox again and, once the server answered anything, the page data. */
	async #naVersturen(): Promise<void> {
		await this.#lees();
		if (!this.#teVerversen) return;
		this.#teVerversen = false;
		const gezien = { ...this.bevestigd };
		await this.#ververs();
		// The reloaded data has these statuses now: the page shows them from there.
		for (const [id, status] of Object.entries(gezien)) {
			if (this.bevestigd[id] === status) delete this.bevestigd[id];
		}
	}

	#verwerk({ melding, antwoord }: Uitkomst<AntwoordVerzoek, AntwoordVerwerkt>): void {
		const id = melding.verzoek.voorstelId;
		switch (antwoord.soort) {
			case 'opgeslagen':
				this.#teVerversen = true;
				this.bevestigd[id] = antwoord.status;
				this.gelukt = { voorstelId: id, tekst: stapGelukt[melding.verzoek.soort] };
				delete this.status[id];
				break;
			case 'geweigerd':
				this.#teVerversen = true;
				delete this.status[id];
				if (this.gelukt?.voorstelId === id) this.gelukt = null;
				break;
			case 'geen-verbinding':
				delete this.status[id];
				break;
			case 'storing':
				this.status[id] = { soort: 'storing', fout: antwoord.fout };
				break;
		}
		// Gone from the outbox as soon as the server answered, so the card settles at once.
		if (antwoord.soort === 'opgeslagen' || antwoord.soort === 'geweigerd') {
			this.wachtend = this.wachtend.filter((m) => m.sleutel !== melding.sleutel);
		}
	}
}
