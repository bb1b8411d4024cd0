import { asUser, type Claims } from '$lib/server/db';
import type { Lidmaatschap, SessionUser } from './types';
import type { Rol } from '$lib/domain/rollen';

interface ProfielRij {
	user_id: string;
	email: string;
	organisatie_id: string;
	organisatie_naam: string;
	organisatie_soort: Lidmaatschap['organisatieSoort'];
	jbregio_code: string | null;
	rol: Rol;
}

// Every request needs the person's role and organisation to route and render; reading them costs a
// transaction (serialised on the embedded database). They are kept for a few seconds per session. This
// only delays what the pages show after a membership change: every query still runs under RLS, which
// reads memberships live, so access itself changes at once.
const BEWAAR_MS = 10_000;
const MAX_BEWAARD = 1_000;
const bewaard = new Map<string, { user: SessionUser | null; tot: number }>();

/** The person behind verified claims (see loadSessionUser), at most {@link BEWAAR_MS} old. */
export async function sessionUserVoor(claims: Claims): Promise<SessionUser | null> {
	const sleutel = JSON.stringify(claims);
	const nu = Date.now();
	const hit = bewaard.get(sleutel);
	if (hit && hit.tot > nu) return hit.user;
	const user = await loadSessionUser(claims);
	if (bewaard.size >= MAX_BEWAARD) bewaard.delete(bewaard.keys().next().value as string);
	bewaard.set(sleutel, { user, tot: nu + BEWAAR_MS });
	return user;
}

/** Loads the person behind verified claims, as that person (RLS). Null when they have no membership. */
export async function loadSessionUser(claims: Claims): Promise<SessionUser | null> {
	const rijen = await asUser(claims, (tx) => tx.query<ProfielRij>('select * from public.mijn_profiel()'));
	const lidmaatschappen = rijen.map((r): Lidmaatschap => ({
		organisatieId: r.organisatie_id,
		organisatieNaam: r.organisatie_naam,
		organisatieSoort: r.organisatie_soort,
		jbregioCode: r.jbregio_code,
		rol: r.rol
	}));
	const [eerste] = lidmaatschappen;
	if (!eerste || !rijen[0]) return null;
	return { id: claims.sub, email: rijen[0].email, claims, lidmaatschap: eerste, lidmaatschappen };
}
