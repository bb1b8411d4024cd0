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
	/**
	 * LISTEN on a channel; `onNotify` gets each payload after the sending transaction commits.
	 * Resolves to a function that stops listening. (On Postgres this holds one connection of its own.)
	 */
	listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

/** The JWT claims RLS reads through auth.uid() / auth.jwt(), shaped as Supabase issues them. */
export interface Claims {
	sub: string;
	role: 'authenticated';
	email?: string;
	[claim: string]: unknown;
}

/**
 * Claims of a request made with an organisation API token: no user (so no `sub`, which Supabase's
 * auth.uid() would try to cast), only the token id that the RLS helpers look up.
 */
export interface TokenClaims {
	role: 'authenticated';
	api_token: string;
}
