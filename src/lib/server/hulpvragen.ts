import type { VoorstelStatus } from '$lib/domain/hulpvraag';
import { matchRedenen } from '$lib/domain/matching';
import { normDeadline, verbredenNa, type Urgentie } from '$lib/domain/normklok';
import type { WijzerStatus } from '$lib/domain/wijzer';
import type { Antwoordkeuze, HulpvraagInvoer, Maatregel } from '$lib/schemas/hulpvraag';
import { asUser, type Claims, type Queryable, type TokenClaims } from '$lib/server/db';
import { alsWeigering, type Weigering } from '$lib/server/db/fouten';
import { MATCH_SQL } from '$lib/server/matching-sql';

// Hulpvragen as the GI, brokers, providers and the expertteam work them. Every query runs as the person
// (or token): RLS decides what each may see, and the functions of migrations 0800–0820 make every
// transition, so this module only shapes rows and turns refusals into Dutch form or API errors.

export type Wie = Claims | TokenClaims;
export type Uitkomst<T> = { ok: true; waarde: T } | { ok: false; weigering: Weigering };

/** Column names in database messages → the field they belong to in the form and API. */
const VELDEN: Record<string, string> = {
	maatregel_datum: 'maatregelDatum',
	'datum van de maatregel': 'maatregelDatum',
	toelichting: 'toelichting',
	leeftijd: 'leeftijd',
	hulpvorm: 'hulpvormen',
	gemeente: 'gemeente',
	max_afstand_km: 'maxAfstandKm',
	uitleg: 'uitleg',
	notitie: 'notitie'
};

/** Runs `fn` as the person; a refusal by the database becomes a Weigering, anything else is thrown. */
async function alsPersoon<T>(wie: Wie, fn: (tx: Queryable) => Promise<T>): Promise<Uitkomst<T>> {
	try {
		return { ok: true, waarde: await asUser(wie, fn) };
	} catch (error) {
		const weigering = alsWeigering(error, VELDEN);
		if (weigering) return { ok: false, weigering };
		throw error;
	}
}

class Geweigerd extends Error {
	constructor(readonly weigering: Weigering) {
		super(weigering.bericht);
	}
}

/** Like alsPersoon, for steps that refuse on their own with {@link Geweigerd}. */
async function stap<T>(wie: Wie, fn: (tx: Queryable) => Promise<T>): Promise<Uitkomst<T>> {
	try {
		return await alsPersoon(wie, fn);
	} catch (error) {
		if (error instanceof Geweigerd) return { ok: false, weigering: error.weigering };
		throw error;
	}
}

// ---------------------------------------------------------------------
// Posting and publishing
// ---------------------------------------------------------------------

/** The gemeente by name (as typed, case and accents aside) or CBS code. */
async function gemeenteCode(tx: Queryable, gemeente: string): Promise<string> {
	const [rij] = await tx.query<{ code: string }>(
		`select code from public.gemeenten
		  where code = upper($1) or lower(naam) = lower($1)
		     or lower(naam) = lower(regexp_replace($1, '^(gemeente)\\s+', '', 'i'))
		  order by code limit 1`,
		[gemeente.trim()]
	);
	if (!rij) {
		throw new Geweigerd({
			status: 400,
			veld: 'gemeente',
			bericht: `Onbekende gemeente "${gemeente.trim()}": kies een gemeente uit de lijst.`
		});
	}
	return rij.code;
}

/** The norm clock's instants for a hulpvraag published now. */
export function normTijden(invoer: { maatregelDatum: string; urgentie: Urgentie }, nu = new Date()) {
	return {
		deadline: normDeadline({
			maatregelDatum: invoer.maatregelDatum,
			urgentie: invoer.urgentie,
			gepubliceerdOp: nu
		}).deadline,
		verbredenNa: verbredenNa(invoer.urgentie, nu)
	};
}

