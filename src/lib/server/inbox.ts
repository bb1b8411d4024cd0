import type { Rol } from '$lib/domain/rollen';
import { asUser, type Queryable } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';

// "Voor u": what needs this person now (issue 4 §11). A provider: new proposals and holds about to end;
// a jeugdbeschermer: answers and expiring holds on the GI's cases, and cases past the norm without an
// explanation; a zorgmakelaar: cases that widened or passed the norm; the expertteam: its escalations.
// Every query runs as the person, so RLS decides what may appear; the page refreshes live.

export interface InboxItem {
	/** Stable key: the proposal, escalation or hulpvraag it is about, with the kind of item. */
	sleutel: string;
	referentie: string;
	tekst: string;
	op: Date;
	/** Needs action soon (an answer due, a hold ending, the norm passed). */
	dringend: boolean;
	/** Where to act: the hulpvraag page, or the provider's proposals list. */
	waar: 'hulpvraag' | 'voorstellen';
	voorstelId: string | null;
}

type Lezer = (tx: Queryable) => Promise<InboxItem[]>;

const aanbieder: Lezer = (tx) =>
	tx.query<InboxItem>(
		`select v.id || ':' || v.status as sleutel, h.referentie, v.id as "voorstelId", 'voorstellen' as waar,
		        case when v.status = 'voorgesteld' then 'Nieuw voorstel voor ' || a.naam
		             else 'Reservering voor ' || a.naam || ' loopt binnen 12 uur af: intake gestart?' end as tekst,
		        case when v.status = 'voorgesteld' then v.voorgesteld_op else v.verloopt_op end as op,
		        v.status = 'gereserveerd' or v.verloopt_op < now() + interval '4 hours' as dringend
		   from public.voorstellen v
		   join public.hulpvragen h on h.id = v.hulpvraag_id
		   join public.aanbod a on a.id = v.aanbod_id
		  where v.aanbieder_id in (select private.mijn_organisaties()) and h.status = 'open'
		    and v.verloopt_op > now()
		    and (v.status = 'voorgesteld' or (v.status = 'gereserveerd' and v.verloopt_op < now() + interval '12 hours'))
		  order by v.verloopt_op`
	);

const gi: Lezer = (tx) =>
	tx.query<InboxItem>(
		`select * from (
		   select v.id || ':' || v.status as sleutel, h.referentie, v.id as "voorstelId", 'hulpvraag' as waar,
		          case v.status
		            when 'gereserveerd' then case when v.verloopt_op < now() + interval '24 hours'
		                                         then a.naam || ': reservering loopt binnen 24 uur af'
		                                         else a.naam || ' heeft geaccepteerd: plek gereserveerd' end
		            when 'afgewezen' then a.naam || ' heeft afgewezen'
		            when 'afgewezen_na_intake' then a.naam || ' heeft afgewezen na de intake'
		            when 'geplaatst' then 'Geplaatst bij ' || a.naam
		          end as tekst,
		          coalesce(v.beantwoord_op, v.bijgewerkt_op) as op,
		          v.status = 'gereserveerd' and v.verloopt_op < now() + interval '24 hours' as dringend
		     from public.voorstellen v
		     join public.hulpvragen h on h.id = v.hulpvraag_id
		     join public.aanbod a on a.id = v.aanbod_id
		    where h.organisatie_id in (select private.mijn_organisaties())
		      and ((v.status = 'gereserveerd' and v.verloopt_op > now())
		           or (v.status in ('afgewezen', 'afgewezen_na_intake', 'geplaatst') and v.bijgewerkt_op > now() - interval '7 days'))
		   union all
		   select h.id || ':uitleg', h.referentie, null, 'hulpvraag', 'Normtermijn voorbij: leg uit waarom', h.norm_deadline, true
		     from public.hulpvragen h
		    where h.organisatie_id in (select private.mijn_organisaties()) and h.status = 'open'
		      and h.norm_deadline <= now() and h.uitleg_op is null
		 ) i order by i.dringend desc, i.op desc limit 50`
	);

const makelaar: Lezer = (tx) =>
	tx.query<InboxItem>(
		`select h.id || ':' || case when h.norm_deadline <= now() then 'norm' else 'verbreed' end as sleutel,
		        h.referentie, null as "voorstelId", 'hulpvraag' as waar,
		        case when h.norm_deadline <= now() then 'Over de normtermijn'
		             else 'Niemand nam aan: automatisch verbreed' end as tekst,
		        coalesce(least(h.norm_deadline, h.verbreden_na), h.gepubliceerd_op) as op,
		        h.norm_deadline <= now() as dringend
		   from public.hulpvragen h
		  where h.status = 'open' and h.jbregio_code in (select private.mijn_jbregios('zorgmakelaar'))
		    and (h.norm_deadline <= now()
		         or (h.verbreed_op is null and public.hulpvraag_verbreed(h.verbreed_op, h.verbreden_na, h.id, now())))
		  order by h.norm_deadline limit 50`
	);

const expertteam: Lezer = (tx) =>
	tx.query<InboxItem>(
		`select e.id || ':escalatie' as sleutel, h.referentie, null as "voorstelId", 'hulpvraag' as waar,
		        case when e.advies is null then 'Escalatie: advies gevraagd' else 'Escalatie: uitkomst nog vast te leggen' end as tekst,
		        e.geescaleerd_op as op, e.advies is null as dringend
		   from public.escalaties e join public.hulpvragen h on h.id = e.hulpvraag_id
		  where private.heeft_rol_in(e.expertteam_id, 'expertteam') and e.afgerond_op is null
		  order by e.geescaleerd_op limit 50`
	);

const PER_ROL: Partial<Record<Rol, Lezer>> = {
	aanbieder,
	jeugdbeschermer: gi,
	gi_coordinator: gi,
	zorgmakelaar: makelaar,
	expertteam
};

export async function inboxVoor(user: SessionUser): Promise<InboxItem[]> {
	const lezer = PER_ROL[user.lidmaatschap.rol];
	return lezer ? asUser(user.claims, lezer) : [];
}
