import { asUser } from '$lib/server/db';
import { alsWeigering, type Weigering } from '$lib/server/db/fouten';
import type { SessionUser } from '$lib/server/auth/types';
import type { Aanbod, Locatie } from '$lib/schemas/aanbod';

// Managing a provider's own locaties and aanbod. Every query runs as the person: RLS lets a provider's
// staff change only their own organisation's rows, and constraints refuse what the form might miss.

export interface LocatieRij {
	id: string;
	naam: string;
	pc4: string;
	gemeente: string;
	aanbod: number;
}

export interface Keuzes {
	hulpvormen: { code: string; naam: string }[];
	locaties: LocatieRij[];
	jbregios: { code: string; naam: string; jeugdregios: { code: string; naam: string }[] }[];
}

export type Uitkomst = { ok: true; id: string } | { ok: false; weigering: Weigering };

export async function lijstLocaties(user: SessionUser): Promise<LocatieRij[]> {
	return asUser(user.claims, (tx) =>
		tx.query<LocatieRij>(
			`select l.id, l.naam, l.pc4, g.naam as gemeente,
			        (select count(*) from public.aanbod a where a.locatie_id = l.id)::int as aanbod
			   from public.locaties l
			   join public.gemeenten g on g.code = l.gemeente_code
			  where l.organisatie_id = $1
			  order by l.naam`,
			[user.lidmaatschap.organisatieId]
		)
	);
}

const onbekendePc4 = (pc4: string): Weigering => ({
	status: 400,
	veld: 'pc4',
	bericht: `Onbekende postcode ${pc4}: controleer de vier cijfers.`
});

/** Adds (id null) or changes a location; the gemeente is the PC4's own. */
export async function bewaarLocatie(user: SessionUser, id: string | null, l: Locatie): Promise<Uitkomst> {
	try {
		return await asUser(user.claims, async (tx) => {
			const [pc4] = await tx.query<{ gemeente_code: string }>(
				'select gemeente_code from public.pc4 where pc4 = $1',
				[l.pc4]
			);
			if (!pc4) return { ok: false, weigering: onbekendePc4(l.pc4) };
			const [rij] = id
				? await tx.query<{ id: string }>(
						`update public.locaties set naam = $2, pc4 = $3, gemeente_code = $4, updated_at = now()
						  where id = $1 and organisatie_id = $5 returning id`,
						[id, l.naam, l.pc4, pc4.gemeente_code, user.lidmaatschap.organisatieId]
					)
				: await tx.query<{ id: string }>(
						`insert into public.locaties (organisatie_id, naam, pc4, gemeente_code)
						 values ($1, $2, $3, $4) returning id`,
						[user.lidmaatschap.organisatieId, l.naam, l.pc4, pc4.gemeente_code]
					);
			if (!rij)
				return { ok: false, weigering: { status: 404, bericht: 'Deze locatie bestaat niet (meer).' } };
			return { ok: true, id: rij.id };
		});
	} catch (error) {
		const weigering = alsWeigering(error, { naam: 'naam', pc4: 'pc4' });
		if (!weigering) throw error;
		return { ok: false, weigering };
	}
}

/** Removes a location without offerings; one with offerings stays (its history refers to them). */
export async function verwijderLocatie(user: SessionUser, id: string): Promise<Uitkomst> {
	return asUser(user.claims, async (tx) => {
		const [gebruik] = await tx.query<{ n: number }>(
			'select count(*)::int as n from public.aanbod where locatie_id = $1',
			[id]
		);
		if ((gebruik?.n ?? 0) > 0) {
			return {
				ok: false,
				weigering: {
					status: 409,
					bericht: `Op deze locatie is nog ${gebruik!.n} aanbod. Verplaats of beëindig dat aanbod eerst.`
				}
			};
		}
		const rijen = await tx.query('delete from public.locaties where id = $1 returning id', [id]);
		if (rijen.length === 0)
			return { ok: false, weigering: { status: 404, bericht: 'Deze locatie bestaat niet (meer).' } };
		return { ok: true, id };
	});
}

