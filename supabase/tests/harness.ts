import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { runAsAnon, runAsUser } from '../../src/lib/server/db/index';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import type { Claims, Database, Queryable, TokenClaims } from '../../src/lib/server/db/types';
import type { Rol } from '../../src/lib/domain/rollen';

// =====================================================================
// Test harness for the SQL schema: one database per test file and engine, migrated, with fixtures
// (one organisation per kind, one user per rol). Tests act as a user, never as the owner; the owner
// connection only sets things up and checks what the database refuses even to its owner.
// =====================================================================

export type Engine = 'pglite' | 'postgres';

/** PGlite always; a Postgres server too when the global setup found one (or TEST_DATABASE_URL). */
export function engines(): Engine[] {
	return inject('pgUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export const orgKeys = ['aanbiederA', 'aanbiederB', 'gi', 'regio', 'expertteam', 'beheer'] as const;
export type OrgKey = (typeof orgKeys)[number];

export type { Rol };

/** One signed-in user per rol, plus a second provider (`aanbieder_b`) in another organisation. */
export const personas = [
	'jeugdbeschermer',
	'gi_coordinator',
	'aanbieder',
	'aanbieder_b',
	'zorgmakelaar',
	'regio_analist',
	'expertteam',
	'beheerder'
] as const;
export type Persona = (typeof personas)[number];

export const personaSpec: Record<Persona, { org: OrgKey; rol: Rol }> = {
	jeugdbeschermer: { org: 'gi', rol: 'jeugdbeschermer' },
	gi_coordinator: { org: 'gi', rol: 'gi_coordinator' },
	aanbieder: { org: 'aanbiederA', rol: 'aanbieder' },
	aanbieder_b: { org: 'aanbiederB', rol: 'aanbieder' },
	zorgmakelaar: { org: 'regio', rol: 'zorgmakelaar' },
	regio_analist: { org: 'regio', rol: 'regio_analist' },
	expertteam: { org: 'expertteam', rol: 'expertteam' },
	beheerder: { org: 'beheer', rol: 'beheerder' }
};

const orgSpec: Record<OrgKey, { naam: string; soort: string }> = {
	aanbiederA: { naam: 'Aanbieder A', soort: 'aanbieder' },
	aanbiederB: { naam: 'Aanbieder B', soort: 'aanbieder' },
	gi: { naam: 'Gecertificeerde Instelling', soort: 'gi' },
	regio: { naam: 'Regio Utrecht', soort: 'regio' },
	expertteam: { naam: 'Regionale ExpertTafel', soort: 'expertteam' },
	beheer: { naam: 'Platformbeheer', soort: 'beheer' }
};

/** Password of every fixture user. */
export const FIXTURE_PASSWORD = 'juist-wachtwoord';

export interface FixtureUser {
	id: string;
	email: string;
}

export interface Fixture {
	org: Record<OrgKey, string>;
	user: Record<Persona, FixtureUser>;
	/** A user without any membership (to add as a member). */
	nieuw: FixtureUser;
	locatie: { A: string; B: string };
	/** Active offerings of A (capaciteit 4, crisisplek) and B (capaciteit 10, jeugd-GGZ ambulant). */
	aanbod: { A: string; B: string };
	/** An inactive offering of A, visible to A's own members only. */
	aanbodInactiefA: string;
	melding: { A: string; B: string };
}

type TxFn<T> = (tx: Queryable) => Promise<T>;

export interface TestDatabase {
	readonly engine: Engine;
	/** The owner connection: set-up and owner-level checks only. */
	readonly db: Database;
	readonly fx: Fixture;
	/** What the first migrate() applied to this fresh database. */
	readonly applied: string[];
	/** Runs `fn` as this persona (role authenticated with its claims) and commits. */
	as(persona: Persona): <T>(fn: TxFn<T>) => Promise<T>;
	/** Runs `fn` as this persona, then rolls back, so allowed writes do not leak into other tests. */
	dryRun(persona: Persona): <T>(fn: TxFn<T>) => Promise<T>;
	/** Runs `fn` as role anon and commits. */
	anon<T>(fn: TxFn<T>): Promise<T>;
	/** Runs `fn` as role anon, then rolls back. */
	anonDryRun<T>(fn: TxFn<T>): Promise<T>;
	/** Runs `fn` as the owner, then rolls back. */
	ownerDryRun<T>(fn: TxFn<T>): Promise<T>;
	/** The JWT claims of this persona, as the app passes them to the database. */
	claims(persona: Persona): Claims;
	/** Runs `fn` with these claims (e.g. an API token's) and commits. */
	asClaims(claims: Claims | TokenClaims): <T>(fn: TxFn<T>) => Promise<T>;
	/** Runs `fn` with these claims, then rolls back. */
	dryRunClaims(claims: Claims | TokenClaims): <T>(fn: TxFn<T>) => Promise<T>;
	/**
	 * Continues the current transaction as this persona (or with these claims), e.g. after setting up
	 * rows in {@link ownerDryRun}, so a test can query its own fixtures under RLS without committing them.
	 */
	actAs(tx: Queryable, who: Persona | Claims | TokenClaims): Promise<void>;
}

/** The claims of an API token's request: no user, only the token (see TokenClaims). */
export function tokenClaims(tokenId: string): TokenClaims {
	return { role: 'authenticated', api_token: tokenId };
}

/** Thrown to end a transaction with a rollback after `fn` returned. */
class Rollback<T> extends Error {
	constructor(readonly result: T) {
		super('rollback');
	}
}

async function rolledBack<T>(run: (fn: TxFn<never>) => Promise<unknown>, fn: TxFn<T>): Promise<T> {
	try {
		await run(async (tx) => {
			throw new Rollback(await fn(tx));
		});
	} catch (error) {
		if (error instanceof Rollback) return error.result as T;
		throw error;
	}
	throw new Error('unreachable: the transaction should have rolled back');
}

/** `select count(*)` as an int, on whatever connection is given. */
export async function count(q: Queryable, sql: string, params: unknown[] = []): Promise<number> {
	const [row] = await q.query<{ n: number }>(`select count(*)::int as n from (${sql}) as rows`, params);
	return row?.n ?? -1;
}

/**
 * Asserts the database refused with this SQLSTATE (default 42501 insufficient_privilege), or one of
 * these: Postgres 15 and PGlite's Postgres 18 differ now and then.
 */
export async function expectRefused(
	promise: Promise<unknown>,
	code: string | string[] = '42501'
): Promise<void> {
	const codes = Array.isArray(code) ? code : [code];
	await expect(promise).rejects.toMatchObject({ code: expect.toBeOneOf(codes) });
}

export interface ApiToken {
	id: string;
	/** The secret the planning system sends; the database keeps only its SHA-256. */
	geheim: string;
	/** Hex of the SHA-256: pass it as `decode($n, 'hex')` (bytea travels alike on both drivers). */
	hashHex: string;
}

/** A new token secret and the columns api_tokens stores for it. */
export function nieuwTokenGeheim(): { geheim: string; hashHex: string; voorvoegsel: string } {
	const geheim = `bw_${randomBytes(32).toString('base64url')}`;
	return {
		geheim,
		hashHex: createHash('sha256').update(geheim).digest('hex'),
		voorvoegsel: geheim.slice(0, 9)
	};
}

/** Inserts an API token for this organisation on `q` (the owner, or provider staff under RLS). */
export async function insertApiToken(
	q: Queryable,
	organisatieId: string,
	opties: { naam?: string; ingetrokken?: boolean; rol?: 'aanbieder' | 'jeugdbeschermer' } = {}
): Promise<ApiToken> {
	const { geheim, hashHex, voorvoegsel } = nieuwTokenGeheim();
	const [row] = await q.query<{ id: string }>(
		`insert into public.api_tokens (organisatie_id, naam, token_hash, voorvoegsel, ingetrokken_op, rol)
		 values ($1, $2, decode($3, 'hex'), $4, case when $5::boolean then now() end, $6::text::public.rol) returning id`,
		[
			organisatieId,
			opties.naam ?? 'Planningssysteem',
			hashHex,
			voorvoegsel,
			opties.ingetrokken ?? false,
			opties.rol ?? 'aanbieder'
		]
	);
	if (!row) throw new Error('insertApiToken: no row');
	return { id: row.id, geheim, hashHex };
}

export interface Opened {
	db: Database;
	dispose(): Promise<void>;
}

async function openPostgresForFile(baseUrl: string): Promise<Opened> {
	const admin = await openPostgres(baseUrl, { max: 1 });
	const name = `wijzer_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	try {
		await admin.exec(`create database ${name}`);
	} catch (error) {
		await admin.close();
		throw new Error(
			`Kon geen testdatabase maken met ${baseUrl}: de rol heeft CREATEDB nodig. (${String(error)})`
		);
	}
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	// Enough connections for the concurrency tests (20 simultaneous accepts) to really run at once.
	const db = await openPostgres(url.toString(), { max: 20 });
	return {
		db,
		async dispose() {
			await db.close();
			try {
				await admin.exec(`drop database if exists ${name} with (force)`);
			} finally {
				await admin.close();
			}
		}
	};
}

/** A fresh, empty database on this engine (Postgres: its own database, dropped by dispose). */
export async function openEngine(engine: Engine): Promise<Opened> {
	if (engine === 'pglite') {
		const db = await openPglite();
		return { db, dispose: () => db.close() };
	}
	const url = inject('pgUrl');
	if (!url) throw new Error('Geen Postgres-URL: engines() had postgres niet mogen noemen.');
	return openPostgresForFile(url);
}

async function createFixture(db: Database): Promise<Fixture> {
	return db.transaction(async (tx) => {
		const one = async (sql: string, params: unknown[]): Promise<string> => {
			const [row] = await tx.query<{ id: string }>(sql, params);
			if (!row) throw new Error(`fixture: no row from ${sql}`);
			return row.id;
		};
		const org = {} as Record<OrgKey, string>;
		for (const key of orgKeys) {
			org[key] = await one(
				`insert into public.organisaties (naam, soort, jbregio_code) values ($1, $2, 'JB05') returning id`,
				[orgSpec[key].naam, orgSpec[key].soort]
			);
		}
		const addUser = async (email: string): Promise<FixtureUser> => ({
			email,
			id: await one(
				`insert into auth.users (email, encrypted_password, email_confirmed_at)
				 values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4)), now()) returning id`,
				[email, FIXTURE_PASSWORD]
			)
		});
		const user = {} as Record<Persona, FixtureUser>;
		for (const persona of personas) {
			user[persona] = await addUser(`${persona.replace('_', '-')}@test.nl`);
			await tx.query('insert into public.leden (organisatie_id, user_id, rol) values ($1, $2, $3)', [
				org[personaSpec[persona].org],
				user[persona].id,
				personaSpec[persona].rol
			]);
		}
		const nieuw = await addUser('nieuw@test.nl');

		const addLocatie = (orgId: string, naam: string, pc4: string, gemeente: string) =>
			one(
				`insert into public.locaties (organisatie_id, naam, pc4, gemeente_code) values ($1, $2, $3, $4) returning id`,
				[orgId, naam, pc4, gemeente]
			);
		const locatie = {
			A: await addLocatie(org.aanbiederA, 'Locatie Vleuten', '3451', 'GM0344'),
			B: await addLocatie(org.aanbiederB, 'Locatie Amersfoort', '3811', 'GM0307')
		};
		const addAanbod = (orgId: string, locatieId: string, hulpvorm: string, totaal: number, actief: boolean) =>
			one(
				`insert into public.aanbod (organisatie_id, locatie_id, hulpvorm_code, naam, leeftijd_min, leeftijd_max,
				   contract_jeugdregios, capaciteit_totaal, actief)
				 values ($1, $2, $3, $4, 12, 18, '{JZ22,JZ20}', $5, $6) returning id`,
				[orgId, locatieId, hulpvorm, `${hulpvorm} ${totaal}`, totaal, actief]
			);
		const aanbod = {
			A: await addAanbod(org.aanbiederA, locatie.A, 'crisisplek', 4, true),
			B: await addAanbod(org.aanbiederB, locatie.B, 'jeugd_ggz_ambulant', 10, true)
		};
		const aanbodInactiefA = await addAanbod(org.aanbiederA, locatie.A, 'gezinshuis', 2, false);
		const addMelding = (aanbodId: string, vrij: number, door: string) =>
			one(
				`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_door) values ($1, $2, $3) returning id`,
				[aanbodId, vrij, door]
			);
		const melding = {
			A: await addMelding(aanbod.A, 2, user.aanbieder.id),
			B: await addMelding(aanbod.B, 5, user.aanbieder_b.id)
		};
		return { org, user, nieuw, locatie, aanbod, aanbodInactiefA, melding };
	});
}

/**
 * Registers beforeAll/afterAll hooks that open a fresh, migrated database with fixtures for this
 * engine, and returns its handle (usable inside tests and hooks, not at collection time).
 */
export function useTestDatabase(engine: Engine): TestDatabase {
	let state: { opened: Opened; fx: Fixture; applied: string[] } | undefined;
	const ready = () => {
		if (!state) throw new Error('Testdatabase is nog niet open: gebruik haar in een test of hook.');
		return state;
	};
	const claimsOf = (persona: Persona): Claims => {
		const user = ready().fx.user[persona];
		return { sub: user.id, role: 'authenticated' as const, email: user.email };
	};

	beforeAll(async () => {
		const opened = await openEngine(engine);
		try {
			const applied = await migrate(opened.db);
			const fx = await createFixture(opened.db);
			state = { opened, fx, applied };
		} catch (error) {
			await opened.dispose();
			throw error;
		}
	});
	afterAll(async () => {
		await state?.opened.dispose();
		state = undefined;
	});

	return {
		engine,
		get db() {
			return ready().opened.db;
		},
		get fx() {
			return ready().fx;
		},
		get applied() {
			return ready().applied;
		},
		as: (persona) => (fn) => runAsUser(ready().opened.db, claimsOf(persona), fn),
		dryRun: (persona) => (fn) =>
			rolledBack((inner) => runAsUser(ready().opened.db, claimsOf(persona), inner), fn),
		anon: (fn) => runAsAnon(ready().opened.db, fn),
		anonDryRun: (fn) => rolledBack((inner) => runAsAnon(ready().opened.db, inner), fn),
		ownerDryRun: (fn) => rolledBack((inner) => ready().opened.db.transaction(inner), fn),
		claims: claimsOf,
		asClaims: (claims) => (fn) => runAsUser(ready().opened.db, claims, fn),
		dryRunClaims: (claims) => (fn) => rolledBack((inner) => runAsUser(ready().opened.db, claims, inner), fn),
		async actAs(tx, who) {
			const claims = typeof who === 'string' ? claimsOf(who) : who;
			// Transaction-local, as runAsUser does: the rollback or commit ends it.
			await tx.query(
				"select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
				[JSON.stringify(claims)]
			);
		}
	};
}