/** Posts a hulpvraag for the caller's own GI (concept or published); returns its reference. */
export function plaatsHulpvraag(
	wie: Wie,
	h: HulpvraagInvoer
): Promise<Uitkomst<{ id: string; referentie: string }>> {
	return stap(wie, async (tx) => {
		const gemeente = await gemeenteCode(tx, h.gemeente);
		const [gi] = await tx.query<{ id: string }>(
			`select o.id from public.organisaties o
			  where o.soort = 'gi' and o.id in (select private.mijn_organisaties()) order by o.naam limit 1`
		);
		if (!gi) throw new Geweigerd({ status: 403, bericht: 'Alleen een GI kan een hulpvraag plaatsen.' });
		const tijden = h.status === 'open' ? normTijden(h) : null;
		const [rij] = await tx.query<{ id: string; referentie: string }>(
			// The regions follow from the gemeente (trigger private.check_hulpvraag).
			`insert into public.hulpvragen (organisatie_id, gemeente_code, leeftijd, geslacht, maatregel, maatregel_datum,
			   urgentie, hulpvorm_codes, tags, max_afstand_km, toelichting, status, norm_deadline, verbreden_na)
			 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
			 returning id, referentie`,
			[
				gi.id,
				gemeente,
				h.leeftijd,
				h.geslacht ?? null,
				h.maatregel,
				h.maatregelDatum,
				h.urgentie,
				h.hulpvormen,
				h.tags,
				h.maxAfstandKm,
				h.toelichting,
				h.status,
				tijden?.deadline ?? null,
				tijden?.verbredenNa ?? null
			]
		);
		if (!rij) throw new Error('plaatsHulpvraag: no row');
		return rij;
	});
}

/** Publishes a concept: from now the norm clock runs and brokers and matching see it. */
export function publiceer(wie: Wie, id: string): Promise<Uitkomst<void>> {
	return stap(wie, async (tx) => {
		const [h] = await tx.query<{ maatregel_datum: string; urgentie: Urgentie }>(
			`select maatregel_datum::text, urgentie from public.hulpvragen where id = $1 and status = 'concept'`,
			[id]
		);
		if (!h)
			throw new Geweigerd({ status: 409, bericht: 'Deze hulpvraag is al gepubliceerd of bestaat niet.' });
		const tijden = normTijden({ maatregelDatum: h.maatregel_datum, urgentie: h.urgentie });
		await tx.query(
			`update public.hulpvragen set status = 'open', norm_deadline = $2, verbreden_na = $3 where id = $1`,
			[id, tijden.deadline, tijden.verbredenNa]
		);
	});
}

/** The GI closes its hulpvraag; running proposals are withdrawn by the database. */
export function trekIn(wie: Wie, id: string): Promise<Uitkomst<void>> {
	return stap(wie, async (tx) => {
		const rijen = await tx.query(
			`update public.hulpvragen set status = 'ingetrokken' where id = $1 and status in ('open', 'concept') returning id`,
			[id]
		);
		if (rijen.length === 0) throw new Geweigerd({ status: 409, bericht: 'Deze hulpvraag is al gesloten.' });
	});
}

/** Comply or explain: records why an overdue hulpvraag missed its norm. */
export function leguit(wie: Wie, id: string, uitleg: string): Promise<Uitkomst<void>> {
	return stap(wie, async (tx) => {
		const rijen = await tx.query(
			'update public.hulpvragen set uitleg_overschrijding = $2 where id = $1 returning id',
			[id, uitleg]
		);
		if (rijen.length === 0)
			throw new Geweigerd({ status: 403, bericht: 'Alleen de GI kan deze uitleg vastleggen.' });
	});
}

// ---------------------------------------------------------------------
// Reading one hulpvraag (logged when read from outside the posting GI)
// ---------------------------------------------------------------------

export interface Hulpvraag {
	id: string;
	referentie: string;
	status: 'concept' | 'open' | 'geplaatst' | 'ingetrokken';
	organisatie: string;
	eigenGi: boolean;
	gemeente: string;
	gemeenteCode: string;
	jeugdregio: string;
	leeftijd: number;
	geslacht: 'jongen' | 'meisje' | 'anders' | null;
	maatregel: Maatregel;
	maatregelDatum: string;
	urgentie: Urgentie;
	hulpvormen: { code: string; naam: string }[];
	tags: string[];
	maxAfstandKm: number;
	toelichting: string;
	gepubliceerdOp: Date | null;
	normDeadline: Date | null;
	verbredenNa: Date | null;
	verbreedOp: Date | null;
	verbreed: boolean;
	uitleg: string | null;
	uitlegOp: Date | null;
	afwijzingenNaIntake: number;
	geslotenOp: Date | null;
}

