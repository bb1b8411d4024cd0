import { z } from 'zod';

// zod's own messages in Dutch (its nl locale), for every case a schema has no message of its own.
// Every schema imports z from here, so the settings are in place wherever a schema is used.
z.config(z.locales.nl());
// In the browser, no compiled parsers: they need `new Function`, which our CSP (script-src without
// 'unsafe-eval') forbids, and even zod's probe for it is reported as a CSP violation (Lighthouse best
// practices). The server keeps them: they parse faster.
if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };

/** An empty form field or a JSON null means "not given": z.coerce alone would read either as 0. */
export const leegIsOnbekend = (v: unknown) => (v === '' || v === null ? undefined : v);
