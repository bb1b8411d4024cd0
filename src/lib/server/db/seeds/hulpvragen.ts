import { normDeadline, verbredenNa, type Urgentie } from '../../../domain/normklok';
import type { Queryable } from '../types';
import { DEMO_AANBIEDERS, DEMO_EXPERTTEAM, DEMO_FOCUS } from './catalogus';

// A few demo hulpvragen of the first demo GI, so every role's pages have something true to show on a
// fresh start: one just posted, one with an answer and a hold, one past its norm (widened and escalated),
// one waiting without proposals, a concept, and one placed. Norm clocks are computed as the app does.

interface DemoHulpvraag {
	gemeente: string;
	leeftijd: number;
	geslacht: 'jongen' | 'meisje' | null;
	maatregel: 'ots' | 'vots' | 'voogdij' | 'jeugdreclassering' | 'machtiging_uhp';
	/** Days before today of the measure and of publication (null: a concept). */
	maatregelDagen: number;
	gepubliceerdUren: number | null;
	urgentie: Urgentie;
	hulpvormen: string[];
	tags: string[];
	toelichting: string;
	/** Proposals to the best-scoring aanbod, in this order: voorgesteld, gereserveerd, afgewezen, geplaatst. */
	voorstellen: ('voorgesteld' | 'gereserveerd' | 'afgewezen' | 'geplaatst')[];
	escaleren?: string;
}

const DAG_MS = 24 * 60 * 60 * 1000;
const UUR_MS = 60 * 60 * 1000;

const DEMO_HULPVRAGEN: readonly DemoHulpvraag[] = [
	{
		gemeente: 'GM0344',
		leeftijd: 15,
		geslacht: 'meisje',
		maatregel: 'machtiging_uhp',
		maatregelDagen: 0,
		gepubliceerdUren: 2,
		urgentie: 'crisis',
		hulpvormen: ['crisisplek'],
		tags: ['trauma'],
		toelichting: 'Veilige plek nodig na escalatie thuis; school in de buurt houden is wenselijk.',
		voorstellen: ['voorgesteld']
	},
	{
		gemeente: 'GM0307',
		leeftijd: 9,
		geslacht: 'jongen',
		maatregel: 'ots',
		maatregelDagen: 12,
		gepubliceerdUren: 24 * 6,
		urgentie: 'hoog',
		hulpvormen: ['gezinshuis', 'pleegzorg'],
		tags: ['hechting'],
		toelichting: 'Broertje blijft thuis; omgang met moeder wekelijks begeleid.',
		voorstellen: ['gereserveerd', 'afgewezen']
	},
	{
		gemeente: 'GM0344',
		leeftijd: 13,
		geslacht: null,
		maatregel: 'ots',
		maatregelDagen: 100,
		gepubliceerdUren: 24 * 95,
		urgentie: 'regulier',
		hulpvormen: ['jeugd_ggz_ambulant', 'traumabehandeling'],
		tags: ['trauma', 'lvb'],
		toelichting: 'Behandeling na huiselijk geweld; LVB, dus visueel en met korte sessies.',
		voorstellen: ['afgewezen'],
		escaleren: 'Na drie maanden nog geen passende traumabehandeling met LVB-expertise in de regio.'
	},
	{
		gemeente: 'GM0034',
		leeftijd: 16,
		geslacht: 'jongen',
		maatregel: 'jeugdreclassering',
		maatregelDagen: 10,
		gepubliceerdUren: 24 * 9,
		urgentie: 'regulier',
		hulpvormen: ['kamertraining'],
		tags: [],
		toelichting: 'Wil zelfstandig wonen leren; werkt parttime.',
		voorstellen: []
	},
	{
		gemeente: 'GM0344',
		leeftijd: 6,
		geslacht: null,
		maatregel: 'vots',
		maatregelDagen: 1,
		gepubliceerdUren: null,
		urgentie: 'hoog',
		hulpvormen: ['gezinshuis'],
		tags: ['jonge_kinderen', 'broers_zussen'],
		toelichting: 'Samen met zusje plaatsen als dat kan.',
		voorstellen: []
	},
	{
		gemeente: 'GM0307',
		leeftijd: 14,
		geslacht: 'meisje',
		maatregel: 'ots',
		maatregelDagen: 40,
		gepubliceerdUren: 24 * 38,
		urgentie: 'regulier',
		hulpvormen: ['behandelgroep'],
		tags: [],
		toelichting: '',
		voorstellen: ['geplaatst']
	}
];

