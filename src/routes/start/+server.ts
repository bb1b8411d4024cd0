import { redirect } from '@sveltejs/kit';
import { startpaginaVoor } from '$lib/domain/rollen';
import type { RequestHandler } from './$types';

/** The installed app's start URL (manifest start_url): each role opens where its work is. */
export const GET: RequestHandler = ({ locals }) => {
	redirect(303, locals.user ? startpaginaVoor(locals.user.lidmaatschap.rol) : '/aanmelden?terug=%2Fstart');
};
