import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Rol } from '$lib/domain/rollen';
import { z } from '$lib/schemas/zod';
import { lijstApiTokens, maakApiToken, trekApiTokenIn } from '$lib/server/api-token';
import { requireRol } from '$lib/server/guards';

// The API-token page's load and actions, shared by the provider's page (/aanbod/api-tokens) and the
// GI's (/hulpvragen/api-tokens); the database decides which rol a token of each kind of organisation has.

const naamSchema = z
	.string({ error: 'Geef het token een naam.' })
	.trim()
	.min(2, 'Geef het token een naam van minstens 2 tekens, bijvoorbeeld de naam van het systeem.')
	.max(80, 'De naam mag hoogstens 80 tekens zijn.');

export function apiTokenPagina(beheerders: readonly Rol[]) {
	return {
		load: async (event: RequestEvent) => {
			const user = requireRol(event, beheerders);
			return { tokens: await lijstApiTokens(user) };
		},
		actions: {
			maak: async (event: RequestEvent) => {
				const user = requireRol(event, beheerders);
				const invoer = (await event.request.formData()).get('naam');
				const naam = naamSchema.safeParse(invoer);
				if (!naam.success) {
					return fail(400, {
						naam: typeof invoer === 'string' ? invoer : '',
						fout: naam.error.issues[0]?.message
					});
				}
				const { token } = await maakApiToken(user, naam.data);
				// Returned once, in this response only: the database keeps nothing but its hash.
				return { nieuwToken: token, nieuwNaam: naam.data };
			},
			intrekken: async (event: RequestEvent) => {
				const user = requireRol(event, beheerders);
				const id = z.uuid().safeParse((await event.request.formData()).get('id'));
				if (!id.success || !(await trekApiTokenIn(user, id.data))) {
					return fail(404, { intrekFout: 'Dit token bestaat niet of is al ingetrokken.' });
				}
				return { ingetrokken: true };
			}
		}
	};
}
