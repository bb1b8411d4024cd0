// The app side of the service worker: registers it with workbox-window, tells when a new version
// waits ("Nieuwe versie beschikbaar — vernieuwen") and whether the device is online. One instance, made
// by the root layout.
import type { Workbox } from 'workbox-window';

/** How often an open app asks the server for a new version (also when it comes back into view). */
const UPDATE_ELKE_MS = 30 * 60_000;

/** Context key: the root layout's instance, for the offline shell. */
export const PWA_CONTEXT = Symbol('pwa');

export class Pwa {
	online = $state(true);
	/** In the offline shell: when the copy on screen was loaded (ms); set by the shell. */
	shellGegevensVan = $state<number | null>(null);
	/** A new version is installed and waits for the person to choose "vernieuwen". */
	nieuweVersie = $state(false);
	#wb: Workbox | undefined;

	/** For onMount. `registreren` is false in development, where Vite serves modules that change all the time. */
	start(registreren: boolean): () => void {
		this.online = navigator.onLine;
		const online = () => (this.online = true);
		const offline = () => (this.online = false);
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		let interval: ReturnType<typeof setInterval> | undefined;
		const zichtbaar = () => {
			if (document.visibilityState === 'visible') void this.#wb?.update();
		};
		if (registreren && 'serviceWorker' in navigator) {
			// Loaded on its own, after the page: workbox-window is not needed for the first paint.
			void import('workbox-window')
				.then(({ Workbox }) => {
					const wb = new Workbox('/service-worker.js');
					wb.addEventListener('waiting', () => (this.nieuweVersie = true));
					this.#wb = wb;
					interval = setInterval(() => void wb.update(), UPDATE_ELKE_MS);
					document.addEventListener('visibilitychange', zichtbaar);
					// workbox-window registers after the load event, so the worker never slows the first paint.
					return wb.register();
				})
				.catch((error: unknown) => console.warn('Service worker niet geregistreerd', error));
		}
		return () => {
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
			document.removeEventListener('visibilitychange', zichtbaar);
			clearInterval(interval);
		};
	}

	/** Lets the waiting version take over and reloads once it controls the page. */
	vernieuw(): void {
		const wb = this.#wb;
		if (!wb) return location.reload();
		wb.addEventListener('controlling', () => location.reload());
		wb.messageSkipWaiting();
	}
}
