import { describe, expect, it } from "vitest";
import { runCli, runCliClosedOutput } from "./helpers/cli.js";

describe("wirewatch eval", () => {
  it("langid --json gives accuracy overall and per gold language, with what each was taken for", async () => {
    const { stdout } = await runCli([
      "eval",
      "langid",
      "--data",
      "test/fixtures/eval/langid.jsonl",
      "--json",
    ]);
    const report = JSON.parse(stdout);
    expect(report).toEqual({
      n: 7,
      accuracy: 0.8571,
      byLang: {
        ar: { n: 1, accuracy: 1, confusedWith: {} },
        fa: { n: 1, accuracy: 1, confusedWith: {} },
        ru: { n: 1, accuracy: 1, confusedWith: {} },
        bg: { n: 1, accuracy: 1, confusedWith: {} },
        en: { n: 1, accuracy: 1, confusedWith: {} },
        fr: { n: 2, accuracy: 0.5, confusedWith: { und: 1 } },
      },
    });
  });

  it("extract --json scores spans by overlap and type, overall, per type and per language", async () => {
    const { stdout } = await runCli([
      "eval",
      "extract",
      "--data",
      "test/fixtures/eval/ner.jsonl",
      "--json",
    ]);
    const report = JSON.parse(stdout);
    expect(report.n).toBe(3);
    // Irak, Syrie, Bagdad, Moscou, Iran found (5 of 5 LOC); Bagdad in the Arabic line has no gold span.
    expect(report.byType.LOC).toEqual({ precision: 0.8333, recall: 1, f1: 0.9091 });
    expect(report.byType.ORG).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(report.byLang.fr).toMatchObject({
      n: 1,
      byType: { LOC: { precision: 1, recall: 1, f1: 1 } },
    });
    expect(report.byLang.ar.micro).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(report.micro).toEqual({ precision: 0.8333, recall: 0.8333, f1: 0.8333 });
  });

  it("stories --json: b joins a's story or not, per language pair, with the settings as shipped", async () => {
    const { stdout } = await runCli([
      "eval",
      "stories",
      "--data",
      "test/fixtures/eval/stories.jsonl",
      "--json",
    ]);
    const report = JSON.parse(stdout);
    expect(report).toEqual({
      n: 5,
      precision: 1,
      recall: 1,
      f1: 1,
      byPair: {
        "en-ar": { n: 1, precision: 1, recall: 1, f1: 1 },
        "en-fa": { n: 2, precision: 1, recall: 1, f1: 1 },
        "en-fr": { n: 1, precision: 1, recall: 1, f1: 1 },
        // One pair, two events: kept apart, so nothing is predicted same.
        "en-ru": { n: 1, precision: 0, recall: 0, f1: 0 },
      },
    });
  });

  it("names the line of a story pair that does not fit the format", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const dir = await mkdtemp("/tmp/wirewatch-eval-");
    await writeFile(
      `${dir}/bad.jsonl`,
      '{"a":{"lang":"en"},"b":{"lang":"fr"},"same":true}\n{"a":{"lang":"en"}}\n',
    );
    const failure = await runCli(["eval", "stories", "--data", `${dir}/bad.jsonl`]).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(
      'line 2: expected {"a": {"lang", "title", "text"}, "b": …, "same": true|false}',
    );
  });

  it("stops quietly when its reader stops (| head): SIGPIPE's status, no stack trace", async () => {
    const { code, stderr } = await runCliClosedOutput([
      "eval",
      "langid",
      "--data",
      "test/fixtures/eval/langid.jsonl",
    ]);
    expect(code).toBe(141);
    expect(stderr).toBe("");
  });

  it("names the file and line of a line that is not JSON", async () => {
    const failure = await runCli(["eval", "langid", "--data", "package.json"]).catch(
      (e: { stderr: string }) => e,
    );
    expect((failure as { stderr: string }).stderr).toContain("package.json:1: not JSON");
  });
});
