import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { serve, type TestServer } from "./helpers/http-server.js";

const cli = runCli;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Iraq and Syria hold border talks</title><link>https://en.example/1</link></item>
<item><title>Le Hezbollah et l'Iran</title><link>https://fr.example/2</link></item></channel></rss>`;

describe("the wirewatch command", () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await serve((request, response) => {
      if (request.url === "/feed.xml") return void response.writeHead(200).end(FEED);
      response
        .writeHead(200, { "content-type": "text/html" })
        .end("<html><body>no feed here</body></html>");
    });
    dir = await mkdtemp(join(tmpdir(), "wirewatch-cli-"));
    await writeFile(
      join(dir, "wirewatch.yaml"),
      `timezone: UTC
feeds:
  - { id: good, url: "${server.url}/feed.xml" }
  - { id: page, url: "${server.url}/page.html" }
fetch: { allowLoopback: true, hostGap: 0s }
store: { path: ./data }
`,
    );
  });
  afterAll(() => server.close());

  it("prints its version and help", async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
    expect((await cli(["--version"], dir)).stdout.trim()).toBe(pkg.version);
    const help = (await cli(["--help"], dir)).stdout;
    for (const command of ["run", "digest", "demo"]) expect(help).toContain(command);
  });

  it("run --once reports each feed, the sick one by id, and a second run stores nothing twice", async () => {
    const first = await cli(["run", "--once"], dir);
    expect(first.stdout).toContain("ok      good: 2 items");
    expect(first.stdout).toContain(
      "failed  page: parse: not a feed: no <rss>, <feed> or <rdf:RDF> element",
    );
    expect(first.stdout).toContain("2 feeds (1 failed), 2 articles processed");
    const second = await cli(["run", "--once"], dir);
    expect(second.stdout).toContain("2 feeds (1 failed), 0 articles processed");
    expect(second.stdout).toContain(
      "failed  page: parse: not a feed: no <rss>, <feed> or <rdf:RDF> element, and not JSON Feed (2 in a row)",
    );
  });

  it("digest writes the day's Markdown where it is told, told by stories", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { stdout } = await cli(["digest", "--date", today, "--out", "out.md"], dir);
    expect(stdout.trim()).toBe("out.md (2 stories, 2 articles)");
    const text = await readFile(join(dir, "out.md"), "utf8");
    expect(text).toMatch(/### S\d\. Iraq and Syria hold border talks\n/);
    expect(text).toContain(
      "Le Hezbollah et l'Iran _(French, untranslated: no translation provider is configured)_",
    );
    expect(text).toMatch(/\n- Iraq\n {2}- S\d Iraq and Syria hold border talks\n/);
  });

  it("digest writes each format the config lists, or the one asked for", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const html = await cli(["digest", "--date", today, "--format", "html"], dir);
    expect(html.stdout.trim()).toBe(`digests/${today}.html (2 stories, 2 articles)`);
    expect(await readFile(join(dir, `digests/${today}.html`), "utf8")).toMatch(/^<!DOCTYPE html>/);
    const json = await cli(["digest", "--date", today, "--format", "json"], dir);
    expect(json.stdout.trim()).toBe(`digests/${today}.json (2 stories, 2 articles)`);
    const doc = JSON.parse(await readFile(join(dir, `digests/${today}.json`), "utf8"));
    expect(doc).toMatchObject({ day: today, timeZone: "UTC", figures: { articles: 2 } });
    const bad = await cli(["digest", "--format", "pdf"], dir).catch((e: { stderr: string }) => e);
    expect((bad as { stderr: string }).stderr).toContain("the formats are: md, html, json");
  });

  it("refuses a bad date with a clear message, before it writes anything", async () => {
    const days = ["20-11-2026", "2026-02-30", "2026-04-31", "9999-12-31", "0000-01-01"];
    const failures = await Promise.all(
      days.map((day) =>
        cli(["digest", "--date", day], dir).catch((e: { code: number; stderr: string }) => e),
      ),
    );
    failures.forEach((failure, i) => {
      expect(failure, days[i]).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr).toContain(
        "expected a day of the calendar as YYYY-MM-DD, years 1 to 9998",
      );
    });
    const written = await readdir(join(dir, "digests")).catch(() => []);
    expect(written.filter((f) => /^(2026-0[234]|9999|0000|20-11)/.test(f))).toEqual([]);
  });
});
