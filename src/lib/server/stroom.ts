import { getDatabase } from '$lib/server/db';

// One LISTEN per process, fanned out to every open Server-Sent Events connection. The payloads carry
// identifiers only (see private.meld_beschikbaarheid, private.meld_hulpvragen); pages re-read through their own RLS.

/** beschikbaarheid: capacity or offerings changed; hulpvragen: a case, its proposals or escalation changed. */
export const KANALEN = ['beschikbaarheid', 'hulpvragen'] as const;
export type Kanaal = (typeof KANALEN)[number];

export type Luisteraar = (kanaal: Kanaal, payload: string) => void;

class Stroom {
	readonly #luisteraars = new Set<Luisteraar>();
	#gestart: Promise<void> | null = null;

	/** Starts listening on first use; a failure is retried on the next subscription. */
	start(): Promise<void> {
		this.#gestart ??= (async () => {
			const db = await getDatabase();
			for (const kanaal of KANALEN) {
				await db.listen(kanaal, (payload) => this.#verstuur(kanaal, payload));
			}
		})().catch((error: unknown) => {
			this.#gestart = null;
			throw error;
		});
		return this.#gestart;
	}

	#verstuur(kanaal: Kanaal, payload: string): void {
		for (const luisteraar of this.#luisteraars) {
			try {
				luisteraar(kanaal, payload);
			} catch {
				// A closed connection must not stop the others; its cancel handler removes it.
			}
		}
	}

	/** Adds a listener; returns the function that removes it. */
	async abonneer(luisteraar: Luisteraar): Promise<() => void> {
		await this.start();
		this.#luisteraars.add(luisteraar);
		return () => this.#luisteraars.delete(luisteraar);
	}

	get aantal(): number {
		return this.#luisteraars.size;
	}
}

const sleutel = Symbol.for('beschikbaarheidswijzer.stroom');
const globaal = globalThis as typeof globalThis & { [sleutel]?: Stroom };

/** The process-wide stream (kept on globalThis so dev-server reloads do not listen twice). */
export function stroom(): Stroom {
	return (globaal[sleutel] ??= new Stroom());
}
