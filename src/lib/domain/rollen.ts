/** The roles of DESIGN.md §2, as the database's enum public.rol names them. */
export const rollen = [
	'jeugdbeschermer',
	'gi_coordinator',
	'aanbieder',
	'zorgmakelaar',
	'expertteam',
	'regio_analist',
	'beheerder'
] as const;

export type Rol = (typeof rollen)[number];

export const rolLabels: Record<Rol, string> = {
	jeugdbeschermer: 'Jeugdbeschermer',
	gi_coordinator: 'Coördinator GI',
	aanbieder: 'Zorgaanbieder',
	zorgmakelaar: 'Zorgmakelaar',
	expertteam: 'Expertteam',
	regio_analist: 'Regio (beleid en inkoop)',
	beheerder: 'Beheerder'
};

/** Who searches for help for a child: the searcher side of issue 3. */
export const zoekers: readonly Rol[] = ['jeugdbeschermer', 'gi_coordinator', 'zorgmakelaar', 'expertteam'];

/** Who works cases and so has a "Voor u" list (issue 4 §11). */
export const metInbox: readonly Rol[] = [
	'aanbieder',
	'jeugdbeschermer',
	'gi_coordinator',
	'zorgmakelaar',
	'expertteam'
];

/** The sections in the navigation (static paths, so resolve() can check them). */
export type NavHref =
	| '/'
	| '/inbox'
	| '/aanbod'
	| '/voorstellen'
	| '/hulpvragen'
	| '/makelaar'
	| '/expertteam'
	| '/zoeken'
	| '/wijzer'
	| '/beheer';

export interface NavItem {
	href: NavHref;
	label: string;
}

/** Navigation per role: only sections that exist and that the role may open. */
export function navigatieVoor(rol: Rol): NavItem[] {
	const items: NavItem[] = [{ href: '/', label: 'Start' }];
	if (metInbox.includes(rol)) items.push({ href: '/inbox', label: 'Voor u' });
	if (rol === 'aanbieder') {
		items.push({ href: '/aanbod', label: 'Mijn aanbod' }, { href: '/voorstellen', label: 'Voorstellen' });
	}
	if (rol === 'jeugdbeschermer' || rol === 'gi_coordinator')
		items.push({ href: '/hulpvragen', label: 'Hulpvragen' });
	if (rol === 'zorgmakelaar') items.push({ href: '/makelaar', label: 'Wachtrij' });
	if (rol === 'expertteam') items.push({ href: '/expertteam', label: 'Escalaties' });
	if (zoekers.includes(rol)) {
		items.push({ href: '/zoeken', label: 'Zoeken' }, { href: '/wijzer', label: 'Wijzer' });
	}
	if (rol === 'beheerder') items.push({ href: '/beheer', label: 'Beheer' });
	return items;
}

/** Where the installed app opens for a role: the work it comes for, from the phone's home screen. */
export function startpaginaVoor(rol: Rol): NavHref {
	switch (rol) {
		case 'aanbieder':
			return '/aanbod';
		case 'jeugdbeschermer':
		case 'gi_coordinator':
			return '/hulpvragen';
		case 'zorgmakelaar':
			return '/makelaar';
		case 'expertteam':
			return '/expertteam';
		case 'regio_analist':
			// Their start page is the region's figures.
			return '/';
		case 'beheerder':
			return '/beheer';
	}
}

/** Whether a role may open a section guarded for `toegestaan`. */
export function magOpenen(rol: Rol | undefined, toegestaan: readonly Rol[]): boolean {
	return rol !== undefined && toegestaan.includes(rol);
}
