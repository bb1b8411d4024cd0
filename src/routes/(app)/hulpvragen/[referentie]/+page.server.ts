import { error } from '@sveltejs/kit';
import { tijdlijnRegels } from '$lib/domain/hulpvraag';
import { hulpvraagActies } from '$lib/server/hulpvraag-formulier';
import { requireUser } from '$lib/server/guards';
import { escalatiesVan, leesHulpvraag, matches, tijdlijn, voorstellenVan } from '$lib/server/hulpvragen';
import type { Actions, PageServerLoad } from './$types';

/** One hulpvraag as the viewer may see it, with what they can do next. Live via SSE. */
export const load = (async (event) => {
	const user = requireUser(event);
	event.depends('app:hulpvragen', 'app:beschikbaarheid');
	const h = await leesHulpvraag(user.claims, event.params.referentie);
	if (!h) {
		error(404, {
			message: 'Deze hulpvraag bestaat niet, of u mag haar niet zien.',
			hint: 'Controleer de referentie (HV- en vier tekens).'
		});
	}
	const rol = user.lidmaatschap.rol;
	const [voorstellen, escalaties, gebeurtenissen] = await Promise.all([
		voorstellenVan(user.claims, h.id),
		escalatiesVan(user.claims, h.id),
		tijdlijn(user.claims, h.id)
	]);
	const gi = h.eigenGi && (rol === 'jeugdbeschermer' || rol === 'gi_coordinator');
	const makelaar = rol === 'zorgmakelaar';
	const expert = escalaties.some((e) => e.eigenTeam && e.afgerondOp === null);
	const magVoorstellen = h.status === 'open' && (gi || makelaar || expert);
	return {
		h,
		rol: { gi, makelaar, expert, aanbieder: rol === 'aanbieder' },
		voorstellen,
		escalaties,
		matches: magVoorstellen ? await matches(user.claims, h.id) : [],
		magVoorstellen,
		tijdlijn: tijdlijnRegels(gebeurtenissen)
	};
}) satisfies PageServerLoad;

export const actions = hulpvraagActies satisfies Actions;
