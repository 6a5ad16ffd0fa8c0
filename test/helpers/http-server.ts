import { createServer, type RequestListener, type Server } from "node:http";

export interface TestServer {
  url: string;
  requests: { url: string; headers: Record<string, string | string[] | undefined> }[];
  /** The node server, for tests that watch its connections. */
  server: Server;
  close(): Promise<void>;
}

/** A loopback HTTP server with whatever behaviour the test gives it. */
export async function serve(handler: RequestListener): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  const server: Server = createServer((request, response) => {
    requests.push({ url: request.url ?? "", headers: request.headers });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
