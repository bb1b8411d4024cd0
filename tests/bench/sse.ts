/** A Server-Sent Events reader for /api/stroom, shared by the benchmarks. */

export interface Stroom {
	/** Ends the connection. */
	sluit: () => void;
	/** Whether the server ended the stream before `sluit()`. */
	afgebroken: () => boolean;
}

/** Connects as the session `cookie`; `bijBericht(kanaal, data)` gets every event with its parsed JSON data. */
export async function openStroom(
	origin: string,
	cookie: string,
	bijBericht: (kanaal: string, data: Record<string, unknown>) => void
): Promise<Stroom> {
	const controller = new AbortController();
	const response = await fetch(`${origin}/api/stroom`, { headers: { cookie }, signal: controller.signal });
	if (!response.ok || !response.body) throw new Error(`SSE gaf ${response.status}`);
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let afgebroken = false;
	void (async () => {
		let buffer = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				buffer += value;
				let einde: number;
				while ((einde = buffer.indexOf('\n\n')) >= 0) {
					const regels = buffer.slice(0, einde).split('\n');
					buffer = buffer.slice(einde + 2);
					const kanaal = regels.find((r) => r.startsWith('event: '))?.slice(7);
					const data = regels.find((r) => r.startsWith('data: '))?.slice(6);
					if (kanaal && data) bijBericht(kanaal, JSON.parse(data) as Record<string, unknown>);
				}
			}
		} catch {
			/* aborted at the end */
		}
		if (!controller.signal.aborted) afgebroken = true;
	})();
	return { sluit: () => controller.abort(), afgebroken: () => afgebroken };
}
