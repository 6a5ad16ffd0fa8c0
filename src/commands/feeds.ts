import { type Config, defaultFetchOptions } from "../config/index.js";
import { FetchError } from "../ingest/fetch-errors.js";
import { HostPacer } from "../ingest/host-pacer.js";
import { httpGet } from "../ingest/http-get.js";
import { httpOptions } from "../ingest/http-options.js";
import { identifyLanguage } from "../ingest/language.js";
import { shortLanguage } from "../ingest/new-articles.js";
import { formatProbe, probeFeed } from "../ingest/probe.js";
import { readFeed } from "../ingest/read-feed.js";
import { readCapped } from "../lib/read-capped.js";

/** `wirewatch feeds check`: the config is valid (or loading it failed first); one line per feed. */
export async function feedsCheck(config: Config): Promise<number> {
  const pacer = new HostPacer(config.fetch.hostGap);
  const probes = await Promise.all(config.feeds.map((feed) => probeFeed(feed, config, pacer)));
  for (const probe of probes) console.log(formatProbe(probe));
  const failed = probes.filter((p) => !p.ok).length;
  console.log(`config ok; ${config.feeds.length} feeds, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/**
 * `wirewatch feeds parse`: one feed document, from a file or a URL, decoded and parsed exactly
 * as the pipeline does, each item with the language it would be given.
 */
export async function feedsParse(
  target: string,
  fetch: Config["fetch"] | undefined,
  json: boolean,
): Promise<number> {
  const isUrl = /^https?:\/\//i.test(target);
  let bytes: Buffer;
  let contentType: string | null = null;
  if (isUrl) {
    const response = await httpGet(target, httpOptions(fetch ?? defaultFetchOptions()));
    if (response.kind !== "ok")
      throw new FetchError("http-client", "answered 304 to a request without validators", 304);
    bytes = response.body;
    contentType = response.contentType;
  } else {
    bytes = await readCapped(target, (fetch ?? defaultFetchOptions()).maxBytes);
  }
  const read = await readFeed(bytes, contentType, isUrl ? target : undefined);
  const declared = shortLanguage(read.language);
  const items = read.items.map((item) => ({
    title: item.title,
    link: item.link,
    published: item.published?.toISOString() ?? null,
    language: identifyLanguage(`${item.title}\n${item.summary}`, declared).language,
  }));
  const result = {
    format: read.format,
    encoding: read.encoding,
    encodingSource: read.encodingSource,
    repaired: read.repaired,
    language: read.language,
    items,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(
      `${target}: ${read.format}${read.repaired ? " (repaired)" : ""}, ${read.encoding} (${read.encodingSource}), ${items.length} items`,
    );
    for (const item of items) console.log(`  [${item.language}] ${item.title}  ${item.link ?? ""}`);
  }
  return 0;
}
