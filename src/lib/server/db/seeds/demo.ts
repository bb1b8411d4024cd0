import type { Queryable } from '../types';
import {
	AANBIEDER_SOORTEN,
	DEMO_AANBIEDERS,
	DEMO_BEHEER,
	DEMO_EXPERTTEAM,
	DEMO_FOCUS,
	GRIJZE_CELLEN,
	GROEPSNAMEN,
	HULPVORM_PROFIELEN,
	NETNUMMERS,
	NOTITIES_AMBULANT,
	NOTITIES_OVERLEG,
	NOTITIES_VERBLIJF,
	profielVan,
	type DemoAanbieder,
	type DoelgroepTag,
	type HulpvormCode,
	type HulpvormProfiel,
	type Taal
} from './catalogus';
import { Rng } from './prng';

// =====================================================================
// The demo region: built in memory from a seeded generator, then written with one statement per table
// (rows passed as one JSON parameter), which keeps PGlite fast and every fresh start identical.
// =====================================================================

/** Fixed seed: change it and every demo id, name pick and number changes with it. */
export const DEMO_SEED = 20_261_122;
/** Minimum number of offerings per hulpvorm in the demo. */
export const MIN_AANBOD_PER_HULPVORM = 4;

type Rol =
	| 'jeugdbeschermer'
	| 'gi_coordinator'
	| 'aanbieder'
	| 'zorgmakelaar'
	| 'expertteam'
	| 'regio_analist'
	| 'beheerder';
type Soort = 'aanbieder' | 'gi' | 'regio' | 'expertteam' | 'beheer';

export interface DemoAccount {
	readonly email: string;
	readonly rol: Rol;
}

export interface Referentie {
	jeugdregios: { code: string; naam: string; jbregio: string }[];
	pc4: {
		pc4: string;
		gemeente_code: string;
		gemeente: string;
		woonplaats: string | null;
		jeugdregio: string;
	}[];
}

interface OrganisatieRij {
	id: string;
	naam: string;
	soort: Soort;
	jbregio_code: string | null;
	contact_telefoon: string | null;
	contact_email: string | null;
	dagen: number;
}
interface UserRij {
	id: string;
	email: string;
	/** 'eigen': own bcrypt hash (the demo accounts); 'gedeeld': one hash shared by the extra staff. */
	wachtwoord: 'eigen' | 'gedeeld';
	dagen: number;
}
interface LidRij {
	organisatie_id: string;
	user_id: string;
	rol: Rol;
	dagen: number;
}
interface LocatieRij {
	id: string;
	organisatie_id: string;
	naam: string;
	pc4: string;
	gemeente_code: string;
	dagen: number;
}
export interface AanbodRij {
	id: string;
	organisatie_id: string;
	locatie_id: string;
	hulpvorm_code: HulpvormCode;
	naam: string;
	omschrijving: string;
	leeftijd_min: number;
	leeftijd_max: number;
	geslachten: ('jongen' | 'meisje')[];
	doelgroep_tags: DoelgroepTag[];
	talen: Taal[];
	contra_indicaties: DoelgroepTag[];
	contract_jeugdregios: string[];
	bovenregionaal: boolean;
	capaciteit_totaal: number;
	dagen: number;
}
export interface MeldingRij {
	id: string;
	aanbod_id: string;
	/** Days before today, and minute of that (Amsterdam) day: reports are made in office hours. */
	dagen: number;
	minuut: number;
	vrije_plaatsen: number;
	wachtlijst: number;
	verwachte_wachttijd_weken: number | null;
	/** eerstvolgende_vrij as days after the report. */
	vrij_over_dagen: number | null;
	alleen_na_overleg: boolean;
	notitie: string;
	gemeld_door: string;
}

export interface DemoData {
	organisaties: OrganisatieRij[];
	users: UserRij[];
	leden: LidRij[];
	locaties: LocatieRij[];
	aanbod: AanbodRij[];
	meldingen: MeldingRij[];
}

