import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolver } from "../src/lib/address-guard.js";
import { silentLogger } from "../src/lib/logger.js";
import { type Context, type ContextOptions, createContext } from "../src/pipeline/context.js";
import { runInline } from "../src/pipeline/inline.js";
import { pollForever } from "../src/pipeline/poll-loop.js";
import { insertArticles, type NewArticle } from "../src/store/articles.js";
import { testConfig, WATCHLIST_YAML } from "./helpers/config.js";
import { freshPglite, type TestDatabase } from "./helpers/databases.js";
import { serve } from "./helpers/http-server.js";
import { closedPort, startSilent, startSmtp, type TestSmtp } from "./helpers/mail.js";
import {
  ATTACK_AR,
  ATTACK_EN,
  ATTACK_FR,
  at,
  REPORT_DAY as DAY,
  ELECTION,
} from "./helpers/reports.js";
import { type Receiver, startReceiver } from "./helpers/webhook-receiver.js";

const SECRET = "webhook-secret-0123456789";
function channelLines(smtp: TestSmtp, hooks: { ops: Receiver; arabic: Receiver }): string {
  return `    - { id: desk, type: email, smtp: "${smtp.url}", from: "wirewatch <wirewatch@example.org>", to: [analyst@example.org], alerts: true }
    - { id: isis-desk, type: email, smtp: "${smtp.url}", from: wirewatch@example.org, to: [isis@example.org], filter: { watchlist: [isis] } }
    - { id: arabic-desk, type: webhook, url: "${hooks.arabic.url}", secret: "${SECRET}", filter: { languages: [ar] } }
    - { id: ops, type: webhook, url: "${hooks.ops.url}", secret: "${SECRET}", alerts: true }
    - { id: vote-desk, type: email, smtp: "${smtp.url}", from: wirewatch@example.org, to: [votes@example.org], filter: { categories: [elections] } }`;
}

const ELECTIONS_CATEGORY = `
categories:
  - { id: elections, any: { keywords: { en: [election*, vote*], fr: [élect*] } } }
`;

async function pass(ctx: Context, articles: readonly NewArticle[]) {
  await insertArticles(ctx.db, articles);
  return runInline(ctx, [{ stage: "extract", ids: articles.map((a) => a.id) }], 1);
}

const mailsTo = (smtp: TestSmtp, address: string) =>
  smtp.mails.filter((m) => JSON.stringify(m.to).includes(address));

/** Logs kept as lines, to show what an operator would read (and that no secret is in it). */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines };
}

/**
 * A store of its own and a context whose config lists these channels (YAML list lines), with
 * loopback webhooks allowed unless `strict`.
 */
async function withChannels(
  channels: string,
  options: Partial<Pick<ContextOptions, "log" | "now" | "resolve">> & {
    feedUrl?: string;
    extra?: string;
    strict?: boolean;
  } = {},
): Promise<{ t: TestDatabase; ctx: Context }> {
  const t = await freshPglite();
  const out = await mkdtemp(join(tmpdir(), "wirewatch-delivery-"));
  const config =
    testConfig(`feeds: [{ id: f, url: "${options.feedUrl ?? "https://x.example/rss"}" }]
digest: { outDir: "${out}", formats: [md], time: "07:00" }
${options.extra ?? ""}
delivery:
  allowLoopback: ${options.strict !== true}
  channels:
${channels}
`);
  const ctx = await createContext(config, {
    log: options.log ?? silentLogger(),
    db: t.db,
    now: options.now,
    resolve: options.resolve,
  });
  return { t, ctx };
}

