import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { readDbConfig, type DbConfig } from '$lib/server/db/config';

/** The VAPID key pair and contact the push services see with every push. */
export interface VapidSleutels {
	publicKey: string;
	privateKey: string;
	subject: string;
}

export type PushInstelling = { aan: true; sleutels: VapidSleutels } | { aan: false; reden: string };

export const STANDAARD_SUBJECT = 'mailto:beheer@beschikbaarheidswijzer.nl';

/** P-256: a 65-byte uncompressed public key and a 32-byte private key, base64url. */
const PUBLIEK = /^B[A-Za-z0-9_-]{86}$/;
const PRIVE = /^[A-Za-z0-9_-]{43}$/;

function geldig(publicKey: unknown, privateKey: unknown): publicKey is string {
	return (
		typeof publicKey === 'string' &&
		PUBLIEK.test(publicKey) &&
		typeof privateKey === 'string' &&
		PRIVE.test(privateKey)
	);
}

/** PUSH_UITZETTEN=1 (or true/ja/yes) turns web push off: no sender runs and the app offers no push. */
export function pushUitgezet(env: NodeJS.ProcessEnv = process.env): boolean {
	const waarde = env.PUSH_UITZETTEN?.trim().toLowerCase();
	return !!waarde && ['1', 'true', 'ja', 'yes'].includes(waarde);
}

/**
 * Whether push is on, and its keys: VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY / VAPID_SUBJECT when set;
 * otherwise, embedded, a pair generated once and kept in DATA_DIR/vapid.json (mode 0600), so the
 * browsers' subscriptions survive a restart. Several servers on one Postgres must share one pair, so
 * with DATABASE_URL and no keys push stays off.
 */
export function pushInstelling(
	env: NodeJS.ProcessEnv = process.env,
	config: DbConfig = readDbConfig(env)
): PushInstelling {
	if (pushUitgezet(env)) return { aan: false, reden: 'PUSH_UITZETTEN staat aan.' };
	const subject = env.VAPID_SUBJECT?.trim() || STANDAARD_SUBJECT;
	if (!/^(mailto:|https:\/\/)\S+$/.test(subject)) {
		return { aan: false, reden: 'VAPID_SUBJECT moet een mailto:- of https-adres zijn.' };
	}
	const publicKey = env.VAPID_PUBLIC_KEY?.trim();
	const privateKey = env.VAPID_PRIVATE_KEY?.trim();
	if (publicKey || privateKey) {
		if (!geldig(publicKey, privateKey)) {
			return {
				aan: false,
				reden:
					'VAPID_PUBLIC_KEY en VAPID_PRIVATE_KEY horen samen bij elkaar en moeten base64url-sleutels zijn (npx web-push generate-vapid-keys).'
			};
		}
		return { aan: true, sleutels: { publicKey, privateKey: privateKey as string, subject } };
	}
	if (config.engine !== 'pglite') {
		return {
			aan: false,
			reden: 'Zet VAPID_PUBLIC_KEY en VAPID_PRIVATE_KEY om web push te gebruiken met DATABASE_URL.'
		};
	}
	const pad = join(config.dataDir, 'vapid.json');
	if (!existsSync(pad)) {
		mkdirSync(config.dataDir, { recursive: true });
		try {
			// 'wx': of two processes starting at once, one writes and both read the same pair.
			writeFileSync(pad, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: 'wx' });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
	const opgeslagen = JSON.parse(readFileSync(pad, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
	if (!geldig(opgeslagen.publicKey, opgeslagen.privateKey)) {
		return {
			aan: false,
			reden: `${pad} bevat geen geldig VAPID-sleutelpaar: verwijder het bestand en herstart.`
		};
	}
	return {
		aan: true,
		sleutels: { publicKey: opgeslagen.publicKey, privateKey: opgeslagen.privateKey as string, subject }
	};
}