const HULPVRAAG_KOLOMMEN = `h.id, h.referentie, h.status::text, o.naam as organisatie,
	h.organisatie_id in (select private.mijn_organisaties()) as "eigenGi",
	g.naam as gemeente, h.gemeente_code as "gemeenteCode", j.naam as jeugdregio, h.leeftijd, h.geslacht::text,
	h.maatregel::text, h.maatregel_datum::text as "maatregelDatum", h.urgentie::text,
	(select coalesce(json_agg(json_build_object('code', hv.code, 'naam', hv.naam) order by hv.volgorde), '[]')
	   from public.hulpvormen hv where hv.code = any(h.hulpvorm_codes)) as hulpvormen,
	h.tags, h.max_afstand_km as "maxAfstandKm", h.toelichting, h.gepubliceerd_op as "gepubliceerdOp",
	h.norm_deadline as "normDeadline", h.verbreden_na as "verbredenNa", h.verbreed_op as "verbreedOp",
	public.hulpvraag_verbreed(h.verbreed_op, h.verbreden_na, h.id, now()) as verbreed,
	h.uitleg_overschrijding as uitleg, h.uitleg_op as "uitlegOp",
	h.afwijzingen_na_intake as "afwijzingenNaIntake", h.gesloten_op as "geslotenOp"`;

const HULPVRAAG_JOINS = `join public.organisaties o on o.id = h.organisatie_id
	join public.gemeenten g on g.code = h.gemeente_code
	join public.jeugdregios j on j.code = h.jeugdregio_code`;

/** The hulpvraag with this reference, if the caller may see it; a read from outside its GI is logged. */
export async function leesHulpvraag(wie: Wie, referentie: string): Promise<Hulpvraag | null> {
	return isReferentie(referentie) ? asUser(wie, (tx) => leesIn(tx, referentie)) : null;
}

const isReferentie = (referentie: string) => /^HV-[2-9A-HJ-NP-Z]{4}$/i.test(referentie);

/** One hulpvraag through public.hulpvraag_inzien (which logs the read), within the caller's transaction. */
async function leesIn(tx: Queryable, referentie: string): Promise<Hulpvraag | null> {
	const [rij] = await tx.query<Hulpvraag>(
		`select ${HULPVRAAG_KOLOMMEN} from public.hulpvraag_inzien($1) h ${HULPVRAAG_JOINS}`,
		[referentie]
	);
	return rij ?? null;
}

// ---------------------------------------------------------------------
// Matches and proposals
// ---------------------------------------------------------------------

export interface Match {
	aanbodId: string;
	naam: string;
	organisatie: string;
	locatie: string;
	gemeente: string;
	hulpvormCode: string;
	afstandKm: number;
	vrij: number | null;
	wachttijdWeken: number | null;
	status: WijzerStatus;
	gemeldOp: Date | null;
	gecontracteerd: boolean;
	bovenregionaal: boolean;
	jeugdregio: string;
	gedeeldeTags: string[];
	verbreed: boolean;
	voorstelId: string | null;
	voorstelStatus: VoorstelStatus | null;
	score: number;
	onderdelen: { beschikbaar: number; afstand: number; kenmerken: number; versheid: number };
	redenen: string[];
}

function metRedenen(rijen: Omit<Match, 'redenen'>[]): Match[] {
	const nu = new Date();
	return rijen.map((m) => ({ ...m, redenen: matchRedenen(m, nu) }));
}

/** Ranked matches for a hulpvraag, each with its reasons in Dutch. */
export async function matches(wie: Wie, hulpvraagId: string, aantal = 20): Promise<Match[]> {
	return metRedenen(
		await asUser(wie, (tx) => tx.query<Omit<Match, 'redenen'>>(MATCH_SQL, [hulpvraagId, aantal]))
	);
}

