/** Anything thrown, as an Error; so a bad job can never break the loop that runs it. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown), { cause: thrown });
}
