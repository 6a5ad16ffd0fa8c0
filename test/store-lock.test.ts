import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPglite } from "../src/store/pglite.js";
import { runCli } from "./helpers/cli.js";
import { closedPort } from "./helpers/mail.js";
import { spawnCommand } from "./helpers/workers.js";

async function storeConfig() {
  const dir = await mkdtemp(join(tmpdir(), "wirewatch-lock-"));
  const store = join(dir, "store");
  await writeFile(
    join(dir, "wirewatch.yaml"),
    // A feed on a loopback port nobody listens on: polling it fails without leaving the machine.
    `feeds: [{ id: f, url: "http://127.0.0.1:${await closedPort()}/rss" }]\nfetch: { allowLoopback: true }\nstore: { path: "${store}" }\n`,
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

describe("status and digest while run holds the embedded store", () => {
  it("are carried out by the running process, which answers for its store", async () => {
    const { dir } = await storeConfig();
    // Up once its first pass is over: the store is held and answering.
    const run = spawnCommand(["run", "--config", "wirewatch.yaml"], "pass complete", { cwd: dir });
    try {
      await run.ready;
      const status = await runCli(["status", "--config", "wirewatch.yaml"], dir);
      expect(status.stdout).toMatch(/^feed f: failing \(1 in a row\)/m);
      const digest = await runCli(
        ["digest", "--date", "2026-11-20", "--format", "json", "--config", "wirewatch.yaml"],
        dir,
      );
      expect(digest.stdout).toContain("2026-11-20.json (0 stories, 0 articles)");
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited, run.log()).toBe(0);
  });
});
