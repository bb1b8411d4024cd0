/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same demo data on every
 * fresh start, so screenshots, e2e tests and bug reports refer to the same organisations and numbers.
 * Not for anything secret.
 */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('Rng.pick: lege lijst');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** Picks by weight; `weight` of 0 never wins. */
	weighted<T>(items: readonly T[], weight: (item: T) => number): T {
		const total = items.reduce((sum, item) => sum + weight(item), 0);
		let r = this.next() * total;
		for (const item of items) {
			r -= weight(item);
			if (r < 0) return item;
		}
		return this.pick(items);
	}

	/** Up to `n` distinct items, in the order drawn. */
	sample<T>(items: readonly T[], n: number): T[] {
		const pool = [...items];
		const out: T[] = [];
		while (out.length < n && pool.length > 0) {
			out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
		}
		return out;
	}

	/** A version-4-shaped UUID from this stream, so seeded rows keep their ids from run to run. */
	uuid(): string {
		const hex = Array.from({ length: 16 }, () => this.int(0, 255));
		hex[6] = ((hex[6] ?? 0) & 0x0f) | 0x40;
		hex[8] = ((hex[8] ?? 0) & 0x3f) | 0x80;
		const s = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}
}
