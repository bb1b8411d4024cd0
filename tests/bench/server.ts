import { spawn } from 'node:child_process';

/** The built app on a data dir, as `npm start` runs it; `stop()` ends it and waits. */
export async function startServer(
	dataDir: string,
	port: number
): Promise<{ origin: string; pid: number; stop: () => Promise<void> }> {
	const origin = `http://localhost:${port}`;
	const server = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), ORIGIN: origin },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const gestopt = new Promise((r) => server.once('exit', r));
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${origin}/api/health`)).ok) break;
		} catch {
			/* not up yet */
		}
		if (i > 900) {
			server.kill('SIGTERM');
			throw new Error('Server kwam niet op');
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		origin,
		pid: server.pid ?? 0,
		async stop() {
			server.kill('SIGTERM');
			await gestopt;
		}
	};
}

/** Signs in through the real form; returns the session cookie. */
export async function aanmelden(origin: string, email: string): Promise<string> {
	const aanmelding = await fetch(`${origin}/aanmelden`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, wachtwoord: 'wijzer-demo' })
	});
	const cookie = aanmelding.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`Aanmelden als ${email} mislukt (${aanmelding.status})`);
	return cookie;
}
