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