/** What the aanbod form offers to choose from. */
export async function aanbodKeuzes(user: SessionUser): Promise<Keuzes> {
	const locaties = await lijstLocaties(user);
	return asUser(user.claims, async (tx) => {
		const hulpvormen = await tx.query<{ code: string; naam: string }>(
			'select code, naam from public.hulpvormen where actief order by volgorde'
		);
		const regios = await tx.query<{ jb: string; jbNaam: string; code: string; naam: string }>(
			`select b.code as jb, b.naam as "jbNaam", j.code, j.naam
			   from public.jeugdregios j join public.jeugdbeschermingsregios b on b.code = j.jbregio_code
			  order by b.naam, j.naam`
		);
		const jbregios: Keuzes['jbregios'] = [];
		for (const r of regios) {
			let groep = jbregios.at(-1);
			if (groep?.code !== r.jb) jbregios.push((groep = { code: r.jb, naam: r.jbNaam, jeugdregios: [] }));
			groep.jeugdregios.push({ code: r.code, naam: r.naam });
		}
		return { hulpvormen, locaties, jbregios };
	});
}

/** One of the organisation's offerings, as the form shows it. */
export async function laadAanbod(user: SessionUser, id: string): Promise<Aanbod | null> {
	const [rij] = await asUser(user.claims, (tx) =>
		tx.query<Aanbod>(
			`select naam, omschrijving, hulpvorm_code as hulpvorm, locatie_id as "locatieId",
			        leeftijd_min as "leeftijdMin", leeftijd_max as "leeftijdMax", geslachten::text[] as geslachten,
			        doelgroep_tags as tags, talen, contra_indicaties as "contraIndicaties",
			        contract_jeugdregios as "contractJeugdregios", bovenregionaal, capaciteit_totaal as "capaciteitTotaal",
			        actief
			   from public.aanbod where id = $1 and organisatie_id = $2`,
			[id, user.lidmaatschap.organisatieId]
		)
	);
	return rij ?? null;
}

const veldVanKolom = {
	leeftijd_min: 'leeftijdMin',
	leeftijd_max: 'leeftijdMax',
	capaciteit_totaal: 'capaciteitTotaal',
	'De capaciteit (': 'capaciteitTotaal',
	jeugdregio: 'contractJeugdregios',
	locatie: 'locatieId',
	hulpvorm: 'hulpvorm',
	naam: 'naam'
};

/** Adds (id null) or changes an offering of the person's organisation. */
export async function bewaarAanbod(user: SessionUser, id: string | null, a: Aanbod): Promise<Uitkomst> {
	const waarden = [
		a.naam,
		a.omschrijving,
		a.hulpvorm,
		a.locatieId,
		a.leeftijdMin,
		a.leeftijdMax,
		a.geslachten,
		a.tags,
		a.talen,
		a.contraIndicaties,
		a.contractJeugdregios,
		a.bovenregionaal,
		a.capaciteitTotaal,
		a.actief,
		user.lidmaatschap.organisatieId
	];
	try {
		const [rij] = await asUser(user.claims, (tx) =>
			id
				? tx.query<{ id: string }>(
						`update public.aanbod set naam = $1, omschrijving = $2, hulpvorm_code = $3, locatie_id = $4,
						        leeftijd_min = $5, leeftijd_max = $6, geslachten = $7::text[]::public.geslacht[],
						        doelgroep_tags = $8, talen = $9, contra_indicaties = $10, contract_jeugdregios = $11,
						        bovenregionaal = $12, capaciteit_totaal = $13, actief = $14
						  where id = $16 and organisatie_id = $15 returning id`,
						[...waarden, id]
					)
				: tx.query<{ id: string }>(
						`insert into public.aanbod (naam, omschrijving, hulpvorm_code, locatie_id, leeftijd_min, leeftijd_max,
						   geslachten, doelgroep_tags, talen, contra_indicaties, contract_jeugdregios, bovenregionaal,
						   capaciteit_totaal, actief, organisatie_id)
						 values ($1, $2, $3, $4, $5, $6, $7::text[]::public.geslacht[], $8, $9, $10, $11, $12, $13, $14, $15)
						 returning id`,
						waarden
					)
		);
		if (!rij) return { ok: false, weigering: { status: 404, bericht: 'Dit aanbod bestaat niet (meer).' } };
		return { ok: true, id: rij.id };
	} catch (error) {
		const weigering = alsWeigering(error, veldVanKolom);
		if (!weigering) throw error;
		if (weigering.veld === 'locatieId' && weigering.status === 404)
			weigering.bericht = 'Kies een eigen locatie.';
		return { ok: false, weigering };
	}
}