/** "Forensische Jeugdzorg Lössland" → "lossland": for e-mail addresses. */
function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * A fictional phone number: Dutch subscriber numbers never start with 0, so "030-0xxxxxx" can never
 * ring anyone, while it still passes the organisaties check and looks like a number to a reader.
 */
function telefoon(rng: Rng, netnummer: string): string {
	const cijfers = 10 - netnummer.length - 1;
	return `${netnummer}-0${String(rng.int(0, 10 ** cijfers - 1)).padStart(cijfers, '0')}`;
}

/** The demo region as rows, from the reference data; pure, so the same input gives the same rows. */
export function buildDemoData(ref: Referentie, accounts: readonly DemoAccount[], seed = DEMO_SEED): DemoData {
	const rng = new Rng(seed);
	const jbVan = new Map(ref.jeugdregios.map((j) => [j.code, j.jbregio]));
	const pc4Per = new Map<string, Referentie['pc4']>();
	for (const p of ref.pc4) pc4Per.set(p.jeugdregio, [...(pc4Per.get(p.jeugdregio) ?? []), p]);
	const regiosVan = (jb: string) => ref.jeugdregios.filter((j) => j.jbregio === jb).map((j) => j.code);

	const data: DemoData = { organisaties: [], users: [], leden: [], locaties: [], aanbod: [], meldingen: [] };
	const org = (naam: string, soort: Soort, jb: string | null, tel: string | null, mail: string | null) => {
		const rij: OrganisatieRij = {
			id: rng.uuid(),
			naam,
			soort,
			jbregio_code: jb,
			contact_telefoon: tel,
			contact_email: mail,
			dagen: 120
		};
		data.organisaties.push(rij);
		return rij;
	};
	const user = (email: string, wachtwoord: UserRij['wachtwoord']) => {
		const rij: UserRij = { id: rng.uuid(), email, wachtwoord, dagen: 119 };
		data.users.push(rij);
		return rij;
	};
	const lid = (o: OrganisatieRij, u: UserRij, rol: Rol) =>
		data.leden.push({ organisatie_id: o.id, user_id: u.id, rol, dagen: 119 });

	// --- GIs, regio's, expert table, beheer ---------------------------------------------------
	const gi = new Map<string, OrganisatieRij>();
	const regio = new Map<string, OrganisatieRij>();
	for (const f of DEMO_FOCUS) {
		const net = NETNUMMERS[regiosVan(f.jbregio)[0] ?? ''] ?? '030';
		gi.set(f.jbregio, org(f.gi, 'gi', f.jbregio, telefoon(rng, net), `bureaudienst@${f.giKort}.gi.demo.nl`));
		regio.set(
			f.jbregio,
			org(f.regio, 'regio', f.jbregio, telefoon(rng, net), `zorgmakelaar@${f.regioKort}.regio.demo.nl`)
		);
	}
	const expertteam = org(
		DEMO_EXPERTTEAM,
		'expertteam',
		'JB05',
		telefoon(rng, '030'),
		'ret@utrecht-flevoland.regio.demo.nl'
	);
	const beheer = org(DEMO_BEHEER, 'beheer', null, null, 'beheer@wijzer.demo.nl');

	// --- Providers, their locaties and aanbod ---------------------------------------------------
	const aanbieders: {
		def: DemoAanbieder;
		org: OrganisatieRij;
		jb: string;
		locaties: (LocatieRij & { plaats: string; jeugdregio: string })[];
		gebruikers: UserRij[];
	}[] = [];
	for (const [index, def] of DEMO_AANBIEDERS.entries()) {
		const jb = jbVan.get(def.jeugdregio);
		if (!jb) throw new Error(`Demo-aanbieder ${def.naam}: jeugdregio ${def.jeugdregio} onbekend.`);
		const o = org(
			def.naam,
			'aanbieder',
			jb,
			telefoon(rng, NETNUMMERS[def.jeugdregio] ?? '030'),
			`intake.${slug(def.kort)}@aanbieder.demo.nl`
		);
		const aantal = index === 0 ? 3 : rng.weighted([1, 2, 3, 4], (n) => [35, 35, 20, 10][n - 1] ?? 0);
		const locaties: (typeof aanbieders)[number]['locaties'] = [];
		const gebruikt = new Set<string>();
		for (let i = 0; i < aantal; i++) {
			const anders = regiosVan(jb).filter((r) => r !== def.jeugdregio);
			const jr = i === 0 || anders.length === 0 || rng.chance(0.7) ? def.jeugdregio : rng.pick(anders);
			const kandidaten = (pc4Per.get(jr) ?? []).filter((p) => !gebruikt.has(p.pc4));
			if (kandidaten.length === 0) continue;
			const p = rng.pick(kandidaten);
			gebruikt.add(p.pc4);
			const plaats = p.woonplaats ?? p.gemeente;
			let naam = `${def.kort} ${plaats}`;
			for (const wijk of ['Noord', 'Zuid', 'Oost', 'West', 'Centrum']) {
				if (!locaties.some((l) => l.naam === naam)) break;
				naam = `${def.kort} ${plaats}-${wijk}`;
			}
			const rij = {
				id: rng.uuid(),
				organisatie_id: o.id,
				naam,
				pc4: p.pc4,
				gemeente_code: p.gemeente_code,
				dagen: 110
			};
			data.locaties.push(rij);
			locaties.push({ ...rij, plaats, jeugdregio: jr });
		}
		if (locaties.length === 0) throw new Error(`Demo-aanbieder ${def.naam}: geen pc4 in ${def.jeugdregio}.`);
		aanbieders.push({ def, org: o, jb, locaties, gebruikers: [] });
	}

	const namenGebruikt = new Set<string>();
	const maakAanbod = (a: (typeof aanbieders)[number], code: HulpvormCode, volgnummer: number): AanbodRij => {
		const profiel = profielVan.get(code) as HulpvormProfiel;
		// Residential help spreads over the sites; ambulant teams work from the first (the office).
		const locatie = profiel.verblijf
			? (a.locaties[volgnummer % a.locaties.length] ?? a.locaties[0])
			: a.locaties[0];
		if (!locatie) throw new Error('unreachable: aanbieder zonder locatie');
		const [vanaf, max] = rng.pick(profiel.leeftijden);
		let min = vanaf;
		const tags = new Set<DoelgroepTag>(rng.sample(profiel.tags, rng.int(1, 3)));
		if (a.def.soort === 'lvb' || code === 'lvb_specialistisch') tags.add('lvb');
		let geslachten: AanbodRij['geslachten'] = [];
		if (rng.chance(profiel.meisjes)) geslachten = ['meisje'];
		else if (rng.chance(profiel.jongens)) geslachten = ['jongen'];
		// A group for young mothers is a group of girls old enough to be one.
		if (tags.has('jonge_moeders') && (code === 'kleinschalig_wonen' || code === 'kamertraining')) {
			geslachten = ['meisje'];
			min = Math.max(min, 15);
		}
		const contra = profiel.contra.filter((c) => !tags.has(c) && rng.chance(0.3));
		const talen = new Set<Taal>(['nl']);
		if (rng.chance(0.3)) talen.add('en');
		const regionaal: Record<string, readonly Taal[]> = {
			JB05: ['ar', 'tr', 'ti', 'uk'],
			JB07: ['ar', 'tr', 'pl', 'so'],
			JB11: ['de', 'pl', 'uk', 'ar']
		};
		for (const t of regionaal[a.jb] ?? []) if (rng.chance(0.08)) talen.add(t);
		if (tags.has('amv')) {
			talen.add('en');
			talen.add(rng.pick(['ti', 'ar', 'fa', 'so'] as const));
		}
		const buren = ref.jeugdregios
			.filter((j) => j.jbregio === a.jb && j.code !== locatie.jeugdregio)
			.map((j) => j.code);
		const contract = new Set([locatie.jeugdregio, a.def.jeugdregio]);
		if (rng.chance(0.1)) for (const b of buren) contract.add(b);
		else if (rng.chance(0.4)) for (const b of rng.sample(buren, rng.int(1, 2))) contract.add(b);
		const grijs = GRIJZE_CELLEN.some((c) => c.jbregio === a.jb && c.hulpvorm === code);

		const groep = rng.pick(GROEPSNAMEN);
		let naam = rng.pick(profiel.namen).replace('{groep}', groep).replace('{plaats}', locatie.plaats);
		if (namenGebruikt.has(naam)) naam = `${naam} (${a.def.kort})`;
		for (let n = 2; namenGebruikt.has(naam); n++) naam = `${naam.replace(/ \d+$/, '')} ${n}`;
		namenGebruikt.add(naam);

		const rij: AanbodRij = {
			id: rng.uuid(),
			organisatie_id: a.org.id,
			locatie_id: locatie.id,
			hulpvorm_code: code,
			naam,
			omschrijving: profiel.omschrijving.replace('{min}', String(min)).replace('{max}', String(max)),
			leeftijd_min: min,
			leeftijd_max: max,
			geslachten,
			doelgroep_tags: [...tags].sort(),
			talen: [...talen],
			contra_indicaties: contra,
			contract_jeugdregios: [...contract].sort(),
			bovenregionaal: !grijs && rng.chance(profiel.bovenregionaal),
			capaciteit_totaal: rng.int(...profiel.capaciteit),
			dagen: rng.int(95, 105)
		};
		data.aanbod.push(rij);
		return rij;
	};

	const aanbodVan = new Map<(typeof aanbieders)[number], AanbodRij[]>();
	for (const [index, a] of aanbieders.entries()) {
		const soort: readonly HulpvormCode[] = AANBIEDER_SOORTEN[a.def.soort];
		const gekozen: HulpvormCode[] = [
			...new Set<HulpvormCode>([soort[0] as HulpvormCode, ...(a.def.vast ?? [])])
		];
		const doel = index === 0 ? gekozen.length : Math.max(gekozen.length, rng.int(3, 7));
		// A gezinshuis organisation runs several houses: each house is its own offering.
		if (a.def.soort === 'gezinshuis') for (let i = rng.int(1, 2); i > 0; i--) gekozen.push('gezinshuis');
		while (gekozen.length < doel) {
			const over = soort.filter((c) => !gekozen.includes(c));
			if (over.length === 0) break;
			// Common kinds of help (by weight) turn up more often than rare ones.
			gekozen.push(rng.weighted(over, (c) => profielVan.get(c)?.gewicht ?? 1));
		}
		aanbodVan.set(
			a,
			gekozen.map((code, i) => maakAanbod(a, code, i))
		);
	}
	// Every hulpvorm at least MIN times: top up from providers whose kind offers it, fewest offerings first.
	for (const profiel of HULPVORM_PROFIELEN) {
		const kandidaten = aanbieders
			.filter((a) => (AANBIEDER_SOORTEN[a.def.soort] as readonly string[]).includes(profiel.code))
			.sort((x, y) => (aanbodVan.get(x)?.length ?? 0) - (aanbodVan.get(y)?.length ?? 0));
		for (const a of kandidaten) {
			if (data.aanbod.filter((r) => r.hulpvorm_code === profiel.code).length >= MIN_AANBOD_PER_HULPVORM)
				break;
			const lijst = aanbodVan.get(a) ?? [];
			lijst.push(maakAanbod(a, profiel.code, lijst.length));
			aanbodVan.set(a, lijst);
		}
	}

	// --- Accounts ---------------------------------------------------------------------------------
	const focus = DEMO_FOCUS[0].jbregio;
	const eersteAanbieder = aanbieders[0];
	if (!eersteAanbieder) throw new Error('Geen demo-aanbieders.');
	const orgVoorRol: Record<Rol, OrganisatieRij | undefined> = {
		jeugdbeschermer: gi.get(focus),
		gi_coordinator: gi.get(focus),
		aanbieder: eersteAanbieder.org,
		zorgmakelaar: regio.get(focus),
		regio_analist: regio.get(focus),
		expertteam,
		beheerder: beheer
	};
	for (const account of accounts) {
		const o = orgVoorRol[account.rol];
		if (!o) throw new Error(`Demo-account ${account.email}: geen organisatie voor rol ${account.rol}.`);
		const u = user(account.email, 'eigen');
		lid(o, u, account.rol);
		if (account.rol === 'aanbieder') eersteAanbieder.gebruikers.push(u);
	}
	// One colleague per provider (password wijzer-demo too): the reporter of its capacity history, and a
	// second provider to sign in as when trying what another organisation may see.
	for (const a of aanbieders) {
		const u = user(`medewerker.${slug(a.def.kort)}@aanbieder.demo.nl`, 'gedeeld');
		lid(a.org, u, 'aanbieder');
		a.gebruikers.push(u);
	}
	for (const f of DEMO_FOCUS.slice(1)) {
		const g = gi.get(f.jbregio);
		const r = regio.get(f.jbregio);
		if (g) lid(g, user(`jeugdbeschermer.${f.giKort}@gi.demo.nl`, 'gedeeld'), 'jeugdbeschermer');
		if (r) lid(r, user(`zorgmakelaar.${f.regioKort}@regio.demo.nl`, 'gedeeld'), 'zorgmakelaar');
	}

	// --- Capacity history -------------------------------------------------------------------------
	for (const a of aanbieders) {
		for (const [i, rij] of (aanbodVan.get(a) ?? []).entries()) {
			const grijs = GRIJZE_CELLEN.some((c) => c.jbregio === a.jb && c.hulpvorm === rij.hulpvorm_code);
			let laatste: number;
			if (grijs) laatste = rng.int(15, 20);
			else if (a === eersteAanbieder)
				laatste = i === 3 ? 9 : rng.int(0, 3); // one stale row to update
			else if (rng.chance(0.12)) laatste = rng.int(8, 20);
			else laatste = Math.floor(rng.next() ** 2 * 7);
			data.meldingen.push(...historie(rng, rij, a.gebruikers, laatste));
		}
	}
	return data;
}

