import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/lib/server/db/types';
import {
	count,
	engines,
	expectRefused,
	insertApiToken,
	nieuwTokenGeheim,
	personas,
	tokenClaims,
	useTestDatabase,
	type ApiToken
} from './harness';

// An organisation's API token lets its planning system report capacity as the organisation: the RLS
// helpers treat the claim {api_token: id} as a member with rol aanbieder until the token is revoked.
// Only the SHA-256 of a token is stored, looked up by public.api_token_claims before there is a session.
// Provider staff create, rename and revoke their own organisation's tokens; nobody else sees them.

const insertMelding = `insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen) values ($1, 1)
	returning gemeld_door, gemeld_via_token`;
const lookup = `select token_id, organisatie_id, rol from public.api_token_claims(decode($1, 'hex'))`;

/** Columns a person fills in to create a token (the database adds creator and times). */
const insertToken = `insert into public.api_tokens (organisatie_id, naam, token_hash, voorvoegsel)
	values ($1, 'Nieuw token', decode($2, 'hex'), $3) returning id, aangemaakt_door`;
const createToken = (tx: Queryable, organisatieId: string) => {
	const { hashHex, voorvoegsel } = nieuwTokenGeheim();
	return tx.query<{ id: string; aangemaakt_door: string | null }>(insertToken, [
		organisatieId,
		hashHex,
		voorvoegsel
	]);
};

const notProviders = personas.filter((p) => p !== 'aanbieder' && p !== 'aanbieder_b');