/** Inserts the demo hulpvragen as the owner (back-dated; the database allows that to a seed only). */
export async function insertDemoHulpvragen(tx: Queryable, nu = new Date()): Promise<void> {
	const focus = DEMO_FOCUS[0];
	if (!focus) return;
	const [gi] = await tx.query<{ id: string }>(
		`select id from public.organisaties where naam = $1 and soort = 'gi'`,
		[focus.gi]
	);
	const [jb] = await tx.query<{ id: string }>(
		`select l.user_id as id from public.leden l where l.organisatie_id = $1 and l.rol = 'jeugdbeschermer'
		  order by l.created_at limit 1`,
		[gi?.id]
	);
	if (!gi || !jb) return;
	await voorstelVoorDemoAanbieder(tx, gi.id, jb.id, nu);
	for (const h of DEMO_HULPVRAGEN) {
		const maatregel = new Date(nu.getTime() - h.maatregelDagen * DAG_MS).toLocaleDateString('sv-SE', {
			timeZone: 'Europe/Amsterdam'
		});
		const gepubliceerd =
			h.gepubliceerdUren === null ? null : new Date(nu.getTime() - h.gepubliceerdUren * UUR_MS);
		const klok = gepubliceerd
			? {
					deadline: normDeadline({
						maatregelDatum: maatregel,
						urgentie: h.urgentie,
						gepubliceerdOp: gepubliceerd
					}).deadline,
					verbreden: verbredenNa(h.urgentie, gepubliceerd)
				}
			: null;
		const [rij] = await tx.query<{ id: string }>(
			// The regions follow from the gemeente (trigger private.check_hulpvraag).
			`insert into public.hulpvragen (organisatie_id, aangemaakt_door, gemeente_code, leeftijd, geslacht, maatregel,
			   maatregel_datum, urgentie, hulpvorm_codes, tags, toelichting, status, gepubliceerd_op, norm_deadline,
			   verbreden_na, created_at)
			 values ($1, $2, $3, $4, $5::public.geslacht, $6::public.maatregel, $7::date, $8::public.urgentie, $9::text[],
			         $10::text[], $11, $12::public.hulpvraag_status, $13::timestamptz, $14::timestamptz, $15::timestamptz,
			         coalesce($13::timestamptz, now()))
			 returning id`,
			[
				gi.id,
				jb.id,
				h.gemeente,
				h.leeftijd,
				h.geslacht,
				h.maatregel,
				maatregel,
				h.urgentie,
				h.hulpvormen,
				h.tags,
				h.toelichting,
				gepubliceerd ? 'open' : 'concept',
				gepubliceerd,
				klok?.deadline ?? null,
				klok?.verbreden ?? null
			]
		);
		if (!rij || !gepubliceerd) continue;
		await voorstellenVoor(tx, rij.id, h, gepubliceerd, jb.id);
		if (h.escaleren) {
			await tx.query(
				`insert into public.escalaties (hulpvraag_id, expertteam_id, geescaleerd_door, geescaleerd_op, notitie)
				 select $1, o.id, null, $3::timestamptz, $4 from public.organisaties o where o.naam = $2`,
				[rij.id, DEMO_EXPERTTEAM, new Date(nu.getTime() - 2 * DAG_MS), h.escaleren]
			);
		}
	}
}

/**
 * One more hulpvraag, made to fit an offering of the first demo provider (the one aanbieder@demo.nl works
 * for) and proposed to it, so the provider's demo account has a proposal to answer.
 */
