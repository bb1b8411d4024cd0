import type { Rol } from '$lib/domain/rollen';
import type { Claims } from '$lib/server/db';

export interface Lidmaatschap {
	organisatieId: string;
	organisatieNaam: string;
	organisatieSoort: 'aanbieder' | 'gi' | 'regio' | 'expertteam' | 'beheer';
	jbregioCode: string | null;
	rol: Rol;
}

/** The signed-in person: claims for RLS plus the active membership. */
export interface SessionUser {
	id: string;
	email: string;
	claims: Claims;
	/** The first membership; a person with several roles gets a switcher later. */
	lidmaatschap: Lidmaatschap;
	lidmaatschappen: Lidmaatschap[];
}