describe.each(engines())('API tokens on %s', (engine) => {
	const t = useTestDatabase(engine);
	/** Committed once: A's token, B's token, and a revoked token of A's. */
	let token: { A: ApiToken; B: ApiToken; ingetrokken: ApiToken };

	beforeAll(async () => {
		token = await t.db.transaction(async (tx) => ({
			A: await insertApiToken(tx, t.fx.org.aanbiederA),
			B: await insertApiToken(tx, t.fx.org.aanbiederB),
			ingetrokken: await insertApiToken(tx, t.fx.org.aanbiederA, { naam: 'Oud systeem', ingetrokken: true })
		}));
	});

	describe('reporting with a token', () => {
		it('reports for its own organisation’s offering, as the token and not as a person', async () => {
			const rows = await t.dryRunClaims(tokenClaims(token.A.id))((tx) =>
				tx.query(insertMelding, [t.fx.aanbod.A])
			);
			expect(rows).toEqual([{ gemeld_door: null, gemeld_via_token: token.A.id }]);
		});

		it('its report becomes the current capacity, received by the server’s clock', async () => {
			const result = await t.dryRunClaims(tokenClaims(token.A.id))(async (tx) => {
				const [row] = await tx.query<{ ontvangen_nu: boolean }>(
					`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_op, ontvangen_op)
					 values ($1, 3, now(), now() + interval '10 years') returning ontvangen_op = now() as ontvangen_nu`,
					[t.fx.aanbod.A]
				);
				const [stand] = await tx.query<{ vrije_plaatsen: number }>(
					'select vrije_plaatsen from public.aanbod_stand where aanbod_id = $1',
					[t.fx.aanbod.A]
				);
				return { ...row, ...stand };
			});
			expect(result).toEqual({ ontvangen_nu: true, vrije_plaatsen: 3 });
		});

		it('cannot report for another organisation’s offering', async () => {
			await expectRefused(
				t.dryRunClaims(tokenClaims(token.A.id))((tx) => tx.query(insertMelding, [t.fx.aanbod.B]))
			);
		});

		it('cannot report in a person’s name or as another token', async () => {
			const als = (kolom: string, waarde: string) =>
				t.dryRunClaims(tokenClaims(token.A.id))((tx) =>
					tx.query(
						`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, ${kolom}) values ($1, 1, $2)`,
						[t.fx.aanbod.A, waarde]
					)
				);
			await expectRefused(als('gemeld_door', t.fx.user.aanbieder.id));
			await expectRefused(als('gemeld_via_token', token.ingetrokken.id));
		});

		it('a person cannot report as a token', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query(
						`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_door, gemeld_via_token)
						 values ($1, 1, $2, $3)`,
						[t.fx.aanbod.A, t.fx.user.aanbieder.id, token.A.id]
					)
				)
			);
		});

		it('acts for its organisation’s offerings like its staff do, e.g. sees the inactive one', async () => {
			const seen = await t.dryRunClaims(tokenClaims(token.A.id))((tx) =>
				count(tx, 'select 1 from public.aanbod where id = $1', [t.fx.aanbodInactiefA])
			);
			expect(seen).toBe(1);
		});
	});

	describe('a revoked token', () => {
		const asRevoked = () => t.dryRunClaims(tokenClaims(token.ingetrokken.id));

		it('cannot report capacity', async () => {
			await expectRefused(asRevoked()((tx) => tx.query(insertMelding, [t.fx.aanbod.A])));
		});

		it('no longer sees its organisation’s internals', async () => {
			const seen = await asRevoked()(async (tx) => ({
				history: await count(tx, 'select 1 from public.capaciteitsmeldingen'),
				inactive: await count(tx, 'select 1 from public.aanbod where id = $1', [t.fx.aanbodInactiefA]),
				tokens: await count(tx, 'select 1 from public.api_tokens'),
				events: await count(tx, 'select 1 from public.gebeurtenissen')
			}));
			expect(seen).toEqual({ history: 0, inactive: 0, tokens: 0, events: 0 });
		});

		it('cannot change its organisation’s offerings', async () => {
			const edited = await asRevoked()((tx) =>
				tx.query('update public.aanbod set capaciteit_totaal = 9 where id = $1 returning id', [t.fx.aanbod.A])
			);
			expect(edited).toEqual([]);
		});
	});

	describe('what a token may do with tokens', () => {
		it('cannot read any token, not even itself', async () => {
			expect(
				await t.dryRunClaims(tokenClaims(token.A.id))((tx) => count(tx, 'select 1 from public.api_tokens'))
			).toBe(0);
		});

		it('cannot create a token', async () => {
			await expectRefused(
				t.dryRunClaims(tokenClaims(token.A.id))((tx) => createToken(tx, t.fx.org.aanbiederA))
			);
		});

		it('cannot rename or un-revoke a token', async () => {
			const edited = await t.dryRunClaims(tokenClaims(token.A.id))(async (tx) => ({
				renamed: (await tx.query(`update public.api_tokens set naam = 'Gekaapt' returning id`)).length,
				revived: (await tx.query('update public.api_tokens set ingetrokken_op = null returning id')).length
			}));
			expect(edited).toEqual({ renamed: 0, revived: 0 });
		});
	});

	describe('public.api_token_claims (looking a token up before sign-in)', () => {
		it('returns the token, its organisation and rol for the right hash, and marks it used', async () => {
			const rows = await t.anon((tx) => tx.query(lookup, [token.A.hashHex]));
			expect(rows).toEqual([{ token_id: token.A.id, organisatie_id: t.fx.org.aanbiederA, rol: 'aanbieder' }]);
			const [gebruikt] = await t.db.query<{ recent: boolean }>(
				`select laatst_gebruikt_op > now() - interval '1 minute' as recent from public.api_tokens where id = $1`,
				[token.A.id]
			);
			expect(gebruikt).toEqual({ recent: true });
		});

		it('returns nothing for a wrong hash or a revoked token', async () => {
			const result = await t.anonDryRun(async (tx) => ({
				wrong: await tx.query(lookup, [nieuwTokenGeheim().hashHex]),
				revoked: await tx.query(lookup, [token.ingetrokken.hashHex])
			}));
			expect(result).toEqual({ wrong: [], revoked: [] });
		});

		it('is not written to the event log on every use', async () => {
			const events = () =>
				count(t.db, `select 1 from public.gebeurtenissen where onderwerp_id = $1`, [token.B.id]);
			const voor = await events();
			await t.anon((tx) => tx.query(lookup, [token.B.hashHex]));
			expect(await events()).toBe(voor);
		});

		it.each(personas)('is not for %s (signed-in users have no need to look hashes up)', async (persona) => {
			await expectRefused(t.dryRun(persona)((tx) => tx.query(lookup, [token.A.hashHex])));
		});
	});

	describe('provider staff manage their own organisation’s tokens', () => {
		it('aanbieder creates a token for its organisation, as itself', async () => {
			const rows = await t.dryRun('aanbieder')((tx) => createToken(tx, t.fx.org.aanbiederA));
			expect(rows).toEqual([{ id: expect.any(String), aangemaakt_door: t.fx.user.aanbieder.id }]);
		});

		it('aanbieder cannot create a token in another person’s name', async () => {
			const { hashHex, voorvoegsel } = nieuwTokenGeheim();
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query(
						`insert into public.api_tokens (organisatie_id, naam, token_hash, voorvoegsel, aangemaakt_door)
						 values ($1, 'Nieuw token', decode($2, 'hex'), $3, $4)`,
						[t.fx.org.aanbiederA, hashHex, voorvoegsel, t.fx.user.aanbieder_b.id]
					)
				)
			);
		});

		it('aanbieder cannot create a token for another organisation', async () => {
			await expectRefused(t.dryRun('aanbieder')((tx) => createToken(tx, t.fx.org.aanbiederB)));
		});

		it.each(notProviders)('%s cannot create a token for a provider', async (persona) => {
			await expectRefused(t.dryRun(persona)((tx) => createToken(tx, t.fx.org.aanbiederA)));
		});

		it('aanbieder renames and revokes its own organisation’s token, and the revocation is logged', async () => {
			const result = await t.dryRun('aanbieder')(async (tx) => ({
				renamed: (
					await tx.query(
						`update public.api_tokens set naam = 'Roosterkoppeling' where id = $1 returning id`,
						[token.A.id]
					)
				).length,
				revoked: (
					await tx.query('update public.api_tokens set ingetrokken_op = now() where id = $1 returning id', [
						token.A.id
					])
				).length,
				logged: await count(
					tx,
					`select 1 from public.gebeurtenissen where soort = 'api_tokens.update' and onderwerp_id = $1`,
					[token.A.id]
				)
			}));
			expect(result).toEqual({ renamed: 1, revoked: 1, logged: 2 });
		});

		it('aanbieder cannot rename or revoke another organisation’s token', async () => {
			const result = await t.dryRun('aanbieder')(async (tx) => ({
				renamed: (
					await tx.query(`update public.api_tokens set naam = 'Gekaapt' where id = $1 returning id`, [
						token.B.id
					])
				).length,
				revoked: (
					await tx.query('update public.api_tokens set ingetrokken_op = now() where id = $1 returning id', [
						token.B.id
					])
				).length
			}));
			expect(result).toEqual({ renamed: 0, revoked: 0 });
		});

		it('a revoked token stays revoked', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query('update public.api_tokens set ingetrokken_op = null where id = $1', [token.ingetrokken.id])
				),
				'23514'
			);
		});

		it('aanbieder cannot delete a token: revoked tokens stay for the audit trail', async () => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) => tx.query('delete from public.api_tokens where id = $1', [token.A.id]))
			);
		});

		it.each([
			['secret', 'token_hash', `decode(repeat('ab', 32), 'hex')`],
			['prefix', 'voorvoegsel', `'bw_anders'`],
			['organisation', 'organisatie_id', '$2'],
			['creator', 'aangemaakt_door', '$3'],
			['creation time', 'aangemaakt_op', `now() - interval '1 year'`],
			['last use', 'laatst_gebruikt_op', `now() - interval '1 year'`]
		])('its %s cannot be changed afterwards', async (_label, kolom, waarde) => {
			await expectRefused(
				t.dryRun('aanbieder')((tx) =>
					tx.query(
						`update public.api_tokens set ${kolom} = ${waarde} where id = $1 and $2::uuid is not null and $3::uuid is not null`,
						[token.A.id, t.fx.org.aanbiederB, t.fx.user.aanbieder_b.id]
					)
				),
				// the trigger's check_violation; for a move, RLS may refuse first
				['23514', '42501']
			);
		});

		it.each([['aanbieder', 2], ['aanbieder_b', 1], ...notProviders.map((p) => [p, 0] as const)] as const)(
			'%s sees %i tokens',
			async (persona, n) => {
				expect(await t.as(persona)((tx) => count(tx, 'select 1 from public.api_tokens'))).toBe(n);
			}
		);

		it('anon sees no token', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.api_tokens')));
		});
	});

	describe('reports keep their token', () => {
		it('not even the owner connection can change or forget the token of a report', async () => {
			for (const waarde of ['null', `'${token.B.id}'::uuid`]) {
				await expectRefused(
					t.ownerDryRun(async (tx) => {
						const [melding] = await tx.query<{ id: string }>(
							`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_via_token)
							 values ($1, 1, $2) returning id`,
							[t.fx.aanbod.A, token.A.id]
						);
						await tx.query(
							`update public.capaciteitsmeldingen set gemeld_via_token = ${waarde} where id = $1`,
							[melding?.id]
						);
					})
				);
			}
		});

		it('removing a token keeps its reports, without the token', async () => {
			const row = await t.ownerDryRun(async (tx) => {
				const [melding] = await tx.query<{ id: string }>(
					`insert into public.capaciteitsmeldingen (aanbod_id, vrije_plaatsen, gemeld_via_token)
					 values ($1, 1, $2) returning id`,
					[t.fx.aanbod.A, token.A.id]
				);
				await tx.query('delete from public.api_tokens where id = $1', [token.A.id]);
				return (
					await tx.query(
						'select gemeld_via_token, vrije_plaatsen from public.capaciteitsmeldingen where id = $1',
						[melding?.id]
					)
				)[0];
			});
			expect(row).toEqual({ gemeld_via_token: null, vrije_plaatsen: 1 });
		});

		it('removing the person who created a token keeps the token, without its creator', async () => {
			const row = await t.ownerDryRun(async (tx) => {
				const [nieuw] = await createTokenAs(tx);
				await tx.query('delete from auth.users where id = $1', [t.fx.user.aanbieder.id]);
				return (
					await tx.query('select aangemaakt_door from public.api_tokens where id = $1', [nieuw?.id])
				)[0];
			});
			expect(row).toEqual({ aangemaakt_door: null });
		});
	});

	/** As the owner: a token created by aanbieder A (the owner has no auth.uid() to default to). */
	const createTokenAs = (tx: Queryable) => {
		const { hashHex, voorvoegsel } = nieuwTokenGeheim();
		return tx.query<{ id: string }>(
			`insert into public.api_tokens (organisatie_id, naam, token_hash, voorvoegsel, aangemaakt_door)
			 values ($1, 'Nieuw token', decode($2, 'hex'), $3, $4) returning id`,
			[t.fx.org.aanbiederA, hashHex, voorvoegsel, t.fx.user.aanbieder.id]
		);
	};
});