describe("digests and alerts reach the channels", () => {
  let smtp: TestSmtp;
  let ops: Receiver;
  let arabic: Receiver;
  let t: TestDatabase;
  let ctx: Context;

  beforeAll(async () => {
    smtp = await startSmtp();
    ops = await startReceiver(SECRET);
    arabic = await startReceiver(SECRET);
    ({ t, ctx } = await withChannels(channelLines(smtp, { ops, arabic }), {
      extra: `${WATCHLIST_YAML}${ELECTIONS_CATEGORY}`,
    }));
  });
  afterAll(async () => {
    await ctx.close();
    await Promise.all([smtp.close(), ops.close(), arabic.close()]);
  });

  it("alerts once per watched item and story, in the pass that places the articles", async () => {
    const stats = await pass(ctx, [ATTACK_EN, ATTACK_AR, ...ELECTION]);
    expect(stats.failed).toEqual([]);
    const alerts = mailsTo(smtp, "analyst@example.org");
    expect(alerts.map((m) => m.subject)).toEqual([
      "wirewatch alert: Islamic State: Car bomb kills 12 soldiers near Mosul",
    ]);
    expect(alerts[0]?.text).toContain("Islamic State (group) is named in a story.");
    expect(alerts[0]?.text).toContain("https://x.example/attack-en");
    expect(alerts[0]?.text).toContain("https://x.example/attack-ar");
    // No alerts to a channel without `alerts: true`.
    expect(mailsTo(smtp, "isis@example.org")).toEqual([]);
    expect(ops.received).toHaveLength(1);
    expect(ops.received[0]).toMatchObject({
      event: "alert",
      signed: true,
      contentType: "application/json",
      body: { event: "alert", entity: { id: "watch:isis", name: "Islamic State" } },
    });
    expect(arabic.received).toEqual([]);
  });

  it("sends nothing new when the pass runs again, or a later article joins the same story", async () => {
    const again = await runInline(
      ctx,
      [{ stage: "extract", ids: [ATTACK_EN.id, ATTACK_AR.id] }],
      1,
    );
    expect(again.failed).toEqual([]);
    await pass(ctx, [ATTACK_FR]);
    const story = await t.db.query<{ n: number }>(
      `select count(distinct story_id)::int as n from story_articles
       where article_id in ('attack-en', 'attack-ar', 'attack-fr')`,
    );
    expect(story[0]?.n).toBe(1);
    expect(mailsTo(smtp, "analyst@example.org")).toHaveLength(1);
    expect(ops.received).toHaveLength(1);
  });

  it("mails the day's digest as plain text and HTML, each channel only the stories its filter lets through", async () => {
    const stats = await runInline(ctx, [{ stage: "digest", ids: [DAY] }], 1);
    expect(stats.failed).toEqual([]);
    const [digest] = mailsTo(smtp, "analyst@example.org").filter((m) =>
      m.subject?.startsWith("wirewatch digest"),
    );
    expect(digest?.subject).toBe(`wirewatch digest ${DAY}: 2 stories (1 watched)`);
    const contentType = digest?.headers.get("content-type") as { value: string } | undefined;
    expect(contentType?.value).toBe("multipart/alternative");
    expect(digest?.text).toContain("Car bomb kills 12 soldiers near Mosul");
    expect(digest?.text).toContain("Iraqis vote in parliamentary election");
    expect(digest?.html).toContain("<html");
    expect(digest?.html).toContain("Car bomb kills 12 soldiers near Mosul");

    const watched = mailsTo(smtp, "isis@example.org");
    expect(watched.map((m) => m.subject)).toEqual([`wirewatch digest ${DAY}: 1 story (1 watched)`]);
    expect(watched[0]?.text).not.toContain("Iraqis vote");
    const votes = mailsTo(smtp, "votes@example.org");
    expect(votes.map((m) => m.subject)).toEqual([`wirewatch digest ${DAY}: 1 story (0 watched)`]);
    expect(votes[0]?.text).toContain("Iraqis vote in parliamentary election");

    const arabicDigest = arabic.received.filter((r) => r.event === "digest");
    expect(arabicDigest).toHaveLength(1);
    const arabicBody = arabicDigest[0]?.body as { stories: { title: string }[] } | undefined;
    const arabicTitles = arabicBody?.stories.map((s) => s.title);
    expect(arabicTitles).toEqual(["Car bomb kills 12 soldiers near Mosul"]);
  });

  it("posts the digest's JSON, signed, valid against the committed schema", async () => {
    const [digest] = ops.received.filter((r) => r.event === "digest");
    expect(digest?.signed).toBe(true);
    expect(digest?.delivery).toMatch(/^[0-9a-f-]{36}$/);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile("schemas/digest.schema.json", "utf8")));
    expect(validate(digest?.body), JSON.stringify(validate.errors)).toBe(true);
    expect((digest?.body as { day: string } | undefined)?.day).toBe(DAY);
  });

  it("never sends one digest twice to a channel", async () => {
    const before = smtp.mails.length + ops.received.length + arabic.received.length;
    const stats = await runInline(ctx, [{ stage: "digest", ids: [DAY] }], 1);
    expect(stats.failed).toEqual([]);
    expect(smtp.mails.length + ops.received.length + arabic.received.length).toBe(before);
  });
});

