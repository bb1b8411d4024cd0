import { env } from '$env/dynamic/public';

/** Supabase mode when both public Supabase settings are present; embedded sign-in otherwise. */
export function authMode(): 'supabase' | 'embedded' {
	return env.PUBLIC_SUPABASE_URL && env.PUBLIC_SUPABASE_ANON_KEY ? 'supabase' : 'embedded';
}
