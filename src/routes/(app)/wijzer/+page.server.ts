import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/guards';
import { laadWijzer } from '$lib/server/wijzer';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	event.depends('app:beschikbaarheid');
	const user = requireUser(event);
	const code = event.url.searchParams.get('regio') ?? user.lidmaatschap.jbregioCode;
	if (!code) {
		error(409, {
			message: 'Uw organisatie heeft nog geen regio.',
			hint: 'Kies hieronder een jeugdbeschermingsregio, of vraag de beheerder de regio van uw organisatie in te stellen.'
		});
	}
	const wijzer = await laadWijzer(user, code);
	if (!wijzer)
		error(404, {
			message: 'Deze jeugdbeschermingsregio bestaat niet.',
			hint: 'Kies een regio uit de lijst.'
		});
	return { wijzer };
}) satisfies PageServerLoad;