/** Reports every 2–10 days from about 60 days ago (and at least 50 days before the last) to `laatste`. */
function historie(rng: Rng, a: AanbodRij, door: UserRij[], laatste: number): MeldingRij[] {
	const profiel = profielVan.get(a.hulpvorm_code) as HulpvormProfiel;
	const eerste = Math.max(rng.int(58, 62), laatste + rng.int(51, 55));
	const dagen = [eerste];
	for (let d = eerste; d - laatste > 10;) {
		d -= rng.int(2, 10);
		if (d - laatste >= 2) dagen.push(d);
	}
	dagen.push(laatste);

	// Scarcity is the real situation: most residential offerings are full most of the time.
	const krapte = rng.weighted(
		['schaars', 'soms', 'ruim'] as const,
		(k) => ({ schaars: 60, soms: 30, ruim: 10 })[k]
	);
	const kansVrij = profiel.verblijf
		? { schaars: 0.08, soms: 0.3, ruim: 0.55 }[krapte]
		: { schaars: 0.2, soms: 0.45, ruim: 0.75 }[krapte];
	let wachtlijst = profiel.verblijf
		? rng.int(0, a.hulpvorm_code === 'gesloten_jeugdhulp' ? 15 : 10)
		: rng.int(0, 60);
	let wachttijd = rng.int(...profiel.wachttijd);

	return dagen.map((dag) => {
		const vrij = rng.chance(kansVrij)
			? Math.min(
					a.capaciteit_totaal,
					profiel.verblijf ? rng.weighted([1, 2, 3], (n) => [60, 25, 15][n - 1] ?? 0) : rng.int(1, 6)
				)
			: 0;
		wachttijd = Math.min(
			profiel.verblijf ? 52 : 30,
			Math.max(profiel.verblijf ? 1 : 2, wachttijd + rng.int(-2, 2))
		);
		let weken: number | null;
		let vrijOver: number | null;
		if (profiel.verblijf) {
			wachtlijst =
				vrij > 0 ? (rng.chance(0.7) ? 0 : rng.int(0, 2)) : Math.max(0, wachtlijst + rng.int(-2, 3));
			weken = vrij > 0 ? 0 : rng.chance(0.15) ? null : wachttijd;
			if (vrij > 0) vrijOver = rng.chance(0.5) ? 0 : null;
			else if (!rng.chance(0.5)) vrijOver = null;
			else vrijOver = weken === null ? rng.int(3, 30) : Math.max(1, weken * 7 + rng.int(-3, 3));
		} else {
			wachtlijst = Math.max(0, wachtlijst + rng.int(-5, 5));
			weken = vrij > 0 ? rng.int(0, 2) : wachttijd;
			vrijOver = weken * 7 + rng.int(0, 6);
		}
		// "Empty is not always available": a free place sometimes only after consultation.
		const overleg = vrij > 0 && rng.chance(profiel.verblijf ? 0.2 : 0.03);
		let notitie = '';
		if (overleg)
			notitie = profiel.verblijf ? rng.pick(NOTITIES_OVERLEG) : 'Alleen na overleg met de regiebehandelaar.';
		else if (rng.chance(0.12)) notitie = rng.pick(profiel.verblijf ? NOTITIES_VERBLIJF : NOTITIES_AMBULANT);
		return {
			id: rng.uuid(),
			aanbod_id: a.id,
			dagen: dag,
			minuut: rng.int(8 * 60, 17 * 60 + 30),
			vrije_plaatsen: vrij,
			wachtlijst,
			verwachte_wachttijd_weken: weken,
			vrij_over_dagen: vrijOver,
			alleen_na_overleg: overleg,
			notitie,
			gemeld_door: rng.pick(door).id
		};
	});
}

