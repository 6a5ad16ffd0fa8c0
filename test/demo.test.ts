import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDemo } from "../src/demo/run-demo.js";
import { silentLogger } from "../src/lib/logger.js";

describe("demo", () => {
  it("serves the bundled feeds and writes a digest that names the region in all five languages", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-demo-"));
    const report = await runDemo(silentLogger(), {
      store: join(dir, "store"),
      digests: join(dir, "digests"),
    });
    expect(report.feeds.every((f) => f.ok)).toBe(true);
    expect(Object.keys(report.languages).sort()).toEqual(["ar", "en", "fa", "fr", "ru"]);
    const digest = await readFile(report.digestPath, "utf8");
    for (const name of [
      "### Iraq:",
      "### Iran:",
      "### Syria:",
      "### Russia:",
      "### Islamic State (group):",
    ]) {
      expect(digest).toContain(name);
    }
    expect(digest).toMatch(/^Categories: Armed attacks \d+, Talks and diplomacy \d+\.$/m);
    expect(digest).not.toContain("\uFFFD");
    expect(report.digestPath).toMatch(/digests\/\d{4}-\d{2}-\d{2}\.md$/);
  });
});
