import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { type AddressPolicy, guardedLookup, type Resolver, refusal } from "../lib/address-guard.js";
import { FetchError } from "./fetch-errors.js";

export interface HttpGetOptions extends AddressPolicy {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Replaces DNS; tests use it to answer with any address without a resolver. */
  resolve?: Resolver;
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export type HttpResult =
  | { kind: "not-modified"; status: 304; url: string }
  | {
      kind: "ok";
      status: number;
      url: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    };

/** GET with conditional headers, redirects followed by hand (each hop guarded), limits on time and size. */
export async function httpGet(
  url: string,
  options: HttpGetOptions,
  conditional: Conditional = {},
): Promise<HttpResult> {
  const deadline = Date.now() + options.timeoutMs;
  const seen = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    if (seen.has(current))
      throw new FetchError("too-many-redirects", `redirect loop at ${current}`);
    seen.add(current);
    const response = await requestOnce(current, options, conditional, deadline);
    if (response.kind !== "redirect") return response;
    if (hop >= options.maxRedirects) {
      throw new FetchError(
        "too-many-redirects",
        `more than ${options.maxRedirects} redirects from ${url}`,
      );
    }
    current = response.location;
  }
}

type Hop = HttpResult | { kind: "redirect"; location: string };

function targetOf(text: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError("bad-url", `not a URL: ${text}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(
      "bad-url",
      `only http and https are fetched, not ${url.protocol} (${text})`,
    );
  }
  // A literal address never goes through DNS, so the guard must look at it here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const refused = isIP(host) ? refusal(host, policy) : undefined;
  if (refused) throw new FetchError("blocked-address", `${text}: ${refused}`);
  return url;
}

function requestOnce(
  text: string,
  options: HttpGetOptions,
  conditional: Conditional,
  deadline: number,
): Promise<Hop> {
  const url = targetOf(text, options);
  const client = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = {
    "user-agent": options.userAgent,
    accept:
      "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
    "accept-encoding": "gzip, deflate, br",
  };
  if (conditional.etag) headers["if-none-match"] = conditional.etag;
  if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
  return new Promise<Hop>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FetchError("timeout", `timed out fetching ${text}`));
    const timer = setTimeout(() => {
      request.destroy(
        new FetchError("timeout", `no complete answer within ${options.timeoutMs} ms from ${text}`),
      );
    }, remaining);
    const request = client.get(
      url,
      { headers, lookup: guardedLookup(options, options.resolve) },
      (response) => {
        handleResponse(text, response, options)
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      },
    );
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(asFetchError(error, text));
    });
  });
}

async function handleResponse(
  text: string,
  response: http.IncomingMessage,
  options: HttpGetOptions,
): Promise<Hop> {
  const status = response.statusCode ?? 0;
  const header = (name: string) => {
    const value = response.headers[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
  if (status >= 300 && status < 400 && status !== 304) {
    response.resume();
    const location = header("location");
    if (!location)
      throw new FetchError("http-client", `HTTP ${status} without a Location from ${text}`, status);
    return { kind: "redirect", location: new URL(location, text).toString() };
  }
  if (status === 304) {
    response.resume();
    return { kind: "not-modified", status: 304, url: text };
  }
  if (status === 429) {
    response.resume();
    const retryAfterMs = parseRetryAfter(header("retry-after"));
    throw new FetchError("rate-limited", `HTTP 429 Too Many Requests from ${text}`, status, {
      retryAfterMs,
    });
  }
  if (status >= 400) {
    response.resume();
    const reason = status >= 500 ? "http-server" : "http-client";
    throw new FetchError(
      reason,
      `HTTP ${status} ${response.statusMessage ?? ""} from ${text}`.trim(),
      status,
    );
  }
  const body = await readLimited(
    decompress(response, header("content-encoding")),
    options.maxBytes,
    text,
  ).catch((error: unknown) => {
    // A decompressor destroyed does not end the download it reads: the socket would stay open.
    response.destroy();
    throw error;
  });
  return {
    kind: "ok",
    status,
    url: text,
    body,
    contentType: header("content-type"),
    etag: header("etag"),
    lastModified: header("last-modified"),
  };
}

function decompress(response: http.IncomingMessage, encoding: string | null): Readable {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(zlib.createGunzip());
    case "deflate":
      return response.pipe(zlib.createInflate());
    case "br":
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

/** Reads at most maxBytes of the decoded body; aborts the download as soon as it is over. */
async function readLimited(stream: Readable, maxBytes: number, text: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        stream.destroy();
        throw new FetchError("too-large", `${text} is larger than the limit of ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw asFetchError(error, text);
  }
  return Buffer.concat(chunks);
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function asFetchError(error: unknown, text: string): FetchError {
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "EBLOCKED")
    return new FetchError("blocked-address", message, null, { cause: error });
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new FetchError("dns", `cannot resolve the host of ${text}: ${code}`, null, {
      cause: error,
    });
  }
  if (code.startsWith("Z_") || code === "ERR_BROTLI_DECOMPRESSION_FAILED") {
    return new FetchError("decode", `${text}: compressed body is corrupt (${message})`, null, {
      cause: error,
    });
  }
  return new FetchError("connect", `cannot fetch ${text}: ${code || message}`, null, {
    cause: error,
  });
}
