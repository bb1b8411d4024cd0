import { asUser } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';
import { STAND_PER_HULPVORM_SQL } from './overzicht-sql';

export interface HulpvormStand {
	code: string;
	naam: string;
	telwijze: 'plaatsen' | 'startmomenten';
	aanbod: number;
	/** Offerings with a place free now (wijzer status groen). */
	metPlek: number;
	oranje: number;
	rood: number;
	grijs: number;
	/** Free places summed over those offerings. */
	vrijePlaatsen: number;
}

/**
 * Per hulpvorm in a jeugdbeschermingsregio: how many offerings, how many in each wijzer status, and
 * the free places. The start page's overview.
 */
export async function standPerHulpvorm(user: SessionUser, jbregioCode: string): Promise<HulpvormStand[]> {
	return asUser(user.claims, (tx) => tx.query<HulpvormStand>(STAND_PER_HULPVORM_SQL, [jbregioCode]));
}

export interface RegioNaam {
	code: string;
	naam: string;
}

/** The name of a jeugdbeschermingsregio, for headings. */
export async function regioNaam(user: SessionUser, code: string): Promise<RegioNaam | null> {
	const [rij] = await asUser(user.claims, (tx) =>
		tx.query<RegioNaam>('select code, naam from public.jeugdbeschermingsregios where code = $1', [code])
	);
	return rij ?? null;
}
