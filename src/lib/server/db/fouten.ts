// Postgres refusals as a person reads them. Both engines put the SQLSTATE in `code`; our own triggers
// raise Dutch messages, which are passed on; constraint and RLS refusals get a Dutch sentence here.

export interface Weigering {
	status: 400 | 403 | 404 | 409;
	bericht: string;
	/** The form field the refusal is about, when known. */
	veld?: string;
}

function sqlstate(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

function bericht(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Our own trigger messages are Dutch sentences ending in a full stop; constraint names are not. */
function isEigenBericht(tekst: string): boolean {
	return /^[A-Z][^\n]*\.$/.test(tekst) && !tekst.startsWith('new row') && !tekst.includes('violates');
}

/** Maps a database refusal to a status and a Dutch message, or undefined for a real fault. */
export function alsWeigering(error: unknown, velden: Record<string, string> = {}): Weigering | undefined {
	const code = sqlstate(error);
	const tekst = bericht(error);
	const veld = Object.entries(velden).find(([kolom]) => tekst.includes(kolom))?.[1];
	switch (code) {
		case '42501': // insufficient_privilege: RLS or a trigger refusing
			return {
				status: 403,
				bericht: isEigenBericht(tekst) ? tekst : 'Dit mag u niet: het hoort bij een andere organisatie.'
			};
		case '23514': // check_violation
			return {
				status: 400,
				bericht: isEigenBericht(tekst) ? tekst : 'Een waarde valt buiten wat kan.',
				veld
			};
		case '23503': // foreign_key_violation
			return {
				status: 404,
				bericht: isEigenBericht(tekst) ? tekst : 'Iets waarnaar verwezen wordt, bestaat niet.',
				veld
			};
		case '23505': // unique_violation
			return { status: 409, bericht: 'Dit bestaat al.', veld };
		case 'P0002': // no_data_found: our functions' "does not exist, or is not yours"
			return { status: 404, bericht: isEigenBericht(tekst) ? tekst : 'Dit bestaat niet.' };
		case '55000': // object_not_in_prerequisite_state: the step no longer fits (expired, withdrawn, answered)
			return {
				status: 409,
				bericht: isEigenBericht(tekst) ? tekst : 'Dit kan niet meer: de toestand is intussen veranderd.'
			};
		case '22P02': // invalid_text_representation
		case '22007':
		case '22008':
		case '22003':
			return { status: 400, bericht: 'Een waarde heeft niet de goede vorm.', veld };
		default:
			return undefined;
	}
}
