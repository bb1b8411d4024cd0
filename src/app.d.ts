import type { SessionUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in person, or null. Always set by hooks.server.ts. */
			user: SessionUser | null;
		}
		interface Error {
			message: string;
			/** Shown on the error page: what the person can do next. */
			hint?: string;
		}
		interface PageData {
			user?: PublicUser | null;
			/** Set only by the offline shell (src/routes/offline). */
			offlineShell?: true;
		}
	}

	/** What the browser may know of the signed-in person. */
	interface PublicUser {
		/** Their own id: keys the offline copies and outboxes on their device. */
		id: string;
		email: string;
		rol: import('$lib/domain/rollen').Rol;
		organisatieNaam: string;
	}
}

export {};
