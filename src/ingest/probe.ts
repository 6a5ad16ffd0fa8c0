import type { Config, FeedConfig } from "../config/index.js";
import type { Resolver } from "../lib/address-guard.js";
import { FetchError } from "./fetch-errors.js";
import type { HostPacer } from "./host-pacer.js";
import { httpGet } from "./http-get.js";
import { httpOptions } from "./http-options.js";
import { readFeed } from "./read-feed.js";

export type Probe =
  | {
      id: string;
      ok: true;
      status: number;
      format: string;
      items: number;
      encoding: string;
      repaired: boolean;
      ms: number;
    }
  | { id: string; ok: false; status: number | null; reason: string; message: string; ms: number };

/** Fetches and reads one feed as the pipeline would, stores nothing, and says how it went. */
export async function probeFeed(
  feed: FeedConfig,
  config: Config,
  pacer: HostPacer,
  resolve?: Resolver,
): Promise<Probe> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await pacer.run(feed.url, () =>
      httpGet(feed.url, httpOptions(config.fetch, feed, resolve)),
    );
    if (response.kind !== "ok")
      throw new FetchError("http-client", "answered 304 to a request without validators", 304);
    const read = await readFeed(response.body, response.contentType, response.url, feed);
    return {
      id: feed.id,
      ok: true,
      status: response.status,
      format: read.format,
      items: read.items.length,
      encoding: read.encoding,
      repaired: read.repaired,
      ms: ms(),
    };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    return {
      id: feed.id,
      ok: false,
      status: error.status,
      reason: error.reason,
      message: error.message,
      ms: ms(),
    };
  }
}

export function formatProbe(p: Probe): string {
  if (!p.ok) return `failed  ${p.id}  ${p.status ?? "-"}  ${p.reason}: ${p.message}  ${p.ms} ms`;
  const repaired = p.repaired ? " (repaired)" : "";
  return `ok      ${p.id}  ${p.status}  ${p.format}${repaired}  ${p.items} items  ${p.encoding}  ${p.ms} ms`;
}
