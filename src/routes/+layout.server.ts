import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	const user = locals.user;
	return {
		user: user
			? {
					id: user.id,
					email: user.email,
					rol: user.lidmaatschap.rol,
					organisatieNaam: user.lidmaatschap.organisatieNaam
				}
			: null
	};
}) satisfies LayoutServerLoad;
