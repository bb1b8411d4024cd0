import { createHash } from 'node:crypto';
import type { PushAbonnement } from '$lib/schemas/push';
import { asUser, type Claims } from '$lib/server/db';
import { alsWeigering, type Weigering } from '$lib/server/db/fouten';

// A person's devices with push on. Everything runs as the person: RLS keeps each to their own rows.

export interface Apparaat {
	id: string;
	apparaat: string;
	aangemaaktOp: Date;
	laatstGebruiktOp: Date | null;
	/** SHA-256 of the endpoint (base64url), so the page can tell which row is this browser. */
	kenmerk: string;
}

export type Uitkomst<T> = { ok: true; waarde: T } | { ok: false; weigering: Weigering };

const VELDEN: Record<string, string> = {
	endpoint: 'endpoint',
	p256dh: 'keys.p256dh',
	auth: 'keys.auth',
	apparaat: 'apparaat'
};

/** SHA-256 of an endpoint as base64url; the settings page computes the same in the browser. */
export function endpointKenmerk(endpoint: string): string {
	return createHash('sha256').update(endpoint).digest('base64url');
}

/** Turns push on for this person on the browser that sent the subscription; returns its id. */
export async function abonneer(claims: Claims, abonnement: PushAbonnement): Promise<Uitkomst<string>> {
	try {
		const [rij] = await asUser(claims, (tx) =>
			tx.query<{ id: string }>('select public.push_abonneren($1, $2, $3, $4) as id', [
				abonnement.endpoint,
				abonnement.keys.p256dh,
				abonnement.keys.auth,
				abonnement.apparaat
			])
		);
		if (!rij) throw new Error('abonneer: no row');
		return { ok: true, waarde: rij.id };
	} catch (error) {
		const weigering = alsWeigering(error, VELDEN);
		if (weigering) return { ok: false, weigering };
		throw error;
	}
}

/** Turns push off for this person's browser with this endpoint; true when there was one. */
export async function meldAf(claims: Claims, endpoint: string): Promise<boolean> {
	const rijen = await asUser(claims, (tx) =>
		tx.query('delete from public.push_abonnementen where endpoint = $1 returning id', [endpoint])
	);
	return rijen.length > 0;
}

/** Removes one of this person's devices by id; false when it is not theirs or already gone. */
export async function verwijderApparaat(claims: Claims, id: string): Promise<boolean> {
	const rijen = await asUser(claims, (tx) =>
		tx.query('delete from public.push_abonnementen where id = $1 returning id', [id])
	);
	return rijen.length > 0;
}

/** This person's devices with push on, the most recently added first. */
export async function apparatenVan(claims: Claims): Promise<Apparaat[]> {
	const rijen = await asUser(claims, (tx) =>
		tx.query<Omit<Apparaat, 'kenmerk'> & { endpoint: string }>(
			`select id, apparaat, endpoint, aangemaakt_op as "aangemaaktOp", laatst_gebruikt_op as "laatstGebruiktOp"
			   from public.push_abonnementen order by aangemaakt_op desc`
		)
	);
	return rijen.map(({ endpoint, ...rij }) => ({ ...rij, kenmerk: endpointKenmerk(endpoint) }));
}

export type Testmelding = 'in_wachtrij' | 'al_gevraagd' | 'geen_apparaat';

/** Queues a harmless test push to this person's devices (one per minute). */
export async function stuurTestmelding(claims: Claims): Promise<Testmelding> {
	const [rij] = await asUser(claims, (tx) =>
		tx.query<{ uitkomst: Testmelding }>('select public.push_testmelding() as uitkomst')
	);
	return rij?.uitkomst ?? 'geen_apparaat';
}
