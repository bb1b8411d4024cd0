import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { migrationLevel } from '$lib/server/db/migrate';
import type { RequestHandler } from './$types';

/** Liveness for load balancers and people: engine and migration level, never secrets or data. */
export const GET: RequestHandler = async () => {
	try {
		const db = await getDatabase();
		const niveau = await migrationLevel(db);
		return json(
			{
				status: 'ok',
				engine: db.engine,
				migratie: { versie: niveau.version, naam: niveau.name, aantal: niveau.count }
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return json(
			{ status: 'fout', melding: 'De database is niet bereikbaar.' },
			{ status: 503, headers: { 'cache-control': 'no-store' } }
		);
	}
};
