/** Counts below this are never shown to region users (DESIGN.md §5: small-cell suppression). */
export const ONDERDRUK_ONDER = 5;

/** A count as a region user may see it: "<5" for anything below five, the number otherwise. */
export function toonAantal(aantal: number): string {
	if (!Number.isInteger(aantal) || aantal < 0) throw new RangeError(`Geen geldig aantal: ${aantal}`);
	return aantal < ONDERDRUK_ONDER ? `<${ONDERDRUK_ONDER}` : String(aantal);
}
