import { asAnon } from '$lib/server/db';

export type SignInResult =
	{ status: 'ok'; userId: string } | { status: 'onjuist' } | { status: 'geblokkeerd'; wachtSeconden: number };

/**
 * Embedded sign-in: the password is checked in the database (bcrypt via pgcrypto crypt(), as
 * Supabase stores it), as role anon, which may call nothing but this function. Failures are
 * counted there per e-mail and per source address, so the limit holds across server processes.
 */
export async function signInWithPassword(
	email: string,
	wachtwoord: string,
	bron: string
): Promise<SignInResult> {
	const [rij] = await asAnon((tx) =>
		tx.query<{ user_id: string | null; status: string; wacht_seconden: number }>(
			'select * from public.aanmelden($1, $2, $3)',
			[email, wachtwoord, bron]
		)
	);
	if (rij?.status === 'ok' && rij.user_id) return { status: 'ok', userId: rij.user_id };
	if (rij?.status === 'geblokkeerd') return { status: 'geblokkeerd', wachtSeconden: rij.wacht_seconden };
	return { status: 'onjuist' };
}
