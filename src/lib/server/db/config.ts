import { resolve } from 'node:path';

/** Which database this process uses, from the environment (see README, "Configuratie"). */
export interface DbConfig {
	engine: 'pglite' | 'postgres';
	/** DATABASE_URL, when set. */
	url?: string;
	/** PGlite data directory (DATA_DIR, default ./.data). */
	dataDir: string;
	/** Demo mode: seed the demo region on an empty database and show the demo accounts. */
	demo: boolean;
}

export function readDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
	const url = env.DATABASE_URL?.trim() || undefined;
	const demoSetting = env.DEMO?.trim().toLowerCase();
	return {
		engine: url ? 'postgres' : 'pglite',
		url,
		dataDir: resolve(env.DATA_DIR?.trim() || '.data'),
		// Embedded is demo unless told otherwise; a real server only when asked for (DEMO=true).
		demo: demoSetting ? ['1', 'true', 'ja', 'yes'].includes(demoSetting) : !url
	};
}
