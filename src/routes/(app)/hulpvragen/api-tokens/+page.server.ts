import { apiTokenPagina } from '$lib/server/api-token-pagina';
import type { Actions, PageServerLoad } from './$types';

const pagina = apiTokenPagina(['gi_coordinator']);

export const load = pagina.load satisfies PageServerLoad;
export const actions = pagina.actions satisfies Actions;
