import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";

export interface Received {
  event: string;
  delivery: string;
  /** Whether X-Wirewatch-Signature is the HMAC-SHA256 of the raw body under the secret. */
  signed: boolean;
  contentType: string;
  body: unknown;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status it answers with (200 unless the test says otherwise). */
  status: number;
  /** How many requests to answer 500 before answering `status`. */
  failFirst: number;
  /** Every request, answered or refused. */
  attempts: number;
  close(): Promise<void>;
}

/** A loopback webhook receiver that checks each request's signature as a real one would. */
export async function startReceiver(secret: string): Promise<Receiver> {
  const state: Receiver = {
    url: "",
    received: [],
    status: 200,
    failFirst: 0,
    attempts: 0,
    close: async () => undefined,
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const expected = Buffer.from(
        `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`,
      );
      const given = Buffer.from(String(request.headers["x-wirewatch-signature"] ?? ""));
      state.attempts++;
      const status = state.failFirst > 0 ? 500 : state.status;
      if (state.failFirst > 0) state.failFirst--;
      if (status === 200) {
        state.received.push({
          event: String(request.headers["x-wirewatch-event"]),
          delivery: String(request.headers["x-wirewatch-delivery"]),
          signed: given.length === expected.length && timingSafeEqual(given, expected),
          contentType: String(request.headers["content-type"]),
          body: JSON.parse(raw.toString("utf8")),
        });
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
