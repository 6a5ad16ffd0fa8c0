import type { Config, FeedConfig } from "../config/index.js";
import type { Resolver } from "../lib/address-guard.js";
import type { HttpGetOptions } from "./http-get.js";

/** The fetch settings for one source: the config's, with the feed's own byte limit if it has one. */
export function httpOptions(
  fetch: Config["fetch"],
  feed?: Pick<FeedConfig, "maxBytes">,
  resolve?: Resolver,
): HttpGetOptions {
  const { timeout, maxBytes, maxRedirects, userAgent, allowLoopback, allowPrivate } = fetch;
  return {
    timeoutMs: timeout,
    maxBytes: feed?.maxBytes ?? maxBytes,
    maxRedirects,
    userAgent,
    allowLoopback,
    allowPrivate,
    resolve,
  };
}
