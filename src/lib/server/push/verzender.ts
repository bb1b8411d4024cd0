import type { Agent } from 'node:https';
import webpush from 'web-push';
import { getDatabase, type Database } from '$lib/server/db';
import { isPushSoort, pushBericht } from './bericht';
import { pushInstelling, type VapidSleutels } from './sleutels';

// The push sender: takes queued pushes (private.push_berichten), sends each to every device of its
// person with web-push, removes subscriptions the push service says are gone (404/410), and retries
// what failed on the push service's side later. It runs as the database owner (the queue is private),
// outside any transaction while it waits for push services, so the embedded database is never held up.

/** A push older than this is not worth sending any more: also the TTL the push service gets. */
const TTL_SECONDEN = 24 * 60 * 60;
const MAX_POGINGEN = 6;
const CLAIM = '5 minutes';

export interface VerzendOpties {
	db: Database;
	sleutels: VapidSleutels;
	/** How long one push service may take to answer, in ms (default 10 s). */
	timeoutMs?: number;
	/** How to reach push services (tests: an agent that trusts the loopback service's certificate). */
	agent?: Agent;
	/** Rows claimed per round trip (default 50). */
	batch?: number;
	nu?: () => Date;
	log?: (bericht: string) => void;
}

export interface Verzendronde {
	/** Queue rows handled in this pass. */
	berichten: number;
	/** Pushes the push services accepted. */
	afgeleverd: number;
	/** Subscriptions removed because the push service no longer knows them. */
	verwijderd: number;
	/** Pushes that failed and will be tried again (or were given up). */
	mislukt: number;
}

interface Wachtend {
	id: string;
	user_id: string;
	soort: string;
	url: string;
	pogingen: number;
	afgeleverd_aan: string[];
	oud: boolean;
}

interface Abonnement {
	id: string;
	user_id: string;
	endpoint: string;
	p256dh: string;
	auth: string;
}

type Resultaat = 'afgeleverd' | 'weg' | 'opnieuw' | 'geweigerd';

/** 1, 2, 4, 8, 16 minutes after the first, second, … failure. */
function wachttijdMs(pogingen: number): number {
	return 60_000 * 2 ** Math.min(pogingen, 4);
}

function statusVan(error: unknown): number | undefined {
	const code = (error as { statusCode?: unknown } | null)?.statusCode;
	return typeof code === 'number' ? code : undefined;
}

async function verstuurEen(abonnement: Abonnement, payload: string, o: VerzendOpties): Promise<Resultaat> {
	try {
		await webpush.sendNotification(
			{ endpoint: abonnement.endpoint, keys: { p256dh: abonnement.p256dh, auth: abonnement.auth } },
			payload,
			{
				vapidDetails: o.sleutels,
				TTL: TTL_SECONDEN,
				urgency: 'high',
				timeout: o.timeoutMs ?? 10_000,
				...(o.agent ? { agent: o.agent } : {})
			}
		);
		return 'afgeleverd';
	} catch (error) {
		const status = statusVan(error);
		// The endpoint's host only: the full URL is the subscription's secret.
		let host = '?';
		try {
			host = new URL(abonnement.endpoint).host;
		} catch {
			// keep '?'
		}
		if (status === 404 || status === 410) return 'weg';
		(o.log ?? console.warn)(
			`Web push naar ${host} mislukt: ${status ?? (error instanceof Error ? error.message : String(error))}`
		);
		// 429 and 5xx: the push service's trouble, try again; no answer at all: the same. Other 4xx: this
		// push will not go through to that device (e.g. payload refused), so it is not retried.
		if (status === undefined || status === 429 || status >= 500) return 'opnieuw';
		return 'geweigerd';
	}
}