/** The reference data the demo draws from: the focus regions' jeugdregio's and postcode areas. */
export async function readReferentie(tx: Queryable, jbregios: readonly string[]): Promise<Referentie> {
	const jeugdregios = await tx.query<Referentie['jeugdregios'][number]>(
		'select code, naam, jbregio_code as jbregio from public.jeugdregios order by code'
	);
	const pc4 = await tx.query<Referentie['pc4'][number]>(
		`select p.pc4, p.gemeente_code, g.naam as gemeente, p.woonplaats, g.jeugdregio_code as jeugdregio
		   from public.pc4 p
		   join public.gemeenten g on g.code = p.gemeente_code
		   join public.jeugdregios j on j.code = g.jeugdregio_code
		  where j.jbregio_code in (select jsonb_array_elements_text($1::text::jsonb))
		  order by p.pc4`,
		[JSON.stringify(jbregios)]
	);
	for (const jb of jbregios) {
		if (!jeugdregios.some((j) => j.jbregio === jb)) {
			throw new Error(`Referentiedata ontbreekt: geen jeugdregio's in ${jb}. Draai eerst de migraties.`);
		}
	}
	return { jeugdregios, pc4 };
}

// Columns Supabase's auth.users has that GoTrue reads as strings: NULL there breaks its sign-in.
const SUPABASE_LEGE_KOLOMMEN = [
	'confirmation_token',
	'recovery_token',
	'email_change_token_new',
	'email_change_token_current',
	'email_change',
	'phone_change',
	'phone_change_token',
	'reauthentication_token'
];

