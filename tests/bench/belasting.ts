/**
 * Issue 5 §5: a bounded load on the embedded database, loopback only, that stops by itself. 200 connected
 * SSE clients (/api/stroom, as a signed-in jeugdbeschermer) while a provider reports capacity 20 times a
 * second for 60 seconds (POST /api/v1/capaciteit). Measured: report → event on every client (p50/p95 over all
 * deliveries), errors (failed reports, dropped streams, events that never arrived) and the server's memory.
 * Target (issue 5): propagation p95 ≤ 1 s, zero errors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db/index';
import { oordeel } from './groot';
import { aanmelden, startServer } from './server';
import { openStroom, type Stroom } from './sse';
import { ms, percentile, row } from './stats';

const CLIENTS = 200;
const PER_SECONDE = 20;
const SECONDEN = 60;
const DOEL = { propagatieP95: 1000, fouten: 0 };

/** Resident memory of a process in MiB (Linux /proc). */
function geheugenMiB(pid: number): number {
	const regel = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((r) => r.startsWith('VmRSS:'));
	return Number(/(\d+)/.exec(regel ?? '')?.[1] ?? 0) / 1024;
}

export async function benchBelasting(port: number): Promise<boolean> {
	console.log(
		`\n== Belasting: ${CLIENTS} SSE-clients, ${PER_SECONDE} meldingen/s gedurende ${SECONDEN} s (demoregio) ==\n`
	);
	const dataDir = mkdtempSync(join(tmpdir(), 'wijzer-bench-belasting-'));
	try {
		const db = await openDatabase({ engine: 'pglite', dataDir, demo: true });
		const eigen = await db.query<{ id: string; totaal: number }>(
			`select a.id, a.capaciteit_totaal as totaal from public.aanbod a
			   join public.leden l on l.organisatie_id = a.organisatie_id join auth.users u on u.id = l.user_id
			  where u.email = 'aanbieder@demo.nl' and a.actief and a.capaciteit_totaal > 0 order by a.naam`
		);
		await db.close();

		const server = await startServer(dataDir, port);
		try {
			const zoeker = await aanmelden(server.origin, 'jeugdbeschermer@demo.nl');
			const aanbieder = await aanmelden(server.origin, 'aanbieder@demo.nl');
			const geheugenVoor = geheugenMiB(server.pid);

			// Send times per aanbod, in order; a client's n-th event for an aanbod answers the n-th report.
			const verstuurd = new Map<string, number[]>(eigen.map((a) => [a.id, []]));
			const vertragingen: number[] = [];
			const clients: Stroom[] = await Promise.all(
				Array.from({ length: CLIENTS }, () => {
					// Per aanbod, how many events this client has had (the n-th event answers the n-th report).
					const gezien = new Map<string, number>();
					return openStroom(server.origin, zoeker, (kanaal, { aanbod }) => {
						const tijden = typeof aanbod === 'string' ? verstuurd.get(aanbod) : undefined;
						if (kanaal !== 'beschikbaarheid' || !tijden) return;
						const n = gezien.get(aanbod as string) ?? 0;
						const start = tijden[n];
						if (start !== undefined) vertragingen.push(performance.now() - start);
						gezien.set(aanbod as string, n + 1);
					});
				})
			);

			let mislukt = 0;
			let piek = geheugenVoor;
			const meldingen: Promise<void>[] = [];
			const start = performance.now();
			for (let i = 0; i < PER_SECONDE * SECONDEN; i++) {
				const wachten = start + (i * 1000) / PER_SECONDE - performance.now();
				if (wachten > 0) await new Promise((r) => setTimeout(r, wachten));
				if (i % PER_SECONDE === 0) piek = Math.max(piek, geheugenMiB(server.pid));
				const doel = eigen[i % eigen.length]!;
				verstuurd.get(doel.id)!.push(performance.now());
				meldingen.push(
					fetch(`${server.origin}/api/v1/capaciteit`, {
						method: 'POST',
						headers: { cookie: aanbieder, 'content-type': 'application/json' },
						body: JSON.stringify({ aanbodId: doel.id, vrijePlaatsen: i % (doel.totaal + 1) })
					})
						.then(async (r) => {
							await r.text();
							if (r.status !== 201) mislukt++;
						})
						.catch(() => {
							mislukt++;
						})
				);
			}
			await Promise.all(meldingen);
			// Let the last events arrive (anything later than this counts as lost).
			await new Promise((r) => setTimeout(r, 2000));
			piek = Math.max(piek, geheugenMiB(server.pid));
			const duur = (performance.now() - start) / 1000;

			const verwacht = PER_SECONDE * SECONDEN * CLIENTS;
			const afgebroken = clients.filter((c) => c.afgebroken()).length;
			const gemist = verwacht - vertragingen.length;
			for (const c of clients) c.sluit();
			const fouten = mislukt + afgebroken + Math.max(0, gemist);
			const p50 = percentile(vertragingen, 50);
			const p95 = percentile(vertragingen, 95);

			console.log(row('', 'figure'));
			console.log(row(`reports sent (${duur.toFixed(0)} s)`, String(PER_SECONDE * SECONDEN)));
			console.log(row('events delivered / expected', `${vertragingen.length} / ${verwacht}`));
			console.log(row('report → event on a client, p50', ms(p50)));
			console.log(row('report → event on a client, p95', ms(p95)));
			console.log(row('failed reports', String(mislukt)));
			console.log(row('streams dropped', String(afgebroken)));
			console.log(row('server memory before → peak', `${geheugenVoor.toFixed(0)} → ${piek.toFixed(0)} MiB`));
			const checks = [
				[`propagation p95 ≤ ${DOEL.propagatieP95} ms (${ms(p95)})`, p95 <= DOEL.propagatieP95],
				[`errors = ${DOEL.fouten} (${fouten})`, fouten === DOEL.fouten]
			] as const;
			console.log('\ntargets (issue 5):');
			for (const [tekst, gehaald] of checks) console.log(`  ${tekst}: ${oordeel(gehaald)}`);
			return checks.every(([, gehaald]) => gehaald);
		} finally {
			await server.stop();
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}
