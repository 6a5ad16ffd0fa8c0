import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPglite } from "../src/store/pglite.js";
import { runCli } from "./helpers/cli.js";

async function storeConfig() {
  const dir = await mkdtemp(join(tmpdir(), "wirewatch-lock-"));
  const store = join(dir, "store");
  await writeFile(
    join(dir, "wirewatch.yaml"),
    `feeds: [{ id: f, url: "https://x.example/rss" }]\nstore: { path: "${store}" }\n`,
  );
  return { dir, store };
}

describe("the embedded store has one process at a time", () => {
  it("refuses a second process, naming the one that holds it, and lets it in once that one is done", async () => {
    const { dir, store } = await storeConfig();
    const held = await openPglite(store);
    try {
      const refused = await runCli(["status", "--config", "wirewatch.yaml"], dir).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain(
        `the store at ${store} is in use by process ${process.pid} on ${hostname()}`,
      );
      expect(await readFile(join(store, "wirewatch.lock"), "utf8")).toContain(
        `"pid":${process.pid}`,
      );
    } finally {
      await held.close();
    }
    const status = await runCli(["status", "--config", "wirewatch.yaml"], dir);
    expect(status.stdout).toContain("feed f:");
  });

  it("takes over a lock left by a process that died", async () => {
    const { store } = await storeConfig();
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    const first = await openPglite(store);
    await first.close();
    await writeFile(
      join(store, "wirewatch.lock"),
      JSON.stringify({ pid: gone, host: hostname(), command: "wirewatch run", since: "then" }),
    );
    const db = await openPglite(store);
    expect(await db.query("select 1 as one")).toEqual([{ one: 1 }]);
    await db.close();
  });
});
