import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { runInline } from "../src/pipeline/inline.js";
import { insertArticles } from "../src/store/articles.js";
import { runCli } from "./helpers/cli.js";
import { testConfig, WATCHLIST_YAML } from "./helpers/config.js";
import { freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { SMTP_PASSWORD, startSmtp, type TestSmtp } from "./helpers/mail.js";
import { ATTACK_AR, ATTACK_EN, ELECTION, REPORT_DAY } from "./helpers/reports.js";
import { type Receiver, startReceiver } from "./helpers/webhook-receiver.js";

const SECRET = "cli-webhook-secret-abcdef";
const QUIET_DAY = "2026-11-21";

/** What a command printed and how it ended, whether it succeeded or not. */
async function wirewatch(args: string[], cwd: string, env: Record<string, string>) {
  try {
    const { stdout, stderr } = await runCli(args, cwd, env);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("wirewatch digest --send, as an operator runs it, on PostgreSQL", () => {
  let smtp: TestSmtp;
  let hook: Receiver;
  let t: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  const digests = () => smtp.mails.filter((m) => m.subject?.startsWith("wirewatch digest"));

  beforeAll(async () => {
    smtp = await startSmtp();
    hook = await startReceiver(SECRET);
    t = await freshPostgres();
    dir = await mkdtemp(join(tmpdir(), "wirewatch-send-"));
    // The day's stories, made by the pipeline itself before the channels were configured.
    const ctx = await createContext(
      testConfig(`feeds: [{ id: f, url: "https://x.example/rss" }]\n${WATCHLIST_YAML}`),
      { log: silentLogger(), db: t.db },
    );
    const articles = [ATTACK_EN, ATTACK_AR, ...ELECTION];
    await insertArticles(t.db, articles);
    await runInline(ctx, [{ stage: "extract", ids: articles.map((a) => a.id) }], 1);
    await writeFile(
      join(dir, "wirewatch.yaml"),
      `feeds: [{ id: f, url: "https://x.example/rss" }]
${WATCHLIST_YAML}
digest: { outDir: ./digests, formats: [md] }
delivery:
  allowLoopback: true
  channels:
    - id: desk
      type: email
      smtp: \${SMTP_URL}
      from: wirewatch@example.org
      to: [analyst@example.org]
    - id: ops
      type: webhook
      url: ${hook.url}
      secret: \${WEBHOOK_SECRET}
`,
    );
    env = { DATABASE_URL: t.url ?? "", SMTP_URL: smtp.url, WEBHOOK_SECRET: SECRET };
  });
  afterAll(async () => {
    await t.drop();
    await Promise.all([smtp.close(), hook.close()]);
  });

  it("two senders at once send each channel the digest once", async () => {
    const args = ["digest", "--date", REPORT_DAY, "--send", "--config", "wirewatch.yaml"];
    const [a, b] = await Promise.all([wirewatch(args, dir, env), wirewatch(args, dir, env)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(digests().map((m) => m.subject)).toEqual([
      `wirewatch digest ${REPORT_DAY}: 2 stories (1 watched)`,
    ]);
    expect(hook.received.map((r) => [r.event, r.signed])).toEqual([["digest", true]]);
    const said = a.stdout + b.stdout;
    expect(said.match(/sent to desk/g)).toHaveLength(1);
    expect(said.match(/sent to ops/g)).toHaveLength(1);
  });

  it("a third --send sends nothing; --resend sends again under a new delivery id", async () => {
    const args = ["digest", "--date", REPORT_DAY, "--config", "wirewatch.yaml"];
    const again = await wirewatch([...args, "--send"], dir, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already sent to 2 of 2 channels (--resend sends it again)");
    expect(digests()).toHaveLength(1);
    const forced = await wirewatch([...args, "--resend"], dir, env);
    expect(forced.code).toBe(0);
    expect(digests()).toHaveLength(2);
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]?.delivery).not.toBe(hook.received[0]?.delivery);
  });

  it("a failing channel exits non-zero, shows in status with its reason and no secret, and goes once it is back", async () => {
    hook.status = 500;
    const args = ["digest", "--date", QUIET_DAY, "--send", "--config", "wirewatch.yaml"];
    const failed = await wirewatch(args, dir, env);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("sent to desk");
    expect(failed.stderr).toContain("failed: channel ops: the webhook answered HTTP 500");

    const status = await wirewatch(["status", "--config", "wirewatch.yaml"], dir, env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      new RegExp(
        `channel ops \\(webhook\\): 1 sent, 0 waiting, 1 failing; last sent \\S+; digest:${QUIET_DAY} failed 1× \\(channel ops: the webhook answered HTTP 500\\), next try `,
      ),
    );
    expect(status.stdout).toMatch(/channel desk \(email\): 2 sent, 0 waiting, 0 failing/);
    for (const out of [status.stdout, status.stderr, failed.stdout, failed.stderr]) {
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain(SMTP_PASSWORD);
    }

    hook.status = 200;
    const retried = await wirewatch(args, dir, env);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain("sent to ops");
    expect(retried.stdout).toContain("already sent to 1 of 2 channels");
    expect(digests().filter((m) => m.subject?.includes(QUIET_DAY))).toHaveLength(1);
    expect(hook.received.filter((r) => r.event === "digest")).toHaveLength(3);
  });
});