/** The hulpvraag and its ranked matches in one transaction (the matches API: one round trip less). */
export async function hulpvraagMetMatches(
	wie: Wie,
	referentie: string,
	aantal = 20
): Promise<{ hulpvraag: Hulpvraag; matches: Match[] } | null> {
	if (!isReferentie(referentie)) return null;
	const gelezen = await asUser(wie, async (tx) => {
		const hulpvraag = await leesIn(tx, referentie);
		if (!hulpvraag) return null;
		return { hulpvraag, rijen: await tx.query<Omit<Match, 'redenen'>>(MATCH_SQL, [hulpvraag.id, aantal]) };
	});
	return gelezen && { hulpvraag: gelezen.hulpvraag, matches: metRedenen(gelezen.rijen) };
}

export interface Voorstel {
	id: string;
	hulpvraagId: string;
	referentie: string;
	aanbodId: string;
	aanbod: string;
	organisatie: string;
	hulpvorm: string;
	status: VoorstelStatus;
	voorgesteldOp: Date;
	verlooptOp: Date;
	beantwoordOp: Date | null;
	reden: string | null;
	redenToelichting: string | null;
}

const VOORSTEL_SELECT = `select v.id, v.hulpvraag_id as "hulpvraagId", h.referentie, v.aanbod_id as "aanbodId",
	       a.naam as aanbod, o.naam as organisatie, hv.naam as hulpvorm,
	       public.voorstel_status_nu(v.status, v.verloopt_op, now())::text as status,
	       v.voorgesteld_op as "voorgesteldOp", v.verloopt_op as "verlooptOp", v.beantwoord_op as "beantwoordOp",
	       v.reden::text, v.reden_toelichting as "redenToelichting"
	  from public.voorstellen v
	  join public.hulpvragen h on h.id = v.hulpvraag_id
	  join public.aanbod a on a.id = v.aanbod_id
	  join public.organisaties o on o.id = v.aanbieder_id
	  join public.hulpvormen hv on hv.code = a.hulpvorm_code`;

/** The proposals of one hulpvraag that the caller may see. */
export function voorstellenVan(wie: Wie, hulpvraagId: string): Promise<Voorstel[]> {
	return asUser(wie, (tx) =>
		tx.query<Voorstel>(`${VOORSTEL_SELECT} where v.hulpvraag_id = $1 order by v.voorgesteld_op, a.naam`, [
			hulpvraagId
		])
	);
}

/** Proposes the hulpvraag to up to 3 aanbod at once. */
export function doeVoorstellen(
	wie: Wie,
	hulpvraagId: string,
	aanbodIds: string[]
): Promise<Uitkomst<number>> {
	return alsPersoon(wie, async (tx) => {
		const rijen = await tx.query('select id from public.voorstellen_doen($1, $2::uuid[])', [
			hulpvraagId,
			aanbodIds
		]);
		return rijen.length;
	});
}

/** A step on a proposal: the provider's answers, or the GI or broker withdrawing it. */
export type Antwoord = Antwoordkeuze | { soort: 'intrekken' };

/** What a step did: the proposal's status after it, and whether it was a replay of an earlier send. */
export interface Beantwoord {
	status: VoorstelStatus;
	herhaald: boolean;
}

export interface AntwoordOpties {
	/** The idempotency key: a second send with it returns the first result and changes nothing. */
	sleutel?: string | null;
	/** When the answer was made on the device (ISO); chooses the words of an "expired" refusal. */
	gedaanOp?: string | null;
}

/**
 * One step on a proposal (provider's answers, or the GI/broker withdrawing it), for the form action and
 * POST /api/v1/voorstellen/{id}/antwoord alike. A refusal says why in Dutch: 404 for a proposal that is
 * not the caller's, 409 when it no longer takes this answer (expired, withdrawn, answered otherwise).
 */
export function beantwoord(
	wie: Wie,
	voorstelId: string,
	antwoord: Antwoord,
	opties: AntwoordOpties = {}
): Promise<Uitkomst<Beantwoord>> {
	return alsPersoon(wie, (tx) => beantwoordIn(tx, voorstelId, antwoord, opties));
}