/** Users shaped as Supabase keeps them; existing e-mail addresses are reused, not duplicated. */
async function insertUsers(tx: Queryable, data: DemoData, wachtwoord: string): Promise<void> {
	const bestaand = await tx.query<{ id: string; email: string }>(
		`select id, lower(email) as email from auth.users
		  where lower(email) in (select lower(jsonb_array_elements_text($1::text::jsonb)))`,
		[JSON.stringify(data.users.map((u) => u.email))]
	);
	const idVan = new Map(bestaand.map((b) => [b.email, b.id]));
	const hernoem = new Map<string, string>();
	for (const u of data.users) {
		const id = idVan.get(u.email.toLowerCase());
		if (id) hernoem.set(u.id, id);
	}
	if (hernoem.size > 0) {
		for (const l of data.leden) l.user_id = hernoem.get(l.user_id) ?? l.user_id;
		for (const m of data.meldingen) m.gemeld_door = hernoem.get(m.gemeld_door) ?? m.gemeld_door;
	}
	const nieuw = data.users.filter((u) => !hernoem.has(u.id));

	const kolommen = new Set(
		(
			await tx.query<{ column_name: string }>(
				`select column_name from information_schema.columns where table_schema = 'auth' and table_name = 'users'`
			)
		).map((k) => k.column_name)
	);
	const leeg = SUPABASE_LEGE_KOLOMMEN.filter((k) => kolommen.has(k));
	// bcrypt cost 10 as Supabase uses: once per demo account, and once for all extra staff together.
	await tx.query(
		`with gedeeld as (select extensions.crypt($2, extensions.gen_salt('bf', 10)) as hash)
		 insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
		   raw_app_meta_data, raw_user_meta_data, created_at, updated_at${leeg.map((k) => `, ${k}`).join('')})
		 select '00000000-0000-0000-0000-000000000000'::uuid, u.id, 'authenticated', 'authenticated', u.email,
		        case u.wachtwoord when 'eigen' then extensions.crypt($2, extensions.gen_salt('bf', 10))
		                          else (select hash from gedeeld) end,
		        now() - make_interval(days => u.dagen),
		        '{"provider": "email", "providers": ["email"]}'::jsonb, '{}'::jsonb,
		        now() - make_interval(days => u.dagen), now() - make_interval(days => u.dagen)${leeg.map(() => `, ''`).join('')}
		   from jsonb_to_recordset($1::text::jsonb) as u(id uuid, email text, wachtwoord text, dagen int)`,
		[JSON.stringify(nieuw), wachtwoord]
	);
	// Supabase Auth signs in with a password only through an 'email' identity.
	const [identities] = await tx.query<{ bestaat: boolean }>(
		`select to_regclass('auth.identities') is not null as bestaat`
	);
	if (identities?.bestaat && nieuw.length > 0) {
		await tx.query(
			`insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
			 select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
			        'email', now(), now()
			   from auth.users u
			  where u.id in (select (jsonb_array_elements_text($1::text::jsonb))::uuid)`,
			[JSON.stringify(nieuw.map((u) => u.id))]
		);
	}
}

