/** A page's end as the next request gives it back: when the last item was first seen, and its id. */
export interface Cursor {
  firstSeen: Date;
  id: string;
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.firstSeen.toISOString(), c.id])).toString("base64url");

/** Undefined when the text is not a cursor this server made. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    const firstSeen = new Date(String(at));
    if (typeof id !== "string" || Number.isNaN(firstSeen.getTime())) return undefined;
    return { firstSeen, id };
  } catch {
    return undefined;
  }
}
