import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { magOpenen, type Rol } from '$lib/domain/rollen';
import type { SessionUser } from '$lib/server/auth/types';

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const terug = event.url.pathname + event.url.search;
		redirect(303, `/aanmelden${terug && terug !== '/' ? `?terug=${encodeURIComponent(terug)}` : ''}`);
	}
	return user;
}

/** The signed-in person when their role may open this section; 403 with a Dutch explanation otherwise. */
export function requireRol(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	toegestaan: readonly Rol[]
): SessionUser {
	const user = requireUser(event);
	if (!magOpenen(user.lidmaatschap.rol, toegestaan)) {
		error(403, {
			message: 'U heeft geen toegang tot deze pagina.',
			hint: 'Deze pagina is voor een andere rol. Ga terug naar uw startpagina.'
		});
	}
	return user;
}

/** Only relative paths on this site: never an open redirect after sign-in. */
export function veiligTerugpad(terug: string | null): string {
	return terug && terug.startsWith('/') && !terug.startsWith('//') && !terug.startsWith('/\\') ? terug : '/';
}
