import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { authMode } from '$lib/server/auth/mode';
import { sessionUserVoor } from '$lib/server/auth/profiel';
import { clearSessionCookie, SESSION_COOKIE, verifySessionToken } from '$lib/server/auth/session';
import { supabaseClaims } from '$lib/server/auth/supabase';
import { closeDatabase, getDatabase } from '$lib/server/db';
import { naEersteFrame } from '$lib/server/eerst-tekenen';
import { startPushVerzender } from '$lib/server/push/verzender';

/** Opens (and migrates, and in demo mode seeds) the database before the first request is served. */
export const init: ServerInit = async () => {
	// Prerendering the offline shell at build time needs no database.
	if (building) return;
	try {
		await getDatabase();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	// Web push: never stops the server from starting (null when off or failing, with a log line).
	const push = await startPushVerzender();
	// adapter-node emits this on SIGINT/SIGTERM once requests have drained: close PGlite cleanly.
	process.once('sveltekit:shutdown' as 'beforeExit', () => {
		void (push?.stop() ?? Promise.resolve()).finally(() => closeDatabase());
	});
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// CSP (incl. frame-ancestors 'none') comes from kit.csp in svelte.config.js.
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self), payment=()');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	}
	return response;
};

/** Verifies the session (never trusting an unverified cookie) and sets locals.user, null when absent. */
const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	if (authMode() === 'supabase') {
		const claims = await supabaseClaims(event);
		if (claims) event.locals.user = await sessionUserVoor(claims);
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			const claims = await verifySessionToken(token);
			event.locals.user = claims ? await sessionUserVoor(claims) : null;
			if (!event.locals.user) clearSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/**
 * Pages go out gzipped (static files are precompressed by the build; SvelteKit's HTML is not): on slow
 * 4G the wijzer's HTML shrinks from ~110 KB to ~10 KB. Streams, so SSR still flushes early.
 */
const compressHtml: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (
		!response.body ||
		response.headers.has('content-encoding') ||
		!response.headers.get('content-type')?.startsWith('text/html') ||
		!/\bgzip\b/.test(event.request.headers.get('accept-encoding') ?? '')
	)
		return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};

/** Pages paint before their JavaScript loads and starts ($lib/server/eerst-tekenen.ts explains why). */
const eerstTekenen: Handle = async ({ event, resolve }) => {
	// The prerendered offline shell keeps SvelteKit's own start script: its CSP hash is taken before this runs.
	if (building) return resolve(event);
	const chunks: string[] = [];
	return resolve(event, {
		preload: ({ type, path }) => {
			if (type !== 'js') return type === 'css';
			chunks.push(path);
			return false;
		},
		transformPageChunk: ({ html }) => naEersteFrame(html, chunks)
	});
};

export const handle = sequence(compressHtml, securityHeaders, session, eerstTekenen);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message:
			status === 404
				? 'Deze pagina bestaat niet (meer).'
				: 'Er ging iets mis aan onze kant. Uw gegevens zijn niet verloren; probeer het zo opnieuw.'
	};
};
