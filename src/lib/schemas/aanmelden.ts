import { z } from './zod';

/** The sign-in form; shared by the page and any JSON client. */
export const aanmeldSchema = z.object({
	email: z
		.string({ error: 'Vul uw e-mailadres in.' })
		.trim()
		.min(1, 'Vul uw e-mailadres in.')
		.max(254, 'Dit e-mailadres is te lang.')
		.pipe(z.email('Dit is geen geldig e-mailadres. Controleer het en probeer opnieuw.')),
	wachtwoord: z
		.string({ error: 'Vul uw wachtwoord in.' })
		.min(1, 'Vul uw wachtwoord in.')
		.max(200, 'Dit wachtwoord is te lang.')
});

export type Aanmelden = z.infer<typeof aanmeldSchema>;
