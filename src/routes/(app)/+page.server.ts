import { error } from '@sveltejs/kit';
import { toonAantal } from '$lib/domain/kleine-aantallen';
import { isVerouderd } from '$lib/domain/versheid';
import { listEigenAanbod } from '$lib/server/aanbod';
import { listOrganisaties } from '$lib/server/beheer';
import { requireUser } from '$lib/server/guards';
import { regioNaam, standPerHulpvorm } from '$lib/server/overzicht';
import type { PageServerLoad } from './$types';

/** The start page: per role, what needs doing next and the figures that say so. */
export const load = (async (event) => {
	const user = requireUser(event);
	const { rol, jbregioCode } = user.lidmaatschap;

	if (rol === 'aanbieder') {
		const aanbod = await listEigenAanbod(user);
		return {
			soort: 'aanbieder' as const,
			aantalAanbod: aanbod.length,
			verouderd: aanbod
				.filter((a) => isVerouderd(a.gemeldOp))
				.map((a) => ({ id: a.id, naam: a.naam, hulpvorm: a.hulpvorm, gemeldOp: a.gemeldOp }))
		};
	}

	if (rol === 'beheerder') {
		const organisaties = await listOrganisaties(user);
		const perSoort = new Map<string, number>();
		for (const o of organisaties) perSoort.set(o.soort, (perSoort.get(o.soort) ?? 0) + 1);
		return {
			soort: 'beheerder' as const,
			perSoort: [...perSoort.entries()].map(([soort, aantal]) => ({ soort, aantal })),
			leden: organisaties.reduce((som, o) => som + o.leden, 0)
		};
	}

	// Never fall back to another region's figures: without a region there is nothing true to show.
	if (!jbregioCode) {
		error(409, {
			message: 'Uw organisatie heeft nog geen regio.',
			hint: 'Vraag de beheerder om de jeugdbeschermingsregio van uw organisatie in te stellen.'
		});
	}
	const code = jbregioCode;
	const [regio, stand] = await Promise.all([regioNaam(user, code), standPerHulpvorm(user, code)]);
	if (rol === 'regio_analist') {
		// Region users see aggregates only, with small counts suppressed before they leave the server.
		return {
			soort: 'regio' as const,
			regio,
			stand: stand.map((s) => ({
				code: s.code,
				naam: s.naam,
				aanbod: toonAantal(s.aanbod),
				metPlek: toonAantal(s.metPlek)
			}))
		};
	}
	return { soort: 'zoeker' as const, rol, regio, stand };
}) satisfies PageServerLoad;