async function voorstelVoorDemoAanbieder(tx: Queryable, gi: string, jb: string, nu: Date): Promise<void> {
	const [a] = await tx.query<{ id: string; hulpvorm_code: string; leeftijd: number; gemeente_code: string }>(
		`select a.id, a.hulpvorm_code, a.leeftijd_min as leeftijd, l.gemeente_code
		   from public.aanbod a
		   join public.organisaties o on o.id = a.organisatie_id
		   join public.locaties l on l.id = a.locatie_id
		   join public.gemeenten g on g.code = l.gemeente_code
		  where o.naam = $1 and a.actief and g.jeugdregio_code = any(a.contract_jeugdregios)
		  order by a.naam limit 1`,
		[DEMO_AANBIEDERS[0]?.naam]
	);
	if (!a) return;
	const gepubliceerd = new Date(nu.getTime() - 3 * UUR_MS);
	const maatregel = new Date(nu.getTime() - 5 * DAG_MS).toLocaleDateString('sv-SE', {
		timeZone: 'Europe/Amsterdam'
	});
	const [rij] = await tx.query<{ id: string }>(
		`insert into public.hulpvragen (organisatie_id, aangemaakt_door, gemeente_code, leeftijd, maatregel,
		   maatregel_datum, urgentie, hulpvorm_codes, toelichting, status, gepubliceerd_op, norm_deadline,
		   verbreden_na, created_at)
		 values ($1, $2, $3, $4, 'ots', $5::date, 'hoog', array[$6::text], 'Structuur en een vaste mentor; sport helpt.',
		         'open', $7::timestamptz, $8::timestamptz, $9::timestamptz, $7::timestamptz)
		 returning id`,
		[
			gi,
			jb,
			a.gemeente_code,
			a.leeftijd,
			maatregel,
			a.hulpvorm_code,
			gepubliceerd,
			normDeadline({ maatregelDatum: maatregel, urgentie: 'hoog', gepubliceerdOp: gepubliceerd }).deadline,
			verbredenNa('hoog', gepubliceerd)
		]
	);
	if (!rij) return;
	await tx.query(
		`insert into public.voorstellen (hulpvraag_id, aanbod_id, aanbieder_id, voorgesteld_door, voorgesteld_op, verloopt_op)
		 select $1, a.id, a.organisatie_id, $3, $4::timestamptz, $4::timestamptz + t.reactietermijn
		   from public.aanbod a join public.termijnen t on t.urgentie = 'hoog' where a.id = $2`,
		[rij.id, a.id, jb, new Date(gepubliceerd.getTime() + UUR_MS)]
	);
}

/** Proposals to the best matches of the hulpvraag, made a day after publication, answered a day later. */
async function voorstellenVoor(
	tx: Queryable,
	hulpvraagId: string,
	h: DemoHulpvraag,
	gepubliceerd: Date,
	door: string
): Promise<void> {
	if (h.voorstellen.length === 0) return;
	// A hold or placement needs a free place; a refusal may come from anyone. match_aanbod answers only
	// those who work the case, so the seed asks as the GI's jeugdbeschermer (and is nobody again after).
	await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
		JSON.stringify({ sub: door, role: 'authenticated' })
	]);
	const matches = await tx.query<{ aanbod_id: string }>(
		`select aanbod_id from public.match_aanbod($1, now(), 50) order by vrij > 0 desc, score desc limit $2`,
		[hulpvraagId, h.voorstellen.length]
	);
	await tx.query(`select set_config('request.jwt.claims', '', true)`);
	const voorgesteld = new Date(Math.min(gepubliceerd.getTime() + UUR_MS, Date.now() - UUR_MS / 2));
	for (const [i, status] of h.voorstellen.entries()) {
		const aanbod = matches[i]?.aanbod_id;
		if (!aanbod) break;
		const geplaatst = status === 'geplaatst';
		await tx.query(
			`insert into public.voorstellen (hulpvraag_id, aanbod_id, aanbieder_id, status, voorgesteld_door, voorgesteld_op,
			   verloopt_op, beantwoord_op, reden)
			 select $1, a.id, a.organisatie_id, $3::public.voorstel_status, $4, $5::timestamptz,
			        case $3 when 'voorgesteld' then now() + t.reactietermijn / 2
			                when 'gereserveerd' then now() + t.reserveringsduur / 2
			                else $5::timestamptz + t.reactietermijn end,
			        case when $3 <> 'voorgesteld' then $5::timestamptz + interval '3 hours' end,
			        case when $3 = 'afgewezen' then 'geen_plek'::public.afwijsreden end
			   from public.aanbod a join public.termijnen t on t.urgentie = $6::public.urgentie
			  where a.id = $2`,
			[hulpvraagId, aanbod, status, door, voorgesteld, h.urgentie]
		);
		if (geplaatst) {
			await tx.query(`update public.hulpvragen set status = 'geplaatst', gesloten_op = $2 where id = $1`, [
				hulpvraagId,
				new Date(voorgesteld.getTime() + 5 * DAG_MS)
			]);
		}
	}
}