/**
 * Writes the demo rows as the database owner, inside the caller's transaction. Rows travel as one JSON
 * text per table (`$1::text::jsonb`: typed jsonb, the postgres driver would JSON-encode the string again).
 */
export async function insertDemoData(tx: Queryable, data: DemoData, wachtwoord: string): Promise<void> {
	const json = (rows: unknown[]) => [JSON.stringify(rows)];
	await tx.query(
		`insert into public.organisaties (id, naam, soort, jbregio_code, contact_telefoon, contact_email, created_at, updated_at)
		 select o.id, o.naam, o.soort, o.jbregio_code, o.contact_telefoon, o.contact_email,
		        now() - make_interval(days => o.dagen), now() - make_interval(days => o.dagen)
		   from jsonb_to_recordset($1::text::jsonb) as o(id uuid, naam text, soort public.organisatie_soort,
		        jbregio_code text, contact_telefoon text, contact_email text, dagen int)`,
		json(data.organisaties)
	);
	await insertUsers(tx, data, wachtwoord);
	await tx.query(
		`insert into public.leden (organisatie_id, user_id, rol, created_at)
		 select l.organisatie_id, l.user_id, l.rol, now() - make_interval(days => l.dagen)
		   from jsonb_to_recordset($1::text::jsonb) as l(organisatie_id uuid, user_id uuid, rol public.rol, dagen int)`,
		json(data.leden)
	);
	await tx.query(
		`insert into public.locaties (id, organisatie_id, naam, pc4, gemeente_code, created_at, updated_at)
		 select l.id, l.organisatie_id, l.naam, l.pc4, l.gemeente_code,
		        now() - make_interval(days => l.dagen), now() - make_interval(days => l.dagen)
		   from jsonb_to_recordset($1::text::jsonb) as l(id uuid, organisatie_id uuid, naam text, pc4 text,
		        gemeente_code text, dagen int)`,
		json(data.locaties)
	);
	await tx.query(
		`insert into public.aanbod (id, organisatie_id, locatie_id, hulpvorm_code, naam, omschrijving, leeftijd_min,
		   leeftijd_max, geslachten, doelgroep_tags, talen, contra_indicaties, contract_jeugdregios, bovenregionaal,
		   capaciteit_totaal, created_at)
		 select a.id, a.organisatie_id, a.locatie_id, a.hulpvorm_code, a.naam, a.omschrijving, a.leeftijd_min,
		        a.leeftijd_max, a.geslachten, a.doelgroep_tags, a.talen, a.contra_indicaties, a.contract_jeugdregios,
		        a.bovenregionaal, a.capaciteit_totaal, now() - make_interval(days => a.dagen)
		   from jsonb_to_recordset($1::text::jsonb) as a(id uuid, organisatie_id uuid, locatie_id uuid, hulpvorm_code text,
		        naam text, omschrijving text, leeftijd_min int, leeftijd_max int, geslachten public.geslacht[],
		        doelgroep_tags text[], talen text[], contra_indicaties text[], contract_jeugdregios text[],
		        bovenregionaal boolean, capaciteit_totaal int, dagen int)`,
		json(data.aanbod)
	);
	await insertMeldingen(tx, data.meldingen);
}