/** {@link beantwoord} on a transaction that already acts as the person; throws the database's refusal. */
export async function beantwoordIn(
	tx: Queryable,
	voorstelId: string,
	antwoord: Antwoord,
	opties: AntwoordOpties = {}
): Promise<Beantwoord> {
	if (antwoord.soort === 'intrekken') {
		const [rij] = await tx.query<{ status: VoorstelStatus }>(
			'select status::text from public.voorstel_intrekken($1)',
			[voorstelId]
		);
		if (!rij) throw new Error('beantwoord: no row');
		return { status: rij.status, herhaald: false };
	}
	const afwijzing = 'reden' in antwoord ? antwoord : null;
	const [rij] = await tx.query<Beantwoord>(
		`select status::text as status, herhaald
		   from public.voorstel_beantwoorden($1, $2, $3::public.afwijsreden, $4, $5::uuid, $6::timestamptz)`,
		[
			voorstelId,
			antwoord.soort,
			afwijzing?.reden ?? null,
			afwijzing?.toelichting ?? null,
			opties.sleutel ?? null,
			opties.gedaanOp ?? null
		]
	);
	if (!rij) throw new Error('beantwoord: no row');
	return rij;
}

// ---------------------------------------------------------------------
// Brokering
// ---------------------------------------------------------------------

export function verbreed(wie: Wie, hulpvraagId: string): Promise<Uitkomst<void>> {
	return alsPersoon(wie, async (tx) => {
		await tx.query('select id from public.hulpvraag_verbreden($1)', [hulpvraagId]);
	});
}

export function escaleer(wie: Wie, hulpvraagId: string, notitie: string): Promise<Uitkomst<void>> {
	return alsPersoon(wie, async (tx) => {
		await tx.query('select id from public.hulpvraag_escaleren($1, $2)', [hulpvraagId, notitie]);
	});
}

export interface Escalatie {
	id: string;
	expertteam: string;
	geescaleerdOp: Date;
	notitie: string;
	advies: string | null;
	uitkomst: string | null;
	afgerondOp: Date | null;
	eigenTeam: boolean;
}

export function escalatiesVan(wie: Wie, hulpvraagId: string): Promise<Escalatie[]> {
	return asUser(wie, (tx) =>
		tx.query<Escalatie>(
			`select e.id, o.naam as expertteam, e.geescaleerd_op as "geescaleerdOp", e.notitie, e.advies, e.uitkomst,
			        e.afgerond_op as "afgerondOp", private.heeft_rol_in(e.expertteam_id, 'expertteam') as "eigenTeam"
			   from public.escalaties e join public.organisaties o on o.id = e.expertteam_id
			  where e.hulpvraag_id = $1 order by e.geescaleerd_op`,
			[hulpvraagId]
		)
	);
}

/** The expertteam records its advice and, when done, the outcome. */
export function legAdviesVast(
	wie: Wie,
	escalatieId: string,
	a: { advies: string; uitkomst: string; afronden: boolean }
): Promise<Uitkomst<void>> {
	return stap(wie, async (tx) => {
		if (a.afronden && a.uitkomst.trim() === '') {
			throw new Geweigerd({ status: 400, veld: 'uitkomst', bericht: 'Vul de uitkomst in om af te ronden.' });
		}
		const rijen = await tx.query(
			`update public.escalaties
			    set advies = nullif($2, ''), uitkomst = nullif($3, ''), afgerond_op = case when $4 then now() end
			  where id = $1 returning id`,
			[escalatieId, a.advies, a.uitkomst, a.afronden]
		);
		if (rijen.length === 0)
			throw new Geweigerd({ status: 403, bericht: 'Alleen het expertteam legt advies vast.' });
	});
}

// ---------------------------------------------------------------------
// Lists: the GI's own, the broker's queue, the expertteam's cases, a provider's proposals
// ---------------------------------------------------------------------

export interface HulpvraagRegel {
	id: string;
	referentie: string;
	status: Hulpvraag['status'];
	urgentie: Urgentie;
	gemeente: string;
	leeftijd: number;
	hulpvormen: string[];
	gepubliceerdOp: Date | null;
	normDeadline: Date | null;
	verbreed: boolean;
	/** Days since publication (0 for a concept). */
	dagenWachtend: number;
	lopend: number;
	gereserveerd: number;
	geescaleerd: boolean;
	organisatie: string;
}

