import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, expandEnv, loadConfig, parseConfig } from "../src/config/index.js";
import { runCli } from "./helpers/cli.js";

const GOOD = `
timezone: Asia/Baghdad
feeds:
  - id: bbc-arabic
    url: https://feeds.bbci.co.uk/arabic/rss.xml
    language: ar
    every: 10m
watchlist:
  - { id: isis, type: group, name: Islamic State, aliases: { ar: [داعش] } }
`;

function problems(yaml: string, env = {}): string[] {
  try {
    parseConfig(yaml, "wirewatch.yaml", env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split("\n");
    throw error;
  }
  throw new Error("the config was accepted");
}

describe("config", () => {
  it("parses a good config and fills the defaults", () => {
    const config = parseConfig(GOOD, "wirewatch.yaml", {});
    expect(config.feeds[0]).toMatchObject({
      id: "bbc-arabic",
      language: "ar",
      every: 600_000,
      tags: [],
    });
    expect(config.languages).toEqual(["ar", "fa", "fr", "ru", "en"]);
    expect(config.store).toEqual({ path: "./data/pglite" });
    expect(config.translate).toEqual({ provider: "none" });
    expect(config.fetch.maxBytes).toBe(10 * 1024 * 1024);
    expect(config.watchlist[0]?.aliases.ar).toEqual(["داعش"]);
  });

  it("names the file, line and field of a typo and suggests the right name", () => {
    expect(problems(GOOD.replace("every:", "evry:"))).toEqual([
      'wirewatch.yaml:7: feeds[0].evry: unknown field (did you mean "every"?)',
    ]);
    expect(problems(`${GOOD}\nwatchlsit: []\n`)).toEqual([
      'wirewatch.yaml:11: watchlsit: unknown field (did you mean "watchlist"?)',
    ]);
  });

  it("names a missing field", () => {
    const yaml = "feeds:\n  - id: a\n    url: https://a.example/rss\n  - id: b\n";
    expect(problems(yaml)).toEqual(["wirewatch.yaml:4: feeds[1].url: is required"]);
  });

  it("names a bad URL and says what a good one is", () => {
    const yaml =
      "feeds:\n  - id: a\n    url: https://a.example/rss\n  - id: b\n    url: ftp://b.example/feed\n";
    expect(problems(yaml)).toEqual([
      "wirewatch.yaml:5: feeds[1].url: must be an absolute http:// or https:// URL",
    ]);
  });

  it("rejects bad time zones, bad durations and bad types", () => {
    const yaml = `
timezone: Mars/Olympus
feeds:
  - { id: a, url: "https://a.example/", every: soon }
  - { id: b, url: "https://b.example/" }
watchlist:
  - { id: x, type: party, name: X }
`;
    const lines = problems(yaml);
    expect(lines).toContain(
      "wirewatch.yaml:2: timezone: must be an IANA time zone such as UTC, Europe/Paris or Asia/Baghdad",
    );
    expect(lines).toContain(
      'wirewatch.yaml:4: feeds[0].every: must be a duration such as "90s", "15m" or "2h"',
    );
    expect(
      lines.some((l) => l.startsWith("wirewatch.yaml:7: watchlist[0].type: Invalid option")),
    ).toBe(true);
  });

  it("rejects duplicate ids", () => {
    const yaml =
      'feeds:\n  - { id: a, url: "https://a.example/" }\n  - { id: a, url: "https://b.example/" }\n';
    expect(problems(yaml)).toEqual(['wirewatch.yaml:3: feeds[1].id: duplicate id "a"']);
  });

  it("reports YAML that does not parse with its line", () => {
    expect(problems("feeds:\n  - id: a\n   url: [unclosed\n")[0]).toMatch(
      /^wirewatch\.yaml:\d+: not valid YAML: /,
    );
  });

  it("expands ${VAR} and ${VAR:-default} from the environment", () => {
    expect(expandEnv("a ${A} b ${B:-two} c ${C:-}", { A: "one" })).toBe("a one b two c ");
    expect(problems("feeds:\n  - { id: a, url: '${FEED_URL}' }\n")).toEqual([
      "wirewatch.yaml:2: environment variable FEED_URL is not set and has no default (write ${FEED_URL:-default})",
    ]);
    const config = parseConfig("feeds:\n  - { id: a, url: '${FEED_URL}' }\n", "w.yaml", {
      FEED_URL: "https://x.example/rss",
    });
    expect(config.feeds[0]?.url).toBe("https://x.example/rss");
  });

  it("takes DATABASE_URL and REDIS_URL from the environment unless the file names its own", () => {
    const env = {
      DATABASE_URL: "postgres://db.example/news",
      REDIS_URL: "redis://cache.example:6379",
    };
    const config = parseConfig(GOOD, "w.yaml", env);
    expect(config.store.url).toBe("postgres://db.example/news");
    expect(config.queue.redisUrl).toBe("redis://cache.example:6379");
    const own = parseConfig(
      `${GOOD}\nstore: { url: "postgres://own.example/db" }\n`,
      "w.yaml",
      env,
    );
    expect(own.store.url).toBe("postgres://own.example/db");
  });

  it("requires an API key when a translation provider is named", () => {
    const yaml = `${GOOD}\ntranslate: { provider: openai, model: gpt-4o-mini }\n`;
    expect(problems(yaml)).toEqual(["wirewatch.yaml:11: translate.apiKey: is required"]);
  });

  it("checks the stories block and the digest's formats", () => {
    const yaml = `${GOOD}
stories:
  window: 30m
  embedings: { baseURL: "http://127.0.0.1:11434/v1", model: bge-m3 }
digest: { formats: [md, pdf] }
`;
    expect(problems(yaml).sort()).toEqual([
      "wirewatch.yaml:12: stories.window: must be at least 1h",
      'wirewatch.yaml:13: stories.embedings: unknown field (did you mean "embeddings"?)',
      "wirewatch.yaml:14: digest.formats[1]: must be md, html or json",
    ]);
    const noKey = `${GOOD}
stories: { embeddings: { baseURL: "http://127.0.0.1:11434/v1", model: bge-m3 } }
`;
    expect(problems(noKey)).toEqual(["wirewatch.yaml:11: stories.embeddings.apiKey: is required"]);
  });

  it("checks delivery channels: typos, bad addresses and URLs, filters naming nothing, duplicate ids", () => {
    const yaml = `${GOOD}
delivery:
  channels:
    - id: desk
      type: email
      smpt: smtp://mail.example.org
      from: wirewatch@example.org
      to: [analyst]
    - id: desk
      type: webhook
      url: ftp://hooks.example.org/x
      secret: short
      filter: { watchlist: [isil], categories: [attacks] }
    - { id: pager, type: sms }
`;
    expect(problems(yaml).sort()).toEqual([
      "wirewatch.yaml:13: delivery.channels[0].smtp: is required",
      'wirewatch.yaml:15: delivery.channels[0].smpt: unknown field (did you mean "smtp"?)',
      "wirewatch.yaml:17: delivery.channels[0].to[0]: must be an e-mail address",
      "wirewatch.yaml:20: delivery.channels[1].url: must be an absolute http:// or https:// URL",
      "wirewatch.yaml:21: delivery.channels[1].secret: must be at least 16 characters (a random string)",
      "wirewatch.yaml:23: delivery.channels[2].type: type must be email or webhook",
    ]);
    // Once each channel is well formed, what they refer to is checked.
    const references = `${GOOD}
delivery:
  channels:
    - { id: desk, type: email, smtp: "smtp://mail.example.org", from: w@example.org, to: [a@example.org] }
    - id: desk
      type: webhook
      url: https://hooks.example.org/x
      secret: 0123456789abcdef
      filter: { watchlist: [isil], categories: [attacks] }
`;
    expect(problems(references).sort()).toEqual([
      'wirewatch.yaml:14: delivery.channels[1].id: duplicate id "desk"',
      'wirewatch.yaml:18: delivery.channels[1].filter.categories[0]: no category has the id "attacks"',
      'wirewatch.yaml:18: delivery.channels[1].filter.watchlist[0]: no watchlist item has the id "isil"',
    ]);
  });

  it("accepts the commented example config as shipped", async () => {
    const config = await loadConfig("wirewatch.example.yaml", {});
    expect(new Set(config.feeds.map((f) => f.language))).toEqual(
      new Set(["ar", "fa", "fr", "ru", "en"]),
    );
    expect(config.watchlist.map((w) => w.id)).toContain("isis");
    expect(config.delivery.channels).toEqual([]);
  });

  it("the example's commented delivery and serve blocks are a valid config once uncommented", async () => {
    let text = await readFile("wirewatch.example.yaml", "utf8");
    for (const block of ["# delivery:", "# serve:"]) {
      const at = text.indexOf(block);
      const end = text.indexOf("\n\n", at) === -1 ? text.length : text.indexOf("\n\n", at);
      const uncommented = text
        .slice(at, end)
        .split("\n")
        .map((line) => line.replace(/^# ?/, ""))
        .join("\n");
      text = `${text.slice(0, at)}${uncommented}${text.slice(end)}`;
    }
    const config = parseConfig(text, "wirewatch.example.yaml", {
      SMTP_URL: "smtp://wirewatch:pass@mail.example.org:587",
      WEBHOOK_SECRET: "0123456789abcdef0123",
      WIREWATCH_TOKEN: "0123456789abcdef0123",
    });
    expect(config.delivery.channels.map((c) => [c.id, c.type, c.alerts])).toEqual([
      ["desk", "email", true],
      ["ops", "webhook", true],
    ]);
    expect(config.serve).toMatchObject({ host: "127.0.0.1", port: 8080, metricsPublic: false });
  });

  it("says plainly when the file does not exist", async () => {
    await expect(loadConfig("/nonexistent/wirewatch.yaml", {})).rejects.toThrow(
      "/nonexistent/wirewatch.yaml: cannot read the config: no such file",
    );
  });

  it("the command prints one line per problem, no stack trace, and exits 2", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-config-"));
    const file = join(dir, "wirewatch.yaml");
    await writeFile(file, GOOD.replace("url: https", "ur: https"));
    const run = runCli(["run", "--once", "--config", file]);
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split("\n")).toEqual([
      `${file}:4: feeds[0].url: is required`,
      `${file}:5: feeds[0].ur: unknown field (did you mean "url"?)`,
    ]);
  });
});
