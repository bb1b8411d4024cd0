import { asUser } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';
import { celStatus, type StatusTelling, type WijzerStatus } from '$lib/domain/wijzer';
import { WIJZER_SQL } from './wijzer-sql';

export interface WijzerCel extends StatusTelling {
	jeugdregio: string;
	status: WijzerStatus;
	aanbod: number;
	vrijePlaatsen: number;
	snelsteStartWeken: number | null;
}

export interface WijzerRij {
	code: string;
	naam: string;
	telwijze: 'plaatsen' | 'startmomenten';
	cellen: WijzerCel[];
}

export interface Regio {
	code: string;
	naam: string;
}

export interface Wijzer {
	regio: Regio;
	regios: Regio[];
	jeugdregios: Regio[];
	rijen: WijzerRij[];
	gelezenOp: Date;
}

interface CelRij extends StatusTelling {
	hulpvorm: string;
	jeugdregio: string;
	vrijePlaatsen: number;
	snelsteStartWeken: number | null;
}

/** The matrix for one jeugdbeschermingsregio, or null when the code is not a region. */
export async function laadWijzer(user: SessionUser, jbregio: string): Promise<Wijzer | null> {
	return asUser(user.claims, async (tx) => {
		const regios = await tx.query<Regio>(
			'select code, naam from public.jeugdbeschermingsregios order by naam'
		);
		const regio = regios.find((r) => r.code === jbregio);
		if (!regio) return null;
		const jeugdregios = await tx.query<Regio>(
			'select code, naam from public.jeugdregios where jbregio_code = $1 order by code',
			[jbregio]
		);
		const hulpvormen = await tx.query<Omit<WijzerRij, 'cellen'>>(
			'select code, naam, telwijze::text as telwijze from public.hulpvormen where actief order by volgorde'
		);
		const cellen = await tx.query<CelRij>(WIJZER_SQL, [jbregio]);
		// (Map.groupBy needs Node 21; engines allows 20.)
		const perHulpvorm = new Map<string, CelRij[]>();
		for (const c of cellen) perHulpvorm.set(c.hulpvorm, [...(perHulpvorm.get(c.hulpvorm) ?? []), c]);
		return {
			regio,
			regios,
			jeugdregios,
			gelezenOp: new Date(),
			rijen: hulpvormen.map((h) => ({
				...h,
				cellen: (perHulpvorm.get(h.code) ?? []).map(({ hulpvorm, ...c }) => ({
					...c,
					aanbod: c.groen + c.oranje + c.rood + c.grijs,
					status: celStatus(c)
				}))
			}))
		};
	});
}
