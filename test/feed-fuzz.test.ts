import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FetchError } from "../src/ingest/fetch-errors.js";
import { readFeed } from "../src/ingest/read-feed.js";

const SEEDS = readdirSync("assets/demo/feeds").map((name) =>
  readFileSync(`assets/demo/feeds/${name}`),
);

/** A feed document cut short, with bytes flipped, removed, inserted or repeated. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    edits: fc.oneof(
      fc.constant([]),
      fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          kind: fc.constantFrom("flip", "delete", "insert", "repeat"),
          byte: fc.integer({ min: 0, max: 255 }),
          length: fc.integer({ min: 1, max: 64 }),
        }),
        { maxLength: 4 },
      ),
    ),
  })
  .map(({ seed, cut, edits }) => {
    let bytes = Buffer.from(
      seed.subarray(0, Math.max(1, Math.floor(seed.length * (cut < 0.3 ? cut / 0.3 : 1)))),
    );
    for (const edit of edits) {
      const at = Math.floor(edit.at * bytes.length);
      if (edit.kind === "flip") bytes[at] = edit.byte;
      if (edit.kind === "delete")
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + edit.length)]);
      if (edit.kind === "insert")
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          Buffer.alloc(edit.length, edit.byte),
          bytes.subarray(at),
        ]);
      if (edit.kind === "repeat")
        bytes = Buffer.concat([bytes.subarray(0, at + edit.length), bytes.subarray(at)]);
    }
    return bytes;
  });

describe("decode and parse under mutated input", () => {
  it("never throws anything but a clear FetchError, and never hangs", async () => {
    let parsed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        mutated,
        fc.constantFrom(
          null,
          "text/xml; charset=utf-8",
          "application/rss+xml; charset=windows-1256",
        ),
        async (bytes, type) => {
          const outcome = await Promise.race([
            readFeed(bytes, type, "https://feeds.example/").then(
              (feed) => ({ feed }),
              (error: unknown) => ({ error }),
            ),
            new Promise<{ hung: true }>((resolve) =>
              setTimeout(() => resolve({ hung: true }), 2000),
            ),
          ]);
          expect(outcome).not.toHaveProperty("hung");
          if ("error" in outcome) {
            expect(outcome.error).toBeInstanceOf(FetchError);
            expect((outcome.error as FetchError).reason).toMatch(/^(parse|decode)$/);
            expect((outcome.error as FetchError).message).toMatch(/^(not a feed|cannot decode)/);
            refused++;
          } else if ("feed" in outcome) {
            for (const item of outcome.feed.items) expect(typeof item.title).toBe("string");
            parsed++;
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Both outcomes happen: the mutations are neither all harmless nor all fatal.
    expect(parsed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 120_000);
});
