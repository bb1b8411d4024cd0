import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { outboxNamen } from '$lib/domain/apparaat-opslag';
import { isVerouderd } from '$lib/domain/versheid';
import { meldingSchema } from '$lib/schemas/capaciteit';
import { listEigenAanbod } from '$lib/server/aanbod';
import { meldCapaciteit } from '$lib/server/capaciteit';
import { requireRol } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRol(event, ['aanbieder']);
	const aanbod = await listEigenAanbod(user);
	const nu = new Date();
	// Stale first: what needs an update is at the top, under the thumb. Otherwise the loaded order.
	const verouderd = aanbod.filter((a) => isVerouderd(a.gemeldOp, nu));
	const vers = aanbod.filter((a) => !isVerouderd(a.gemeldOp, nu));
	return {
		// A key per form, so a double tap on Opslaan without JavaScript stores the report once.
		aanbod: [...verouderd, ...vers].map((a) => ({ ...a, sleutel: randomUUID() })),
		outboxNaam: outboxNamen(user.id).meldingen
	};
}) satisfies PageServerLoad;

/** The form's fields as typed, to give back after a refusal. */
interface Invoer {
	vrijePlaatsen: string;
	wachtlijst: string;
	wachttijdWeken: string;
	eerstvolgendeVrij: string;
	alleenNaOverleg: boolean;
	notitie: string;
}

function tekst(form: FormData, naam: string): string {
	const waarde = form.get(naam);
	return typeof waarde === 'string' ? waarde : '';
}

/** The id the refusal belongs to, only when it is one: it is echoed into the page. */
function aanbodIdUit(form: FormData): string {
	const id = tekst(form, 'aanbodId');
	return z.uuid().safeParse(id).success ? id : '';
}

function opgeslagen(aanbodId: string): never {
	redirect(303, `/aanbod?opgeslagen=${aanbodId}#aanbod-${aanbodId}`);
}

export const actions = {
	/** A capacity report from a card without JavaScript (with it, the card posts to /api/v1/capaciteit). */
	melden: async (event) => {
		const user = requireRol(event, ['aanbieder']);
		const form = await event.request.formData();
		const aanbodId = aanbodIdUit(form);
		// Ambulant cards send a hidden 0 and, when "Kan nu starten" is ticked, the number after it.
		const vrijePlaatsen = form.getAll('vrijePlaatsen').filter((v) => typeof v === 'string');
		const invoer: Invoer = {
			vrijePlaatsen: vrijePlaatsen.at(-1) ?? '',
			wachtlijst: tekst(form, 'wachtlijst'),
			wachttijdWeken: tekst(form, 'wachttijdWeken'),
			eerstvolgendeVrij: tekst(form, 'eerstvolgendeVrij'),
			alleenNaOverleg: form.has('alleenNaOverleg'),
			notitie: tekst(form, 'notitie')
		};
		// z.coerce reads an empty field as 0: an emptied field must not quietly report "nothing free".
		if (invoer.vrijePlaatsen.trim() === '') {
			return fail(400, {
				aanbodId,
				invoer,
				fouten: { vrijePlaatsen: 'Vul het aantal vrije plaatsen in.' } as Record<string, string>
			});
		}
		const parsed = meldingSchema.safeParse({
			...invoer,
			wachtlijst: invoer.wachtlijst.trim() === '' ? '0' : invoer.wachtlijst,
			aanbodId: tekst(form, 'aanbodId'),
			idempotentieSleutel: tekst(form, 'idempotentieSleutel') || undefined
		});
		if (!parsed.success) {
			const fouten: Record<string, string> = {};
			for (const issue of parsed.error.issues) fouten[String(issue.path[0] ?? 'algemeen')] ??= issue.message;
			return fail(400, { aanbodId, invoer, fouten });
		}
		const uitkomst = await meldCapaciteit(user.claims, parsed.data);
		if (!uitkomst.ok) {
			const { status, bericht, veld } = uitkomst.weigering;
			return fail(status, { aanbodId, invoer, fouten: { [veld ?? 'algemeen']: bericht } });
		}
		opgeslagen(aanbodId);
	},

	/** "Klopt nog": the current figures again, as a new report made now. */
	kloptNog: async (event) => {
		const user = requireRol(event, ['aanbieder']);
		const form = await event.request.formData();
		const aanbodId = aanbodIdUit(form);
		const aanbod = (await listEigenAanbod(user)).find((a) => a.id === aanbodId);
		if (!aanbod) {
			return fail(404, { aanbodId, fouten: { algemeen: 'Dit aanbod bestaat niet (meer).' } });
		}
		if (aanbod.gemeldOp === null || aanbod.vrijePlaatsen === null) {
			return fail(400, {
				aanbodId,
				fouten: { algemeen: 'Er is nog geen melding om te bevestigen. Vul de cijfers in en sla ze op.' }
			});
		}
		const parsed = meldingSchema.safeParse({
			aanbodId,
			vrijePlaatsen: aanbod.vrijePlaatsen,
			wachtlijst: aanbod.wachtlijst ?? 0,
			wachttijdWeken: aanbod.wachttijdWeken,
			eerstvolgendeVrij: aanbod.eerstvolgendeVrij,
			alleenNaOverleg: aanbod.alleenNaOverleg ?? false,
			notitie: aanbod.notitie ?? '',
			idempotentieSleutel: tekst(form, 'idempotentieSleutel') || undefined
		});
		if (!parsed.success) {
			return fail(400, { aanbodId, fouten: { algemeen: parsed.error.issues[0]?.message ?? 'Ongeldig.' } });
		}
		const uitkomst = await meldCapaciteit(user.claims, parsed.data);
		if (!uitkomst.ok) {
			return fail(uitkomst.weigering.status, { aanbodId, fouten: { algemeen: uitkomst.weigering.bericht } });
		}
		opgeslagen(aanbodId);
	}
} satisfies Actions;
