/** A capacity report older than this is marked stale for searchers (issue 3 §4). */
export const VERSHEID_DAGEN = 7;
/** Without a report fresher than this the wijzer shows grijs (DESIGN.md §3). */
export const GRIJS_NA_DAGEN = 14;

const DAG_MS = 24 * 60 * 60 * 1000;

/** Whole days between a report and now. */
export function dagenGeleden(gemeldOp: Date, nu: Date = new Date()): number {
	return Math.max(0, Math.floor((nu.getTime() - gemeldOp.getTime()) / DAG_MS));
}

/** Whether a report is too old to be trusted without checking. */
export function isVerouderd(gemeldOp: Date | null, nu: Date = new Date()): boolean {
	return gemeldOp === null || dagenGeleden(gemeldOp, nu) > VERSHEID_DAGEN;
}

/** "vandaag", "gisteren", "5 dagen geleden": how old a report is, in words. */
export function ouderdomInWoorden(gemeldOp: Date | null, nu: Date = new Date()): string {
	if (gemeldOp === null) return 'nog nooit gemeld';
	const dagen = dagenGeleden(gemeldOp, nu);
	if (dagen === 0) return 'vandaag';
	if (dagen === 1) return 'gisteren';
	return `${dagen} dagen geleden`;
}