describe("a channel that fails", () => {
  it("is named with the reason, does not hold the others, and is retried until it takes the message", async () => {
    const smtp = await startSmtp();
    const ops = await startReceiver(SECRET);
    const { log, lines } = capturingLogger();
    let now = at(12);
    const { t, ctx } = await withChannels(
      `    - { id: desk, type: email, smtp: "${smtp.url}", from: wirewatch@example.org, to: [analyst@example.org] }
    - { id: ops, type: webhook, url: "${ops.url}", secret: "${SECRET}" }`,
      { log, now: () => now },
    );
    try {
      await pass(ctx, ELECTION);
      ops.status = 500;
      const first = await runInline(ctx, [{ stage: "digest", ids: [DAY] }], 1);
      expect(first.failed.map((f) => f.error)).toEqual([
        expect.stringContaining("channel ops: the webhook answered HTTP 500"),
      ]);
      expect(smtp.mails).toHaveLength(1);
      const [row] = await t.db.query<{ status: string; last_error: string; attempts: number }>(
        "select status, last_error, attempts from deliveries where channel_id = 'ops'",
      );
      expect(row).toMatchObject({
        status: "failed",
        attempts: 1,
        last_error: "channel ops: the webhook answered HTTP 500",
      });

      // Not due yet: the next pass leaves it; once its back-off has passed, it goes.
      ops.status = 200;
      await runInline(ctx, [{ stage: "deliver", ids: [] }], 1);
      expect(ops.received).toEqual([]);
      now = new Date(now.getTime() + 31_000);
      const retry = await runInline(ctx, [{ stage: "deliver", ids: [] }], 1);
      expect(retry.failed).toEqual([]);
      expect(ops.received.map((r) => r.event)).toEqual(["digest"]);
      expect(smtp.mails).toHaveLength(1);
      const logged = lines.join("");
      expect(logged).toContain('"msg":"delivery failed"');
      expect(logged).not.toContain(SECRET);
      expect(logged).not.toContain("s3cret-smtp-pass");
    } finally {
      await ctx.close();
      await Promise.all([smtp.close(), ops.close()]);
    }
  });

  it("refused, silent, TLS-less and erroring servers each fail on their own, bounded in time, secrets hidden", async () => {
    const good = await startReceiver(SECRET);
    const plainSmtp = await startSmtp();
    const silent = await startSilent();
    const erroring = await startReceiver(SECRET);
    erroring.status = 500;
    const refused = await closedPort();
    const mail = (id: string, url: string) =>
      `    - { id: ${id}, type: email, smtp: "${url}", from: w@example.org, to: [a@example.org], timeout: 500ms }`;
    const hook = (id: string, url: string) =>
      `    - { id: ${id}, type: webhook, url: "${url}", secret: "${SECRET}", timeout: 500ms }`;
    const { t, ctx } = await withChannels(
      [
        mail("mail-refused", `smtp://u:s3cret-smtp-pass@127.0.0.1:${refused}`),
        mail("mail-silent", `smtp://127.0.0.1:${silent.port}`),
        mail("mail-tls", plainSmtp.url.replace("smtp://", "smtps://")),
        hook("hook-refused", `http://127.0.0.1:${refused}/x`),
        hook("hook-silent", `http://127.0.0.1:${silent.port}/x`),
        hook("hook-tls", good.url.replace("http://", "https://")),
        hook("hook-500", erroring.url),
        hook("hook-good", good.url),
      ].join("\n"),
    );
    try {
      const started = performance.now();
      const stats = await runInline(ctx, [{ stage: "digest", ids: [DAY] }], 1);
      const seconds = (performance.now() - started) / 1000;
      expect(seconds).toBeLessThan(8);
      expect(good.received.map((r) => r.event)).toEqual(["digest"]);
      const rows = await t.db.query<{ channel_id: string; status: string; last_error: string }>(
        "select channel_id, status, last_error from deliveries order by channel_id",
      );
      const failed = Object.fromEntries(
        rows.filter((r) => r.status === "failed").map((r) => [r.channel_id, r.last_error]),
      );
      expect(Object.keys(failed).sort()).toEqual([
        "hook-500",
        "hook-refused",
        "hook-silent",
        "hook-tls",
        "mail-refused",
        "mail-silent",
        "mail-tls",
      ]);
      expect(failed["mail-refused"]).toMatch(/^channel mail-refused: .*ECONNREFUSED/);
      expect(failed["hook-refused"]).toMatch(/^channel hook-refused: .*ECONNREFUSED/);
      expect(failed["hook-silent"]).toBe("channel hook-silent: no answer within 500 ms");
      expect(failed["mail-silent"]).toMatch(
        /^channel mail-silent: (Greeting never received|.*timeout)/i,
      );
      expect(failed["hook-500"]).toBe("channel hook-500: the webhook answered HTTP 500");
      expect(failed["hook-tls"]).toMatch(/^channel hook-tls: .*(SSL|TLS|ssl|tls)/);
      expect(failed["mail-tls"]).toMatch(/^channel mail-tls: .*(SSL|TLS|ssl|tls)/);
      for (const error of Object.values(failed)) {
        expect(error).not.toContain("s3cret-smtp-pass");
        expect(error).not.toContain(SECRET);
      }
      expect(stats.failed).toHaveLength(1);
      expect(stats.failed[0]?.error).toMatch(/^7 deliveries failed \(retried later\)/);
    } finally {
      await ctx.close();
      await Promise.all([good.close(), plainSmtp.close(), silent.close(), erroring.close()]);
    }
  });

  it("a webhook whose name resolves to a private or link-local address is refused before any connection", async () => {
    const calls: string[] = [];
    const resolve: Resolver = (hostname, _options, callback) => {
      calls.push(hostname);
      callback(null, [{ address: "10.0.0.1", family: 4 }]);
    };
    const { t, ctx } = await withChannels(
      `    - { id: intranet, type: webhook, url: "http://hooks.example/x", secret: "${SECRET}" }
    - { id: metadata, type: webhook, url: "http://169.254.169.254/latest", secret: "${SECRET}" }`,
      { resolve, strict: true },
    );
    try {
      await runInline(ctx, [{ stage: "digest", ids: [DAY] }], 1);
      const rows = await t.db.query<{ channel_id: string; last_error: string }>(
        "select channel_id, last_error from deliveries order by channel_id",
      );
      expect(rows).toEqual([
        {
          channel_id: "intranet",
          last_error:
            "channel intranet: hooks.example: address 10.0.0.1 is private; refused (delivery.allowPrivate allows it)",
        },
        {
          channel_id: "metadata",
          last_error: "channel metadata: address 169.254.169.254 is link-local; refused",
        },
      ]);
      // The literal address never reached DNS; the name did, and went no further.
      expect(calls).toEqual(["hooks.example"]);
    } finally {
      await ctx.close();
    }
  });
});

describe("the inline poll loop", () => {
  it("sends yesterday's digest once the digest time has passed, and only once", async () => {
    const smtp = await startSmtp();
    const feed = await serve((_request, response) =>
      response
        .writeHead(200)
        .end('<rss version="2.0"><channel><title>Empty</title></channel></rss>'),
    );
    const { ctx } = await withChannels(
      `    - { id: desk, type: email, smtp: "${smtp.url}", from: w@example.org, to: [a@example.org] }`,
      { feedUrl: `${feed.url}/rss`, now: () => new Date("2026-11-21T07:30:00Z") },
    );
    const stop = new AbortController();
    try {
      await pass(ctx, ELECTION);
      const loop = pollForever(ctx, stop.signal);
      for (let i = 0; i < 100 && smtp.mails.length === 0; i++) await sleep(50);
      // A few more turns of the loop: the digest is built and sent once.
      await sleep(2500);
      stop.abort();
      await loop;
      expect(smtp.mails.map((m) => m.subject)).toEqual([
        `wirewatch digest ${DAY}: 1 story (0 watched)`,
      ]);
    } finally {
      stop.abort();
      await ctx.close();
      await Promise.all([smtp.close(), feed.close()]);
    }
  });
});
