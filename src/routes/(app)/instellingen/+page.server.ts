import { fail } from '@sveltejs/kit';
import { z } from '$lib/schemas/zod';
import { requireUser } from '$lib/server/guards';
import { apparatenVan, stuurTestmelding, verwijderApparaat } from '$lib/server/push/abonnementen';
import { pushInstelling } from '$lib/server/push/sleutels';
import type { Actions, PageServerLoad } from './$types';

/** Push on this and the person's other devices. Everyone signed in may use it. */
export const load = (async (event) => {
	const user = requireUser(event);
	const instelling = pushInstelling();
	return {
		publicKey: instelling.aan ? instelling.sleutels.publicKey : null,
		apparaten: await apparatenVan(user.claims)
	};
}) satisfies PageServerLoad;

export const actions = {
	verwijder: async (event) => {
		const user = requireUser(event);
		const id = z.uuid().safeParse((await event.request.formData()).get('id'));
		if (!id.success || !(await verwijderApparaat(user.claims, id.data))) {
			return fail(404, { verwijderFout: 'Dit apparaat staat niet (meer) in uw lijst.' });
		}
		return { verwijderd: true };
	},
	test: async (event) => {
		const user = requireUser(event);
		const uitkomst = await stuurTestmelding(user.claims);
		if (uitkomst === 'geen_apparaat') {
			return fail(409, {
				testFout: 'Zet eerst meldingen aan op een apparaat; dan kunt u een testmelding sturen.'
			});
		}
		if (uitkomst === 'al_gevraagd') {
			return fail(429, {
				testFout: 'U hebt net al een testmelding gevraagd. Wacht een minuut en probeer het dan opnieuw.'
			});
		}
		return { testVerstuurd: true };
	}
} satisfies Actions;
