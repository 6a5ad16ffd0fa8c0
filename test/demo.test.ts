import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDemo } from "../src/demo/run-demo.js";
import type { DigestDocument } from "../src/digest/document.js";
import { silentLogger } from "../src/lib/logger.js";

const COMMITTEE = "Iraq, Iran, Russia and Syria to exchange security information";

describe("demo", () => {
  it("serves the bundled feeds and tells the committee meeting once, as one story in five languages", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-demo-"));
    const report = await runDemo(silentLogger(), {
      store: join(dir, "store"),
      digests: join(dir, "digests"),
    });
    expect(report.feeds.every((f) => f.ok)).toBe(true);
    expect(Object.keys(report.languages).sort()).toEqual(["ar", "en", "fa", "fr", "ru"]);
    expect(report.digestPaths.map((p) => p.replace(/.*\//, ""))).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.md$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.html$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.json$/),
    ]);
    const [mdPath, htmlPath, jsonPath] = report.digestPaths as [string, string, string];

    const doc = JSON.parse(await readFile(jsonPath, "utf8")) as DigestDocument;
    const committee = doc.stories.filter((s) => s.title === COMMITTEE);
    expect(committee).toHaveLength(1);
    expect(committee[0]?.languages).toEqual(["ar", "en", "fa", "fr", "ru"]);
    expect(committee[0]?.sources.map((s) => s.language).sort()).toEqual([
      "ar",
      "en",
      "fa",
      "fr",
      "ru",
    ]);
    expect(committee[0]?.watched).toBe(true);
    // Every article is told once, in one story.
    const told = doc.stories.flatMap((s) => s.sources.map((x) => x.articleId));
    expect(new Set(told).size).toBe(told.length);
    expect(told).toHaveLength(41);

    const md = await readFile(mdPath, "utf8");
    expect(md.match(new RegExp(`### S\\d+\\. ${COMMITTEE}\\n`, "g"))).toHaveLength(1);
    expect(md).toContain("ar, en, fa, fr, ru · 5 sources");
    expect(md).toMatch(/Categories: Armed attacks \d+, Talks and diplomacy \d+\./);
    expect(md).toMatch(/^- Iraq\n {2}- S\d+ /m);
    expect(md).not.toContain("\uFFFD");
    expect(md.split("\n").length).toBeLessThan(406);

    const html = await readFile(htmlPath, "utf8");
    expect(html).toContain(COMMITTEE);
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
  });
});