/**
 * Back-dated capacity reports, in time order. A report of "today" later than the current time is moved
 * to just before now(): gemeld_op may never lie in the future.
 */
export async function insertMeldingen(tx: Queryable, meldingen: MeldingRij[]): Promise<void> {
	await tx.query(
		`insert into public.capaciteitsmeldingen (id, aanbod_id, vrije_plaatsen, wachtlijst, verwachte_wachttijd_weken,
		   eerstvolgende_vrij, alleen_na_overleg, notitie, gemeld_door, gemeld_op, ontvangen_op)
		 select m.id, m.aanbod_id, m.vrije_plaatsen, m.wachtlijst, m.verwachte_wachttijd_weken,
		        (t.op at time zone 'Europe/Amsterdam')::date + m.vrij_over_dagen,
		        m.alleen_na_overleg, m.notitie, m.gemeld_door, t.op, least(t.op + interval '2 seconds', now())
		   from jsonb_to_recordset($1::text::jsonb) as m(id uuid, aanbod_id uuid, dagen int, minuut int, vrije_plaatsen int,
		        wachtlijst int, verwachte_wachttijd_weken int, vrij_over_dagen int, alleen_na_overleg boolean,
		        notitie text, gemeld_door uuid)
		  cross join lateral (
		    select least(
		      (date_trunc('day', now() at time zone 'Europe/Amsterdam') - make_interval(days => m.dagen)
		        + make_interval(mins => m.minuut)) at time zone 'Europe/Amsterdam',
		      now() - make_interval(mins => 2 + m.minuut % 57)
		    ) as op
		  ) t
		  order by t.op, m.id`,
		[JSON.stringify(meldingen)]
	);
}
