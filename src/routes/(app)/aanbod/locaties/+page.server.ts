import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { bewaarLocatie, lijstLocaties } from '$lib/server/aanbod-beheer';
import { requireUser } from '$lib/server/guards';
import { locatieSchema, locatieUitFormulier } from '$lib/schemas/aanbod';
import { z } from '$lib/schemas/zod';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => ({
	locaties: await lijstLocaties(requireUser(event))
})) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const waarden = locatieUitFormulier(await event.request.formData());
		const invoer = locatieSchema.safeParse(waarden);
		if (!invoer.success) return fail(400, { waarden, fouten: z.flattenError(invoer.error).fieldErrors });
		const uitkomst = await bewaarLocatie(user, null, invoer.data);
		if (!uitkomst.ok) {
			const { status, bericht, veld } = uitkomst.weigering;
			return fail(status, { waarden, fouten: { [veld ?? 'naam']: [bericht] } as Record<string, string[]> });
		}
		redirect(303, resolve('/aanbod/locaties'));
	}
} satisfies Actions;
