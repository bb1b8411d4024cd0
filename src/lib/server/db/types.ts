/** Anything that runs SQL with positional parameters ($1, $2, …) and returns rows. */
export interface Queryable {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Runs one or more statements without parameters (migrations, seeds). */
	exec(sql: string): Promise<void>;
}

/** One database, whichever engine is behind it. */
export interface Database extends Queryable {
	readonly engine: 'pglite' | 'postgres';
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** The JWT claims RLS reads through auth.uid() / auth.jwt(), shaped as Supabase issues them. */
export interface Claims {
	sub: string;
	role: 'authenticated';
	email?: string;
	[claim: string]: unknown;
}
