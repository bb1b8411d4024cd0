import { asUser, type Claims, type TokenClaims } from '$lib/server/db';
import { alsWeigering, type Weigering } from '$lib/server/db/fouten';
import type { Melding } from '$lib/schemas/capaciteit';

export interface Opgeslagen {
	id: string;
	gemeldOp: Date;
	/** True when this idempotency key was stored before: the replay changed nothing. */
	herhaald: boolean;
}

export type MeldUitkomst = { ok: true; melding: Opgeslagen } | { ok: false; weigering: Weigering };

const veldVanKolom = {
	vrije_plaatsen: 'vrijePlaatsen',
	'meer vrije plaatsen': 'vrijePlaatsen',
	wachtlijst: 'wachtlijst',
	verwachte_wachttijd_weken: 'wachttijdWeken',
	gemeld_op: 'gemeldOp',
	// The unnamed table check "gemeld_op <= ontvangen_op + 5 minutes".
	capaciteitsmeldingen_check: 'gemeldOp',
	aanbod_id: 'aanbodId'
};

/**
 * Appends one capaciteitsmelding as the person or token, so RLS decides whether it is their aanbod.
 * A replay with a known idempotency key returns the stored report instead of adding another.
 */
export async function meldCapaciteit(claims: Claims | TokenClaims, m: Melding): Promise<MeldUitkomst> {
	try {
		const melding = await asUser(claims, async (tx) => {
			const [nieuw] = await tx.query<{ id: string; gemeldOp: Date }>(
				`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, wachtlijst, verwachte_wachttijd_weken,
				   eerstvolgende_vrij, alleen_na_overleg, notitie, gemeld_op, idempotentie_sleutel)
				 values ($1, $2, $3, $4, $5::date, $6, $7, coalesce($8::timestamptz, now()), $9)
				 on conflict (idempotentie_sleutel) do nothing
				 returning id, gemeld_op as "gemeldOp"`,
				[
					m.aanbodId,
					m.vrijePlaatsen,
					m.wachtlijst,
					m.wachttijdWeken,
					m.eerstvolgendeVrij,
					m.alleenNaOverleg,
					m.notitie,
					m.gemeldOp ?? null,
					m.idempotentieSleutel ?? null
				]
			);
			if (nieuw) return { ...nieuw, herhaald: false };
			const [eerder] = await tx.query<{ id: string; gemeldOp: Date }>(
				`select id, gemeld_op as "gemeldOp" from public.capaciteitsmeldingen
				  where idempotentie_sleutel = $1 and aanbod_id = $2`,
				[m.idempotentieSleutel, m.aanbodId]
			);
			if (!eerder)
				throw Object.assign(new Error('Deze idempotentiesleutel is al gebruikt voor ander aanbod.'), {
					code: '23505'
				});
			return { ...eerder, herhaald: true };
		});
		return { ok: true, melding };
	} catch (error) {
		const weigering = alsWeigering(error, veldVanKolom);
		if (!weigering) throw error;
		if (weigering.status === 403) {
			weigering.bericht = 'U kunt alleen capaciteit melden voor aanbod van uw eigen organisatie.';
			weigering.veld = 'aanbodId';
		}
		if (weigering.status === 404) {
			weigering.bericht = 'Dit aanbod bestaat niet.';
			weigering.veld = 'aanbodId';
		}
		if (weigering.veld === 'gemeldOp') {
			weigering.bericht = 'Het meldtijdstip ligt in de toekomst. Controleer de klok van het apparaat.';
		}
		return { ok: false, weigering };
	}
}

export interface EigenStand {
	aanbodId: string;
	naam: string;
	hulpvormCode: string;
	actief: boolean;
	capaciteitTotaal: number;
	vrijePlaatsen: number | null;
	wachtlijst: number | null;
	wachttijdWeken: number | null;
	eerstvolgendeVrij: string | null;
	alleenNaOverleg: boolean | null;
	gemeldOp: Date | null;
}

/** The asking organisation's own aanbod with its current capacity: how a planning system learns its ids. */
export async function eigenStand(claims: Claims | TokenClaims): Promise<EigenStand[]> {
	return asUser(claims, (tx) =>
		tx.query<EigenStand>(
			`select z.aanbod_id as "aanbodId", z.naam, z.hulpvorm_code as "hulpvormCode", z.actief,
			        z.capaciteit_totaal as "capaciteitTotaal", z.vrije_plaatsen as "vrijePlaatsen", z.wachtlijst,
			        z.verwachte_wachttijd_weken as "wachttijdWeken", z.eerstvolgende_vrij::text as "eerstvolgendeVrij",
			        z.alleen_na_overleg as "alleenNaOverleg", z.gemeld_op as "gemeldOp"
			   from public.aanbod_zoek z
			  where z.organisatie_id in (select private.mijn_organisaties())
			  order by z.naam, z.aanbod_id`
		)
	);
}
