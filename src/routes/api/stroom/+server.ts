import { error } from '@sveltejs/kit';
import { stroom } from '$lib/server/stroom';
import type { RequestHandler } from './$types';

/** Keeps proxies and browsers from closing an idle connection. */
const HARTSLAG_MS = 25_000;

/** Server-Sent Events: "beschikbaarheid" when capacity or an offering changes, "hulpvragen" when a case does. */
export const GET: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, 'Meld u aan om live bij te werken.');
	const encoder = new TextEncoder();
	let stop = () => {};
	const body = new ReadableStream<Uint8Array>({
		async start(controller) {
			const stuur = (tekst: string) => {
				try {
					controller.enqueue(encoder.encode(tekst));
				} catch {
					stop();
				}
			};
			stuur('retry: 3000\n: verbonden\n\n');
			const afmelden = await stroom().abonneer((kanaal, payload) => {
				stuur(`event: ${kanaal}\ndata: ${payload}\n\n`);
			});
			const hartslag = setInterval(() => stuur(': hartslag\n\n'), HARTSLAG_MS);
			stop = () => {
				clearInterval(hartslag);
				afmelden();
			};
			request.signal.addEventListener('abort', () => {
				stop();
				try {
					controller.close();
				} catch {
					/* already closed */
				}
			});
		},
		cancel() {
			stop();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
