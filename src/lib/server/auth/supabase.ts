import { createServerClient } from '@supabase/ssr';
import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import type { Claims } from '$lib/server/db';

/** A per-request Supabase client whose auth state lives in the request's cookies (@supabase/ssr). */
export function supabaseFor(event: RequestEvent) {
	return createServerClient(env.PUBLIC_SUPABASE_URL ?? '', env.PUBLIC_SUPABASE_ANON_KEY ?? '', {
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (cookies) => {
				for (const { name, value, options } of cookies)
					event.cookies.set(name, value, { ...options, path: '/' });
			}
		}
	});
}

/**
 * Verified claims of the Supabase session, or null. getClaims() checks the JWT signature (against the
 * project's keys, or by asking Supabase Auth for symmetric keys); the cookie alone is never trusted.
 */
export async function supabaseClaims(event: RequestEvent): Promise<Claims | null> {
	const { data, error } = await supabaseFor(event).auth.getClaims();
	if (error || !data?.claims?.sub || data.claims.role !== 'authenticated') return null;
	return { sub: data.claims.sub, role: 'authenticated', email: data.claims.email };
}

export async function supabaseSignIn(
	event: RequestEvent,
	email: string,
	wachtwoord: string
): Promise<boolean> {
	const { error } = await supabaseFor(event).auth.signInWithPassword({ email, password: wachtwoord });
	return !error;
}

export async function supabaseSignOut(event: RequestEvent): Promise<void> {
	await supabaseFor(event).auth.signOut();
}