const REGEL_KOLOMMEN = `h.id, h.referentie, h.status::text, h.urgentie::text, g.naam as gemeente, h.leeftijd,
	array(select hv.naam from public.hulpvormen hv where hv.code = any(h.hulpvorm_codes) order by hv.volgorde) as hulpvormen,
	h.gepubliceerd_op as "gepubliceerdOp", h.norm_deadline as "normDeadline",
	public.hulpvraag_verbreed(h.verbreed_op, h.verbreden_na, h.id, now()) as verbreed,
	coalesce(extract(day from now() - h.gepubliceerd_op), 0)::int as "dagenWachtend",
	(select count(*) from public.voorstellen v where v.hulpvraag_id = h.id
	    and public.voorstel_status_nu(v.status, v.verloopt_op, now()) in ('voorgesteld', 'gereserveerd', 'intake'))::int as lopend,
	(select count(*) from public.voorstellen v where v.hulpvraag_id = h.id
	    and public.voorstel_status_nu(v.status, v.verloopt_op, now()) in ('gereserveerd', 'intake'))::int as gereserveerd,
	exists (select 1 from public.escalaties e where e.hulpvraag_id = h.id and e.afgerond_op is null) as geescaleerd,
	o.naam as organisatie`;

const URGENTIE_VOLGORDE = `array_position(array['crisis', 'hoog', 'regulier']::public.urgentie[], h.urgentie)`;

/** Lists show cases too: their reads from outside the GI are logged like opening one (issue 4 §12). */
async function logInzage(tx: Queryable, ids: string[]): Promise<void> {
	if (ids.length > 0) await tx.query('select public.log_inzage($1::uuid[])', [ids]);
}

/** The caller's own GI's hulpvragen: open first by deadline, then concepts, then closed. */
export function eigenHulpvragen(wie: Wie): Promise<HulpvraagRegel[]> {
	return asUser(wie, (tx) =>
		tx.query<HulpvraagRegel>(
			`select ${REGEL_KOLOMMEN}
			   from public.hulpvragen h join public.gemeenten g on g.code = h.gemeente_code
			   join public.organisaties o on o.id = h.organisatie_id
			  where h.organisatie_id in (select private.mijn_organisaties())
			  order by array_position(array['open', 'concept', 'geplaatst', 'ingetrokken']::public.hulpvraag_status[], h.status),
			           h.norm_deadline nulls last, h.created_at desc
			  limit 200`
		)
	);
}

export interface WachtrijFilter {
	hulpvorm?: string;
	status?: 'alle' | 'zonder_voorstel' | 'voorgesteld' | 'gereserveerd' | 'verbreed' | 'geescaleerd';
	minDagen?: number;
	overTermijn?: boolean;
}

/** The zorgmakelaar's queue: open hulpvragen of the broker's region, by norm deadline and urgency. */
export function wachtrij(wie: Wie, f: WachtrijFilter = {}): Promise<HulpvraagRegel[]> {
	return asUser(wie, async (tx) => {
		const rijen = await tx.query<HulpvraagRegel>(
			`select * from (
			   select ${REGEL_KOLOMMEN}
			     from public.hulpvragen h join public.gemeenten g on g.code = h.gemeente_code
			     join public.organisaties o on o.id = h.organisatie_id
			    where h.status = 'open' and h.jbregio_code in (select private.mijn_jbregios('zorgmakelaar'))
			      and ($1::text is null or $1::text = any(h.hulpvorm_codes))
			      and (not $3::boolean or h.norm_deadline <= now())
			      and h.gepubliceerd_op <= now() - make_interval(days => $4::int)
			 ) r
			 where ($2::text = 'alle'
			        or ($2::text = 'zonder_voorstel' and r.lopend = 0)
			        or ($2::text = 'voorgesteld' and r.lopend > r.gereserveerd)
			        or ($2::text = 'gereserveerd' and r.gereserveerd > 0)
			        or ($2::text = 'verbreed' and r.verbreed)
			        or ($2::text = 'geescaleerd' and r.geescaleerd))
			 order by r."normDeadline", array_position(array['crisis', 'hoog', 'regulier'], r.urgentie), r.referentie
			 limit 500`,
			[f.hulpvorm ?? null, f.status ?? 'alle', f.overTermijn ?? false, f.minDagen ?? 0]
		);
		await logInzage(
			tx,
			rijen.map((r) => r.id)
		);
		return rijen;
	});
}