/** Sends one queued push to its person's devices and records what came of it. */
async function verwerk(
	w: Wachtend,
	abonnementen: Abonnement[],
	o: VerzendOpties,
	ronde: Verzendronde
): Promise<void> {
	ronde.berichten++;
	const afgeleverd = new Set(w.afgeleverd_aan);
	const open = w.oud ? [] : abonnementen.filter((a) => a.user_id === w.user_id && !afgeleverd.has(a.id));
	const payload = isPushSoort(w.soort) ? JSON.stringify(pushBericht(w.soort, w.url)) : null;
	const resultaten: Resultaat[] = payload
		? await Promise.all(open.map((a) => verstuurEen(a, payload, o)))
		: open.map(() => 'geweigerd');
	const weg = open.filter((_, i) => resultaten[i] === 'weg').map((a) => a.id);
	const gelukt = open.filter((_, i) => resultaten[i] === 'afgeleverd').map((a) => a.id);
	const opnieuw = resultaten.filter((r) => r === 'opnieuw').length;
	ronde.afgeleverd += gelukt.length;
	ronde.verwijderd += weg.length;
	ronde.mislukt += opnieuw + resultaten.filter((r) => r === 'geweigerd').length;
	for (const id of gelukt) afgeleverd.add(id);

	const pogingen = w.pogingen + (opnieuw > 0 ? 1 : 0);
	const klaar = opnieuw === 0 || pogingen >= MAX_POGINGEN;
	let uitkomst: 'afgeleverd' | 'geen_apparaat' | 'opgegeven' | null = null;
	if (klaar) {
		if (afgeleverd.size > 0) uitkomst = 'afgeleverd';
		else if (!w.oud && resultaten.every((r) => r === 'weg')) uitkomst = 'geen_apparaat';
		else uitkomst = 'opgegeven';
	}
	const stap = (o.nu ?? (() => new Date()))();
	await o.db.transaction(async (tx) => {
		if (weg.length > 0) {
			await tx.query('delete from public.push_abonnementen where id = any($1::uuid[])', [weg]);
		}
		if (gelukt.length > 0) {
			await tx.query(
				'update public.push_abonnementen set laatst_gebruikt_op = $2::timestamptz where id = any($1::uuid[])',
				[gelukt, stap.toISOString()]
			);
		}
		await tx.query(
			`update private.push_berichten
			    set afgeleverd_aan = $2::uuid[], pogingen = $3, geclaimd_tot = null,
			        verstuurd_op = case when $4::text is not null then $5::timestamptz end, uitkomst = $4::text,
			        volgende_poging = case when $4::text is null then $6::timestamptz else volgende_poging end
			  where id = $1::bigint`,
			[
				w.id,
				[...afgeleverd],
				pogingen,
				uitkomst,
				stap.toISOString(),
				new Date(stap.getTime() + wachttijdMs(Math.max(0, pogingen - 1))).toISOString()
			]
		);
	});
}

/**
 * One pass over the queue: sends every push that is due, until none is left. Throws only when the
 * database does; push services' failures are recorded on the rows.
 */
export async function verstuurWachtende(o: VerzendOpties): Promise<Verzendronde> {
	const nu = () => (o.nu ?? (() => new Date()))();
	const ronde: Verzendronde = { berichten: 0, afgeleverd: 0, verwijderd: 0, mislukt: 0 };
	const batch = o.batch ?? 50;
	for (;;) {
		const moment = nu().toISOString();
		// Claim rows first (skip those another server holds), then send outside the transaction.
		const wachtend = await o.db.query<Wachtend>(
			`update private.push_berichten b
			    set geclaimd_tot = $1::timestamptz + interval '${CLAIM}'
			  where b.id in (
			    select w.id from private.push_berichten w
			     where w.verstuurd_op is null and w.volgende_poging <= $1::timestamptz
			       and (w.geclaimd_tot is null or w.geclaimd_tot < $1::timestamptz)
			     order by w.volgende_poging, w.id
			     limit $2
			     for update skip locked)
			  returning b.id::text, b.user_id, b.soort, b.url, b.pogingen, b.afgeleverd_aan,
			            b.aangemaakt_op < $1::timestamptz - make_interval(secs => $3) as oud`,
			[moment, batch, TTL_SECONDEN]
		);
		if (wachtend.length === 0) break;
		const abonnementen = await o.db.query<Abonnement>(
			`select id, user_id, endpoint, p256dh, auth from public.push_abonnementen where user_id = any($1::uuid[])`,
			[[...new Set(wachtend.map((w) => w.user_id))]]
		);
		// The rows of a batch go out side by side: one slow push service holds up no other person.
		await Promise.all(wachtend.map((w) => verwerk(w, abonnementen, o, ronde)));
		if (wachtend.length < batch) break;
	}
	return ronde;
}

