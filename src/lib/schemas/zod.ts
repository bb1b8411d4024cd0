import { z } from 'zod';

// zod's own messages in Dutch (its nl locale), for every case a schema has no message of its own.
// Every schema imports z from here, so the setting is in place wherever a schema is used.
z.config(z.locales.nl());

export { z };

/** An empty form field or a JSON null means "not given": z.coerce alone would read either as 0. */
export const leegIsOnbekend = (v: unknown) => (v === '' || v === null ? undefined : v);
