// What a database that is down, restarting or cut off answers with: a socket error, or one of
// PostgreSQL's "connection exception" and "operator intervention" codes.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Whether the error says the database cannot be reached now, not that the query was wrong. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && CODES.has(code)) return true;
  return /Connection terminated|connection timeout|terminating connection|the database system is (starting up|shutting down)/i.test(
    error.message,
  );
}
