import { describe, expect, it } from 'vitest';
import { count, engines, expectRefused, FIXTURE_PASSWORD, personas, useTestDatabase } from './harness';

// Sign-in (embedded mode): public.aanmelden() is the one thing anon may do. It checks the bcrypt
// hash and, after 5 failures for one e-mail (or 20 from one source) in 15 minutes, refuses even the
// right password until the window has passed. Secrets (auth.users, the attempts) are readable by nobody.

interface Aanmelding {
	user_id: string | null;
	status: 'ok' | 'onjuist' | 'geblokkeerd';
	wacht_seconden: number;
}

const secretTables = ['auth.users', 'private.aanmeldpogingen', 'supabase_migrations.schema_migrations'];
const publicTables = [
	'public.organisaties',
	'public.leden',
	'public.jeugdbeschermingsregios',
	'public.jeugdregios',
	'public.gemeenten',
	'public.pc4',
	'public.hulpvormen',
	'public.locaties',
	'public.aanbod',
	'public.capaciteitsmeldingen',
	'public.gebeurtenissen'
];

describe.each(engines())('aanmelden on %s', (engine) => {
	const t = useTestDatabase(engine);

	/** Calls aanmelden as anon and commits, as the sign-in form does. */
	const aanmelden = async (email: string, wachtwoord: string, bron: string): Promise<Aanmelding> => {
		const [row] = await t.anon((tx) =>
			tx.query<Aanmelding>('select * from public.aanmelden($1, $2, $3)', [email, wachtwoord, bron])
		);
		if (!row) throw new Error('aanmelden gaf geen rij');
		return row;
	};

	describe('aanmelden()', () => {
		it('the right password signs in and returns the user id', async () => {
			const result = await aanmelden(t.fx.user.jeugdbeschermer.email, FIXTURE_PASSWORD, 'bron-ok');
			expect(result).toEqual({ user_id: t.fx.user.jeugdbeschermer.id, status: 'ok', wacht_seconden: 0 });
			const [user] = await t.db.query<{ recent: boolean }>(
				`select last_sign_in_at > now() - interval '1 minute' as recent from auth.users where id = $1`,
				[t.fx.user.jeugdbeschermer.id]
			);
			expect(user).toEqual({ recent: true });
		});

		it('ignores case and surrounding spaces in the e-mail address', async () => {
			const result = await aanmelden(
				`  ${t.fx.user.gi_coordinator.email.toUpperCase()} `,
				FIXTURE_PASSWORD,
				'bron-case'
			);
			expect(result).toEqual({ user_id: t.fx.user.gi_coordinator.id, status: 'ok', wacht_seconden: 0 });
		});

		it('a wrong password is "onjuist", without a user id', async () => {
			const result = await aanmelden(t.fx.user.aanbieder.email, 'verkeerd', 'bron-fout');
			expect(result).toEqual({ user_id: null, status: 'onjuist', wacht_seconden: 0 });
		});

		it('an unknown e-mail gets the same answer as a wrong password', async () => {
			const result = await aanmelden('niemand@test.nl', FIXTURE_PASSWORD, 'bron-onbekend');
			expect(result).toEqual({ user_id: null, status: 'onjuist', wacht_seconden: 0 });
		});

		it('after 5 failures for one e-mail even the right password is refused for a while', async () => {
			const { email } = t.fx.user.expertteam;
			const failures: string[] = [];
			for (let i = 0; i < 5; i++)
				failures.push((await aanmelden(email, `fout-${i}`, `bron-blok-${i}`)).status);
			expect(failures).toEqual(Array(5).fill('onjuist'));

			const blocked = await aanmelden(email, FIXTURE_PASSWORD, 'bron-blok-juist');
			expect(blocked.status).toBe('geblokkeerd');
			expect(blocked.user_id).toBeNull();
			expect(blocked.wacht_seconden).toBeGreaterThan(0);
			expect(blocked.wacht_seconden).toBeLessThanOrEqual(15 * 60);
			// Other people are not locked out by it.
			expect(
				(await aanmelden(t.fx.user.regio_analist.email, FIXTURE_PASSWORD, 'bron-blok-ander')).status
			).toBe('ok');
		});

		it('a successful sign-in clears the failures of that e-mail', async () => {
			const { email } = t.fx.user.zorgmakelaar;
			for (let i = 0; i < 4; i++) await aanmelden(email, 'fout', 'bron-wis');
			expect((await aanmelden(email, FIXTURE_PASSWORD, 'bron-wis-juist')).status).toBe('ok');
			const after: string[] = [];
			for (let i = 0; i < 4; i++) after.push((await aanmelden(email, 'fout', 'bron-wis-2')).status);
			expect(after).toEqual(Array(4).fill('onjuist'));
			expect((await aanmelden(email, FIXTURE_PASSWORD, 'bron-wis-3')).status).toBe('ok');
		});

		it('after 20 failures from one source that source is refused, others are not', async () => {
			for (let i = 0; i < 20; i++) await aanmelden(`gok-${i}@test.nl`, 'fout', 'bron-gokker');
			const fromSource = await aanmelden(t.fx.user.beheerder.email, FIXTURE_PASSWORD, 'bron-gokker');
			expect(fromSource.status).toBe('geblokkeerd');
			expect(fromSource.wacht_seconden).toBeGreaterThan(0);
			expect((await aanmelden(t.fx.user.beheerder.email, FIXTURE_PASSWORD, 'bron-ander')).status).toBe('ok');
		});

		it('a banned or removed account cannot sign in', async () => {
			const { id, email } = t.fx.nieuw;
			expect((await aanmelden(email, FIXTURE_PASSWORD, 'bron-ban-0')).status).toBe('ok');
			await t.db.query(`update auth.users set banned_until = now() + interval '1 day' where id = $1`, [id]);
			expect((await aanmelden(email, FIXTURE_PASSWORD, 'bron-ban-1')).status).toBe('onjuist');
			await t.db.query(`update auth.users set banned_until = null, deleted_at = now() where id = $1`, [id]);
			expect((await aanmelden(email, FIXTURE_PASSWORD, 'bron-ban-2')).status).toBe('onjuist');
		});

		it('keeps no password it was given', async () => {
			await aanmelden(t.fx.user.aanbieder_b.email, 'Geheim-Wachtwoord-42', 'bron-geheim');
			const attempts = await t.db.query('select * from private.aanmeldpogingen');
			expect(attempts.length).toBeGreaterThan(0);
			expect(JSON.stringify(attempts)).not.toContain('Geheim-Wachtwoord-42');
		});
	});

	describe('anon', () => {
		it.each([...publicTables, ...secretTables])('cannot read %s', async (table) => {
			await expectRefused(t.anon((tx) => tx.query(`select * from ${table} limit 1`)));
		});

		it.each(publicTables.filter((name) => name !== 'public.gebeurtenissen'))(
			'cannot write %s',
			async (table) => {
				await expectRefused(t.anonDryRun((tx) => tx.query(`delete from ${table}`)));
			}
		);

		it.each(['public.mijn_profiel()', 'private.is_beheerder()', 'private.mijn_organisaties()'])(
			'cannot call %s',
			async (call) => {
				await expectRefused(t.anon((tx) => tx.query(`select * from ${call}`)));
			}
		);
	});

	describe('secrets', () => {
		it.each(personas.flatMap((p) => secretTables.map((table) => [p, table] as const)))(
			'%s cannot read %s',
			async (persona, table) => {
				await expectRefused(t.as(persona)((tx) => tx.query(`select * from ${table} limit 1`)));
			}
		);

		it.each(personas)('%s cannot change a password', async (persona) => {
			await expectRefused(
				t.dryRun(persona)((tx) =>
					tx.query(`update auth.users set encrypted_password = 'x' where id = $1`, [t.fx.user[persona].id])
				)
			);
		});

		it('the owner can read them, so the refusals above are about roles, not missing rows', async () => {
			expect(await count(t.db, 'select 1 from auth.users')).toBe(personas.length + 1);
		});
	});
});
