/** Small timing helpers for the benchmarks: percentiles over repeated runs, printed side by side. */

export function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index] ?? Number.NaN;
}

export interface Measured {
	p50: number;
	p95: number;
	n: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning p50/p95 in milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs = 200, warmup = 20): Promise<Measured> {
	for (let i = 0; i < warmup; i++) await fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		samples.push(performance.now() - start);
	}
	return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: runs };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** One row of the printed table. */
export function row(label: string, ...cells: string[]): string {
	return [label.padEnd(52), ...cells.map((c) => c.padStart(12))].join(' ');
}
