import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { bewaarAanbod, bewaarLocatie, type Uitkomst } from '$lib/server/aanbod-beheer';
import { requireUser } from '$lib/server/guards';
import { aanbodSchema, aanbodUitFormulier, locatieSchema, locatieUitFormulier } from '$lib/schemas/aanbod';
import { z } from '$lib/schemas/zod';

/** The action behind both aanbod forms: validate, save as the person, back to the capacity cards. */
export async function verwerkAanbodFormulier(event: RequestEvent, id: string | null) {
	const user = requireUser(event);
	const waarden = aanbodUitFormulier(await event.request.formData());
	const invoer = aanbodSchema.safeParse(waarden);
	if (!invoer.success) {
		return fail(400, {
			waarden,
			fouten: z.flattenError(invoer.error).fieldErrors as Record<string, string[]>
		});
	}
	const uitkomst = await bewaarAanbod(user, id, invoer.data);
	if (!uitkomst.ok) return geweigerd(uitkomst, waarden);
	redirect(303, resolve('/aanbod'));
}

/** The action behind both location forms: validate, save as the person, back to the list. */
export async function verwerkLocatieFormulier(event: RequestEvent, id: string | null) {
	const user = requireUser(event);
	const waarden = locatieUitFormulier(await event.request.formData());
	const invoer = locatieSchema.safeParse(waarden);
	if (!invoer.success) {
		return fail(400, {
			waarden,
			fouten: z.flattenError(invoer.error).fieldErrors as Record<string, string[]>
		});
	}
	const uitkomst = await bewaarLocatie(user, id, invoer.data);
	if (!uitkomst.ok) return geweigerd(uitkomst, waarden);
	redirect(303, resolve('/aanbod/locaties'));
}

/** A database refusal as a form failure: the message at its field (the name when unknown), values kept. */
function geweigerd<W>(uitkomst: Extract<Uitkomst, { ok: false }>, waarden: W) {
	const { status, bericht, veld } = uitkomst.weigering;
	return fail(status, { waarden, fouten: { [veld ?? 'naam']: [bericht] } as Record<string, string[]> });
}
