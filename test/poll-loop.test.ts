import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createContext } from "../src/pipeline/context.js";
import { pollForever } from "../src/pipeline/poll-loop.js";
import type { Database } from "../src/store/database.js";
import { testConfig } from "./helpers/config.js";
import { freshPglite } from "./helpers/databases.js";
import { serve } from "./helpers/http-server.js";

describe("the inline poll loop", () => {
  it("outlives a store that fails its queries: it says so, waits, and goes on once the store answers", async () => {
    const feed = await serve((_request, response) =>
      response.writeHead(200).end('<rss version="2.0"><channel><title>t</title></channel></rss>'),
    );
    const t = await freshPglite();
    let broken = false;
    const failing: Database = {
      ...t.db,
      query: (text, params) =>
        broken ? Promise.reject(new Error("connection lost")) : t.db.query(text, params),
    };
    const lines: string[] = [];
    const log = pino(
      { level: "info" },
      new Writable({
        write(chunk, _e, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const ctx = await createContext(
      testConfig(`feeds: [{ id: f, url: "${feed.url}/rss", every: 1s }]`),
      { log, db: failing },
    );
    const stop = new AbortController();
    try {
      broken = true;
      const loop = pollForever(ctx, stop.signal);
      await sleep(300);
      expect(lines.join("")).toContain('"msg":"poll loop failed; trying again"');
      expect(lines.join("")).toContain('"err":"connection lost"');
      broken = false;
      for (let i = 0; i < 80 && feed.requests.length === 0; i++) await sleep(50);
      expect(feed.requests.length).toBeGreaterThan(0);
      stop.abort();
      await loop;
    } finally {
      stop.abort();
      await feed.close();
      await t.drop();
    }
  });
});
