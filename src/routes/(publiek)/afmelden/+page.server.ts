import { redirect } from '@sveltejs/kit';
import { authMode } from '$lib/server/auth/mode';
import { clearSessionCookie } from '$lib/server/auth/session';
import { supabaseSignOut } from '$lib/server/auth/supabase';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (a form in the navigation); a GET just goes home.
export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		if (authMode() === 'supabase') await supabaseSignOut(event);
		clearSessionCookie(event.cookies);
		redirect(303, '/aanmelden?afgemeld=1');
	}
} satisfies Actions;
