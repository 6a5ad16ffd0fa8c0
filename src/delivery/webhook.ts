import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { Channel } from "../config/index.js";
import { type AddressPolicy, guardedLookup, type Resolver, refusal } from "../lib/address-guard.js";

type WebhookChannel = Extract<Channel, { type: "webhook" }>;

export interface WebhookRequest {
  event: "digest" | "alert";
  deliveryId: string;
  /** The raw body: what is signed is exactly what is sent. */
  body: string;
}

export interface WebhookOptions {
  policy: AddressPolicy;
  /** Replaces DNS; tests answer with any address this way. */
  resolve?: Resolver;
}

/** `sha256=` and the hex HMAC-SHA256 of the raw body under the channel's secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

// A receiver's answer is read only to free the socket; a webhook that talks at length is cut.
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one body to a webhook, signed; resolves when it answers 2xx. Its address passes the
 * feeds' guard before any socket is opened; redirects are not followed (a webhook that moved
 * is a config to fix, not a hop to take with a signed body).
 */
export async function postWebhook(
  channel: WebhookChannel,
  request: WebhookRequest,
  options: WebhookOptions,
): Promise<void> {
  const url = new URL(channel.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const refused = isIP(host) ? refusal(host, options.policy) : undefined;
  if (refused) throw new Error(refused);
  const client = url.protocol === "https:" ? https : http;
  const status = await new Promise<number>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(options.policy, options.resolve),
        signal: AbortSignal.timeout(channel.timeout),
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(request.body),
          "User-Agent": "wirewatch",
          "X-Wirewatch-Event": request.event,
          "X-Wirewatch-Delivery": request.deliveryId,
          "X-Wirewatch-Signature": signature(channel.secret, request.body),
        },
      },
      (res) => {
        let seen = 0;
        res.on("data", (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > MAX_RESPONSE_BYTES) res.destroy();
        });
        res.on("close", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.name === "AbortError" || error.name === "TimeoutError"
          ? new Error(`no answer within ${channel.timeout} ms`)
          : error,
      );
    });
    req.end(request.body);
  });
  if (status < 200 || status > 299) throw new Error(`the webhook answered HTTP ${status}`);
}