/** Queues what time brings (holds ending, norms passed) as of now; returns how many were queued. */
export async function tijdgebondenInWachtrij(db: Database, nu = new Date()): Promise<number> {
	const [rij] = await db.query<{ aantal: number }>(
		'select private.push_tijdgebonden($1::timestamptz) as aantal',
		[nu.toISOString()]
	);
	return rij?.aantal ?? 0;
}

export interface PushVerzender {
	/** Sends what is due now (also what LISTEN triggers); resolves when the pass is done. */
	wek(): Promise<void>;
	/** Queues what time brings, then sends. */
	tik(): Promise<void>;
	stop(): Promise<void>;
}

export interface StartOpties extends Partial<Omit<VerzendOpties, 'db' | 'sleutels'>> {
	db?: Database;
	sleutels?: VapidSleutels;
	/** Every how many ms to queue what time brings and retry (default 60 s). */
	tikMs?: number;
	env?: NodeJS.ProcessEnv;
}

/**
 * Starts the sender: LISTEN on channel push, and every minute the time-based pushes and retries.
 * Returns null when push is off (PUSH_UITZETTEN, no keys with DATABASE_URL) or cannot start; never
 * throws, and nothing it runs later throws out of its loop.
 */
export async function startPushVerzender(opties: StartOpties = {}): Promise<PushVerzender | null> {
	const log = opties.log ?? ((bericht: string) => console.warn(bericht));
	try {
		let sleutels = opties.sleutels;
		if (!sleutels) {
			const instelling = pushInstelling(opties.env);
			if (!instelling.aan) {
				log(`Web push staat uit: ${instelling.reden}`);
				return null;
			}
			sleutels = instelling.sleutels;
		}
		const db = opties.db ?? (await getDatabase());
		const verzendOpties: VerzendOpties = { ...opties, db, sleutels, log };
		const nu = opties.nu ?? (() => new Date());

		let bezig: Promise<void> | null = null;
		let nogmaals = false;
		let gestopt = false;
		const wek = (): Promise<void> => {
			if (gestopt) return Promise.resolve();
			if (bezig) {
				// A notification during a pass: go round once more when it is done.
				nogmaals = true;
				return bezig;
			}
			bezig = (async () => {
				do {
					nogmaals = false;
					try {
						await verstuurWachtende(verzendOpties);
					} catch (error) {
						log(`Web push: versturen mislukt: ${error instanceof Error ? error.message : String(error)}`);
					}
				} while (nogmaals && !gestopt);
			})().finally(() => {
				bezig = null;
			});
			return bezig;
		};
		const tik = async (): Promise<void> => {
			if (gestopt) return;
			try {
				await tijdgebondenInWachtrij(db, nu());
			} catch (error) {
				log(
					`Web push: tijdgebonden meldingen mislukt: ${error instanceof Error ? error.message : String(error)}`
				);
			}
			await wek();
		};

		const stopLuisteren = await db.listen('push', () => void wek());
		const timer = setInterval(() => void tik(), opties.tikMs ?? 60_000);
		timer.unref();
		void tik();
		return {
			wek,
			tik,
			async stop() {
				gestopt = true;
				clearInterval(timer);
				try {
					await stopLuisteren();
				} catch {
					// The database may be closing already.
				}
				await bezig;
			}
		};
	} catch (error) {
		log(`Web push kon niet starten: ${error instanceof Error ? error.message : String(error)}`);
		return null;
	}
}
