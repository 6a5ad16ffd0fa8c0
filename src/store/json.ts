/**
 * Rows travel to the database as one JSON parameter (jsonb_to_recordset), so a batch of any
 * size is one statement with the same SQL on PGlite and PostgreSQL.
 */
export const asJson = (rows: readonly unknown[]): string => JSON.stringify(rows);

const toIso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export { toIso };
