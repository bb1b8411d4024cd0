import { describe, expect, it } from 'vitest';
import {
	count,
	engines,
	expectRefused,
	orgKeys,
	personas,
	personaSpec,
	useTestDatabase,
	type OrgKey,
	type Persona
} from './harness';

// Organisaties: everyone signed in sees them; a beheerder creates and removes them; an organisation's
// own coordinators (aanbieder, gi_coordinator) edit its details. Leden: members see their own
// organisation's members, only a beheerder changes memberships, and a rol must fit the organisation kind.

const others = personas.filter((p) => p !== 'beheerder');
/** Who may edit their own organisation's details. */
const ownOrgEditors: Persona[] = ['aanbieder', 'aanbieder_b', 'gi_coordinator', 'beheerder'];
/** An organisation that is not the persona's own. */
const otherOrg = (persona: Persona): OrgKey =>
	personaSpec[persona].org === 'aanbiederA' ? 'aanbiederB' : 'aanbiederA';

describe.each(engines())('organisaties and leden on %s', (engine) => {
	const t = useTestDatabase(engine);

	describe('organisaties', () => {
		const rename = `update public.organisaties set naam = naam || ' (nieuw)' where id = $1 returning id`;

		it.each(personas)('%s sees every organisation', async (persona) => {
			const seen = await t.as(persona)((tx) =>
				tx.query<{ id: string }>('select id from public.organisaties')
			);
			expect(seen.map((r) => r.id).sort()).toEqual(orgKeys.map((k) => t.fx.org[k]).sort());
		});

		it('anon sees no organisation', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.organisaties')));
		});

		it('beheerder creates an organisation', async () => {
			const rows = await t.dryRun('beheerder')((tx) =>
				tx.query(
					`insert into public.organisaties (naam, soort) values ('Nieuwe aanbieder', 'aanbieder') returning id`
				)
			);
			expect(rows).toHaveLength(1);
		});

		it.each(others)('%s cannot create an organisation', async (persona) => {
			await expectRefused(
				t.dryRun(persona)((tx) =>
					tx.query(`insert into public.organisaties (naam, soort) values ('Nieuwe aanbieder', 'aanbieder')`)
				)
			);
		});

		it.each(ownOrgEditors)('%s edits its own organisation', async (persona) => {
			const rows = await t.dryRun(persona)((tx) => tx.query(rename, [t.fx.org[personaSpec[persona].org]]));
			expect(rows).toHaveLength(1);
		});

		it.each(personas.filter((p) => !ownOrgEditors.includes(p)))(
			'%s cannot edit its own organisation',
			async (persona) => {
				const rows = await t.dryRun(persona)((tx) => tx.query(rename, [t.fx.org[personaSpec[persona].org]]));
				expect(rows).toHaveLength(0);
			}
		);

		it('beheerder edits any organisation', async () => {
			const rows = await t.dryRun('beheerder')((tx) =>
				tx.query(`update public.organisaties set contact_telefoon = '030 123 4567' returning id`)
			);
			expect(rows).toHaveLength(orgKeys.length);
		});

		it.each(others)('%s cannot edit another organisation', async (persona) => {
			const rows = await t.dryRun(persona)((tx) => tx.query(rename, [t.fx.org[otherOrg(persona)]]));
			expect(rows).toHaveLength(0);
		});

		it.each(['aanbieder', 'gi_coordinator'] as const)(
			'%s cannot change the kind or region of its own organisation',
			async (persona) => {
				const org = t.fx.org[personaSpec[persona].org];
				await expectRefused(
					t.dryRun(persona)((tx) =>
						tx.query(`update public.organisaties set soort = 'beheer' where id = $1`, [org])
					)
				);
				await expectRefused(
					t.dryRun(persona)((tx) =>
						tx.query(`update public.organisaties set jbregio_code = 'JB01' where id = $1`, [org])
					)
				);
			}
		);

		it('beheerder changes the region of an organisation', async () => {
			const rows = await t.dryRun('beheerder')((tx) =>
				tx.query(`update public.organisaties set jbregio_code = 'JB01' where id = $1 returning id`, [
					t.fx.org.gi
				])
			);
			expect(rows).toHaveLength(1);
		});

		it('nobody changes the kind of an organisation whose members would no longer fit it', async () => {
			await expectRefused(
				t.dryRun('beheerder')((tx) =>
					tx.query(`update public.organisaties set soort = 'aanbieder' where id = $1`, [t.fx.org.gi])
				),
				'23514'
			);
		});

		it('beheerder removes an organisation with members (its history stays in the log)', async () => {
			const result = await t.dryRun('beheerder')(async (tx) => {
				const deleted = await tx.query('delete from public.organisaties where id = $1 returning id', [
					t.fx.org.expertteam
				]);
				const lidEvents = await count(
					tx,
					`select 1 from public.gebeurtenissen where soort = 'leden.delete' and onderwerp_id = $1`,
					[t.fx.user.expertteam.id]
				);
				return { deleted: deleted.length, lidEvents };
			});
			expect(result).toEqual({ deleted: 1, lidEvents: 1 });
		});

		it.each(others)('%s cannot remove an organisation, not even its own', async (persona) => {
			const result = await t.dryRun(persona)(async (tx) => ({
				own: (
					await tx.query('delete from public.organisaties where id = $1 returning id', [
						t.fx.org[personaSpec[persona].org]
					])
				).length,
				other: (
					await tx.query('delete from public.organisaties where id = $1 returning id', [
						t.fx.org[otherOrg(persona)]
					])
				).length
			}));
			expect(result).toEqual({ own: 0, other: 0 });
		});
	});

	describe('leden', () => {
		it.each(others)('%s sees exactly the members of its own organisation', async (persona) => {
			const org = t.fx.org[personaSpec[persona].org];
			const expected = personas
				.filter((p) => personaSpec[p].org === personaSpec[persona].org)
				.map((p) => t.fx.user[p].id);
			const seen = await t.as(persona)((tx) =>
				tx.query<{ user_id: string; organisatie_id: string }>(
					'select user_id, organisatie_id from public.leden'
				)
			);
			expect(seen.map((r) => r.user_id).sort()).toEqual(expected.sort());
			expect(new Set(seen.map((r) => r.organisatie_id))).toEqual(new Set([org]));
		});

		it('beheerder sees every member', async () => {
			expect(await t.as('beheerder')((tx) => count(tx, 'select 1 from public.leden'))).toBe(personas.length);
		});

		it('anon sees no member', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.leden')));
		});

		it('beheerder adds a member, changes the rol and removes the member', async () => {
			const result = await t.dryRun('beheerder')(async (tx) => {
				const added = await tx.query(
					`insert into public.leden (organisatie_id, user_id, rol) values ($1, $2, 'jeugdbeschermer') returning *`,
					[t.fx.org.gi, t.fx.nieuw.id]
				);
				const changed = await tx.query(
					`update public.leden set rol = 'gi_coordinator' where user_id = $1 returning *`,
					[t.fx.nieuw.id]
				);
				const removed = await tx.query('delete from public.leden where user_id = $1 returning *', [
					t.fx.nieuw.id
				]);
				return { added: added.length, changed: changed.length, removed: removed.length };
			});
			expect(result).toEqual({ added: 1, changed: 1, removed: 1 });
		});

		it.each(others)('%s cannot add a member, not even to its own organisation', async (persona) => {
			await expectRefused(
				t.dryRun(persona)((tx) =>
					tx.query('insert into public.leden (organisatie_id, user_id, rol) values ($1, $2, $3)', [
						t.fx.org[personaSpec[persona].org],
						t.fx.nieuw.id,
						personaSpec[persona].rol
					])
				)
			);
		});

		it.each(others)('%s cannot change a rol, not even its own', async (persona) => {
			const result = await t.dryRun(persona)(async (tx) => ({
				own: (
					await tx.query(`update public.leden set rol = rol where user_id = $1 returning *`, [
						t.fx.user[persona].id
					])
				).length,
				promote: (
					await tx.query(`update public.leden set rol = 'gi_coordinator' where user_id = $1 returning *`, [
						t.fx.user.jeugdbeschermer.id
					])
				).length
			}));
			expect(result).toEqual({ own: 0, promote: 0 });
		});

		it.each(others)('%s cannot remove a member, not even itself', async (persona) => {
			const rows = await t.dryRun(persona)((tx) =>
				tx.query('delete from public.leden where organisatie_id = $1 returning *', [
					t.fx.org[personaSpec[persona].org]
				])
			);
			expect(rows).toHaveLength(0);
		});

		it.each([
			['aanbieder', 'gi'],
			['jeugdbeschermer', 'aanbiederA'],
			['zorgmakelaar', 'gi'],
			['beheerder', 'regio'],
			['expertteam', 'beheer']
		] as const)('a rol %s in an organisation of kind %s is refused', async (rol, org) => {
			await expectRefused(
				t.dryRun('beheerder')((tx) =>
					tx.query('insert into public.leden (organisatie_id, user_id, rol) values ($1, $2, $3)', [
						t.fx.org[org],
						t.fx.nieuw.id,
						rol
					])
				),
				'23514'
			);
		});

		it('changing a member to a rol that does not fit the organisation is refused', async () => {
			await expectRefused(
				t.dryRun('beheerder')((tx) =>
					tx.query(`update public.leden set rol = 'aanbieder' where user_id = $1`, [
						t.fx.user.jeugdbeschermer.id
					])
				),
				'23514'
			);
		});
	});

	describe('mijn_profiel()', () => {
		it.each(personas)('%s gets its own membership only', async (persona) => {
			const rows = await t.as(persona)((tx) =>
				tx.query<{ user_id: string; organisatie_id: string; rol: string }>(
					'select user_id, organisatie_id, rol from public.mijn_profiel()'
				)
			);
			expect(rows).toEqual([
				{
					user_id: t.fx.user[persona].id,
					organisatie_id: t.fx.org[personaSpec[persona].org],
					rol: personaSpec[persona].rol
				}
			]);
		});

		it('anon cannot call it', async () => {
			await expectRefused(t.anon((tx) => tx.query('select * from public.mijn_profiel()')));
		});
	});
});
