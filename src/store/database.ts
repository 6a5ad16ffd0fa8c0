/** The one seam between wirewatch and its database; PGlite and PostgreSQL both implement it. */
export interface Sql {
  /** One statement with $1-style parameters; returns its rows. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: "pglite" | "postgres";
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Safe to call more than once. */
  close(): Promise<void>;
}
