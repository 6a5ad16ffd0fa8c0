import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/open.js";
import { runCli } from "./helpers/cli.js";
import { searchStore } from "./helpers/search-store.js";

async function counts(store: string) {
  const db = await openStore({ path: store });
  try {
    const [row] = await db.query<{ entities: number; feeds: number; digests: number }>(
      `select (select count(*)::int from entities) as entities, (select count(*)::int from feeds) as feeds,
         (select count(*)::int from digests) as digests`,
    );
    return row;
  } finally {
    await db.close();
  }
}

describe("commands that read", () => {
  it("status and digest write nothing of the config into the store", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-read-"));
    const store = join(dir, "store");
    const db = await openStore({ path: store });
    await searchStore(db);
    await db.close();
    const before = await counts(store);
    // A config with a feed and a watchlist item the store has never seen.
    await writeFile(
      join(dir, "wirewatch.yaml"),
      `feeds: [{ id: f, url: "https://x.example/rss" }, { id: g, url: "https://y.example/rss" }]
watchlist: [{ id: pkk, type: group, name: PKK }]
store: { path: "${store}" }
digest: { outDir: "${join(dir, "digests")}" }
`,
    );
    const status = await runCli(["status", "--config", "wirewatch.yaml"], dir);
    expect(status.stdout).toContain("feed g: never polled");
    expect(await counts(store)).toEqual(before);
    await runCli(["digest", "--date", "2026-11-20", "--config", "wirewatch.yaml"], dir);
    expect(await counts(store)).toEqual({ ...before, digests: (before?.digests ?? 0) + 1 });
  });
});