/** The expertteam's escalated cases (running first). */
export function expertteamZaken(wie: Wie): Promise<(HulpvraagRegel & { afgerond: boolean })[]> {
	return asUser(wie, async (tx) => {
		const rijen = await tx.query<HulpvraagRegel & { afgerond: boolean }>(
			`select ${REGEL_KOLOMMEN}, e.afgerond_op is not null as afgerond
			   from public.escalaties e
			   join public.hulpvragen h on h.id = e.hulpvraag_id
			   join public.gemeenten g on g.code = h.gemeente_code
			   join public.organisaties o on o.id = h.organisatie_id
			  where private.heeft_rol_in(e.expertteam_id, 'expertteam')
			  order by e.afgerond_op is not null, h.norm_deadline, ${URGENTIE_VOLGORDE}
			  limit 200`
		);
		await logInzage(
			tx,
			rijen.map((r) => r.id)
		);
		return rijen;
	});
}

export interface AanbiederVoorstel extends Voorstel {
	urgentie: Urgentie;
	gemeente: string;
	leeftijd: number;
	normDeadline: Date | null;
}

/** The proposals made to the caller's own organisation: to answer first, then running, then done. */
export function voorstellenAanMij(wie: Wie): Promise<AanbiederVoorstel[]> {
	return asUser(wie, async (tx) => {
		const rijen = await tx.query<AanbiederVoorstel>(
			`select * from (
			   ${VOORSTEL_SELECT.replace(
						'v.reden_toelichting as "redenToelichting"',
						`v.reden_toelichting as "redenToelichting", h.urgentie::text, h.leeftijd,
					 (select gm.naam from public.gemeenten gm where gm.code = h.gemeente_code) as gemeente,
					 h.norm_deadline as "normDeadline"`
					)}
			    where v.aanbieder_id in (select private.mijn_organisaties())
			 ) r
			 order by array_position(array['voorgesteld', 'gereserveerd', 'intake', 'geplaatst', 'afgewezen',
			            'afgewezen_na_intake', 'verlopen', 'ingetrokken'], r.status), r."verlooptOp"
			 limit 200`
		);
		await logInzage(tx, [...new Set(rijen.map((r) => r.hulpvraagId))]);
		return rijen;
	});
}

// ---------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------

export interface TijdlijnRegel {
	op: Date;
	soort: string;
	gegevens: Record<string, unknown>;
	voorstelId: string | null;
	aanbod: string | null;
	doorOrganisatie: string | null;
	doorRol: string | null;
}

export function tijdlijn(wie: Wie, hulpvraagId: string): Promise<TijdlijnRegel[]> {
	return asUser(wie, (tx) =>
		tx.query<TijdlijnRegel>(
			`select op, soort, gegevens, voorstel_id as "voorstelId", aanbod, door_organisatie as "doorOrganisatie",
			        door_rol::text as "doorRol"
			   from public.hulpvraag_tijdlijn($1)`,
			[hulpvraagId]
		)
	);
}

// ---------------------------------------------------------------------
// Choices for the form
// ---------------------------------------------------------------------

export interface HulpvraagKeuzes {
	gemeenten: { code: string; naam: string }[];
	hulpvormen: { code: string; naam: string }[];
}

export function keuzesVoorHulpvraag(wie: Wie): Promise<HulpvraagKeuzes> {
	return asUser(wie, async (tx) => ({
		gemeenten: await tx.query<{ code: string; naam: string }>(
			'select code, naam from public.gemeenten order by naam'
		),
		hulpvormen: await tx.query<{ code: string; naam: string }>(
			'select code, naam from public.hulpvormen where actief order by volgorde'
		)
	}));
}
