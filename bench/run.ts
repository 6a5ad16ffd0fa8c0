/**
 * npm run bench: prints a table; with --json, one JSON object with a member per measured part.
 * Members: inline, ingest, langid, extract, translate, stories, serve, distributed. `--only inline,ingest`
 * runs some.
 */
import os from "node:os";
import { benchDistributed } from "./distributed.js";
import { benchIngest } from "./ingest.js";
import { benchInline } from "./inline.js";
import { benchExtract, benchLangid } from "./quality-speed.js";
import { benchServe } from "./serve.js";
import { benchStories } from "./stories.js";
import { benchTranslate } from "./translate.js";

const json = process.argv.includes("--json");
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? new Set((process.argv[onlyArg + 1] ?? "").split(",")) : undefined;
const wanted = (name: string) => !only || only.has(name);

type Row = Record<string, number | string>;

async function main() {
  const result: Record<string, unknown> = {};
  const rows: Record<string, Row> = {};
  if (wanted("inline")) {
    // First, so that its peak RSS is the pipeline's alone.
    const inline = await benchInline();
    result.inline = { articlesPerSecond: inline.articlesPerSecond, peakRssMB: inline.peakRssMB };
    rows["inline, PGlite (5,000 items)"] = {
      "articles/s": inline.articlesPerSecond,
      "peak RSS MB": inline.peakRssMB,
    };
  }
  if (wanted("ingest")) {
    const i = await benchIngest();
    result.ingest = i;
    rows["parse (decode + rss-parser)"] = {
      "items/s": i.parseItemsPerSecond,
      "MB/s": i.parseMBPerSecond,
    };
    rows["near-duplicate signatures"] = { "articles/s": i.dedupArticlesPerSecond };
  }
  if (wanted("langid")) {
    const l = await benchLangid();
    result.langid = l;
    rows["language identification, 80 chars"] = { "texts/s": l.perSecond80 };
    rows["language identification, 1,000 chars"] = { "texts/s": l.perSecond1000 };
  }
  if (wanted("extract")) {
    const e = await benchExtract();
    result.extract = e;
    rows["entity extraction: places, organisations, people (600 chars)"] = {
      "articles/s": e.articlesPerSecond,
      "MB/s": e.MBPerSecond,
    };
    rows["gazetteer load"] = {
      ms: e.gazetteerLoadMs,
      entities: e.gazetteerEntities,
      heapMB: e.gazetteerHeapMB,
    };
  }
  if (wanted("translate")) {
    const t = await benchTranslate();
    result.translate = {
      rpmOfLimit: t.rpmOfLimit,
      rpmOfLimitWith500s: t.rpmOfLimitWith500s,
      distributedRpmOfLimit: t.distributedRpmOfLimit,
      requestsPer1000Headlines: t.requestsPer1000Headlines,
      tokensPer1000Headlines: t.tokensPer1000Headlines,
      cacheHitRate: t.cacheHitRate,
    };
    rows["translation: busiest minute / limit (120 rpm, 300 ms)"] = { ratio: t.rpmOfLimit };
    rows["translation: the same, 20 % of answers 500"] = { ratio: t.rpmOfLimitWith500s };
    rows["translation: the same, 2 worker processes"] = { ratio: t.distributedRpmOfLimit };
    rows["translation: per 1,000 headlines, batched"] = {
      requests: t.requestsPer1000Headlines,
      tokens: t.tokensPer1000Headlines,
    };
    rows["translation: per 1,000 headlines, one by one"] = {
      requests: t.oneByOneRequestsPer1000Headlines,
      tokens: t.oneByOneTokensPer1000Headlines,
    };
    rows["translation: cache hits, 30 % syndicated"] = { ratio: t.cacheHitRate };
  }
  if (wanted("stories")) {
    const s = await benchStories();
    result.stories = s;
    rows["stories: 100,000 articles over 7 days, in memory"] = {
      "articles/s": s.articlesPerSecond,
      "peak RSS MB": s.peakRssMB,
      "heap MB day 4": s.heapMBDay4,
      "heap MB day 7": s.heapMBDay7,
    };
    rows["stories stage on PGlite (10,000, 500 a batch)"] = {
      "articles/s": s.stageArticlesPerSecond,
    };
    rows["digest of a day of 10,000 articles (md, html, json)"] = { ms: s.digestMs10k };
  }
  if (wanted("serve")) {
    const s = await benchServe();
    result.serve = { articles: s.articles, searchP95Ms: s.searchP95Ms };
    rows["search API, 200 mixed searches, PostgreSQL"] = {
      articles: s.articles,
      "p95 ms": s.searchP95Ms,
      "median ms": s.searchMedianMs,
      "load s": s.loadSeconds,
    };
  }
  if (wanted("distributed")) {
    const d = await benchDistributed();
    result.distributed = {
      workers1: d.workers1,
      workers2: d.workers2,
      redisMBPer10kJobs: d.redisMBPer10kJobs,
    };
    rows["inline, PostgreSQL (5,000 items)"] = { "articles/s": d.inlinePostgres };
    rows["BullMQ, 1 worker process"] = { "articles/s": d.workers1 };
    rows["BullMQ, 2 worker processes"] = { "articles/s": d.workers2 };
    rows["Redis per 10,000 queued jobs"] = { MB: d.redisMBPer10kJobs };
  }
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  const cpu = os.cpus()[0]?.model ?? "cpu";
  console.log(
    `machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
