import { createServer, type Server, type Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  port: number;
  mails: ParsedMail[];
  /** Every message after this is refused with this SMTP reply until it is set back to null. */
  refuse: { code: number; message: string } | null;
  close(): Promise<void>;
}

export const SMTP_PASSWORD = "s3cret-smtp-pass";

/**
 * A real SMTP server on loopback (smtp-server), plain text with login, keeping each message
 * parsed by mailparser.
 */
export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: "",
    port: 0,
    mails: [],
    refuse: null,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("bad login"));
    },
    onData(stream, _session, callback) {
      const refuse = state.refuse;
      simpleParser(stream)
        .then((mail) => {
          if (refuse) {
            callback(Object.assign(new Error(refuse.message), { responseCode: refuse.code }));
            return;
          }
          state.mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  state.port = port;
  state.url = `smtp://desk:${SMTP_PASSWORD}@127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A TCP server that takes connections and never says a word: a hung SMTP or HTTP server. */
export async function startSilent(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: connections are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
