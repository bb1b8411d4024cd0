import { fail, type RequestEvent } from '@sveltejs/kit';
import { stapGelukt } from '$lib/domain/hulpvraag';
import {
	adviesSchema,
	antwoordSchema,
	escalatieSchema,
	uitlegSchema,
	voorstellenSchema
} from '$lib/schemas/hulpvraag';
import { z } from '$lib/schemas/zod';
import { requireUser } from '$lib/server/guards';
import {
	beantwoord,
	doeVoorstellen,
	escaleer,
	legAdviesVast,
	leguit,
	publiceer,
	trekIn,
	verbreed,
	type Antwoord,
	type Uitkomst
} from '$lib/server/hulpvragen';

// The form actions around one hulpvraag and its proposals. Each action answers with `actie` (and the
// proposal or escalation it was about), so the page shows the message at the form that was used and
// keeps what was typed there.

type Velden = Record<string, string[]>;

function mislukt(
	actie: string,
	status: number,
	fouten: Velden,
	waarden: Record<string, unknown>,
	over?: string
) {
	return fail(status, { actie, over, fouten, waarden });
}

function geweigerd<T>(
	actie: string,
	u: Extract<Uitkomst<T>, { ok: false }>,
	waarden: Record<string, unknown>,
	over?: string
) {
	const { status, bericht, veld } = u.weigering;
	return mislukt(actie, status, { [veld ?? 'algemeen']: [bericht] }, waarden, over);
}

const tekst = (form: FormData, k: string) => {
	const v = form.get(k);
	return typeof v === 'string' ? v : '';
};

/** Runs a step that needs no input but the id; says what happened. */
async function eenvoudig(
	actie: string,
	stap: () => Promise<Uitkomst<unknown>>,
	gelukt: string,
	over?: string
) {
	const u = await stap();
	if (!u.ok) return geweigerd(actie, u, {}, over);
	return { actie, over, gelukt };
}

export const hulpvraagActies = {
	publiceren: async (event: RequestEvent) => {
		const user = requireUser(event);
		const id = tekst(await event.request.formData(), 'hulpvraagId');
		return eenvoudig(
			'publiceren',
			() => publiceer(user.claims, id),
			'De hulpvraag is gepubliceerd; de normklok loopt.'
		);
	},
	sluiten: async (event: RequestEvent) => {
		const user = requireUser(event);
		const id = tekst(await event.request.formData(), 'hulpvraagId');
		return eenvoudig('sluiten', () => trekIn(user.claims, id), 'De hulpvraag is ingetrokken.');
	},
	voorstellen: async (event: RequestEvent) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const waarden = { aanbod: form.getAll('aanbod').map(String) };
		const invoer = voorstellenSchema.safeParse(waarden);
		if (!invoer.success) {
			return mislukt('voorstellen', 400, z.flattenError(invoer.error).fieldErrors as Velden, waarden);
		}
		const u = await doeVoorstellen(user.claims, tekst(form, 'hulpvraagId'), invoer.data.aanbod);
		if (!u.ok) return geweigerd('voorstellen', u, waarden);
		return {
			actie: 'voorstellen',
			gelukt: u.waarde === 1 ? 'Voorgesteld aan 1 aanbieder.' : `Voorgesteld aan ${u.waarde} aanbieders.`
		};
	},
	antwoord: (event: RequestEvent) => verwerkAntwoord(event),
	uitleg: async (event: RequestEvent) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const waarden = { uitleg: tekst(form, 'uitleg') };
		const invoer = uitlegSchema.safeParse(waarden);
		if (!invoer.success)
			return mislukt('uitleg', 400, z.flattenError(invoer.error).fieldErrors as Velden, waarden);
		const u = await leguit(user.claims, tekst(form, 'hulpvraagId'), invoer.data.uitleg);
		if (!u.ok) return geweigerd('uitleg', u, waarden);
		return { actie: 'uitleg', gelukt: 'De uitleg is vastgelegd.' };
	},
	escaleren: async (event: RequestEvent) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const waarden = { notitie: tekst(form, 'notitie') };
		const invoer = escalatieSchema.safeParse(waarden);
		if (!invoer.success) {
			return mislukt('escaleren', 400, z.flattenError(invoer.error).fieldErrors as Velden, waarden);
		}
		const u = await escaleer(user.claims, tekst(form, 'hulpvraagId'), invoer.data.notitie);
		if (!u.ok) return geweigerd('escaleren', u, waarden);
		return { actie: 'escaleren', gelukt: 'De hulpvraag ligt nu bij het expertteam.' };
	},
	verbreden: async (event: RequestEvent) => {
		const user = requireUser(event);
		const id = tekst(await event.request.formData(), 'hulpvraagId');
		return eenvoudig(
			'verbreden',
			() => verbreed(user.claims, id),
			'De zoekruimte is verbreed: dubbele afstand en ook aanbod zonder contract voor de regio.'
		);
	},
	advies: async (event: RequestEvent) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const escalatieId = tekst(form, 'escalatieId');
		const waarden = {
			advies: tekst(form, 'advies'),
			uitkomst: tekst(form, 'uitkomst'),
			afronden: form.has('afronden')
		};
		const invoer = adviesSchema.safeParse(waarden);
		if (!invoer.success) {
			return mislukt('advies', 400, z.flattenError(invoer.error).fieldErrors as Velden, waarden, escalatieId);
		}
		const u = await legAdviesVast(user.claims, escalatieId, invoer.data);
		if (!u.ok) return geweigerd('advies', u, waarden, escalatieId);
		return {
			actie: 'advies',
			over: escalatieId,
			gelukt: invoer.data.afronden ? 'De escalatie is afgerond.' : 'Het advies is vastgelegd.'
		};
	}
};

/**
 * A step on one proposal: the provider's answers, or the GI or broker withdrawing it. The form without
 * JavaScript; the same validation (antwoordSchema) and the same server step (beantwoord) as
 * POST /api/v1/voorstellen/{id}/antwoord, which the page's offline outbox uses.
 */
export async function verwerkAntwoord(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const voorstelId = tekst(form, 'voorstelId');
	const soort = tekst(form, 'soort');
	const waarden = { reden: tekst(form, 'reden'), toelichting: tekst(form, 'toelichting'), soort };
	let antwoord: Antwoord;
	if (soort === 'intrekken') {
		antwoord = { soort };
	} else {
		const invoer = antwoordSchema.safeParse(waarden);
		if (!invoer.success) {
			const fouten = z.flattenError(invoer.error).fieldErrors as Velden;
			const { soort: onbekend, ...velden } = fouten;
			return mislukt(
				'antwoord',
				400,
				onbekend ? { ...velden, algemeen: ['Onbekende stap.'] } : velden,
				waarden,
				voorstelId
			);
		}
		antwoord = invoer.data;
	}
	const u = await beantwoord(user.claims, voorstelId, antwoord);
	if (!u.ok) return geweigerd('antwoord', u, waarden, voorstelId);
	return { actie: 'antwoord', over: voorstelId, gelukt: stapGelukt[antwoord.soort] };
}
