import { outboxNamen } from '$lib/domain/apparaat-opslag';
import { verwerkAntwoord } from '$lib/server/hulpvraag-formulier';
import { requireRol } from '$lib/server/guards';
import { voorstellenAanMij } from '$lib/server/hulpvragen';
import type { Actions, PageServerLoad } from './$types';

/** A provider's proposals: to answer first, then running holds and intakes, then what is done. Live. */
export const load = (async (event) => {
	const user = requireRol(event, ['aanbieder']);
	event.depends('app:hulpvragen');
	return {
		voorstellen: await voorstellenAanMij(user.claims),
		outboxNaam: outboxNamen(user.id).antwoorden
	};
}) satisfies PageServerLoad;

export const actions = {
	antwoord: (event) => {
		requireRol(event, ['aanbieder']);
		return verwerkAntwoord(event);
	}
} satisfies Actions;
