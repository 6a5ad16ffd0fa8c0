import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join } from "node:path";

export interface ServedFeeds {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".xml": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".json": "application/feed+json",
  ".html": "text/html",
};

/** Serves files byte for byte on a loopback port, with an ETag so repeat polls get 304. */
export async function serveFiles(files: ReadonlyMap<string, Buffer>): Promise<ServedFeeds> {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname.slice(1));
    const body = files.get(name);
    if (!body) {
      response.writeHead(404).end("not found");
      return;
    }
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    // No charset in the header: the documents declare their own, as many real feeds do.
    response.writeHead(200, {
      "content-type": TYPES[extname(name)] ?? "application/octet-stream",
      etag,
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

export async function serveDirectory(dir: string): Promise<ServedFeeds> {
  const names = await readdir(dir);
  const files = new Map<string, Buffer>();
  for (const name of names) files.set(name, await readFile(join(dir, name)));
  return serveFiles(files);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
