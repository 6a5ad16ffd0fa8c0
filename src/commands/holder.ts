/**
 * The embedded store has one process at a time. While `run` (or `serve`) holds it, `status` and
 * `digest` are carried out by that process: they ask it over a Unix socket in the store's
 * folder, and print what it answers.
 */
import { unlink } from "node:fs/promises";
import { createConnection, createServer, type Server } from "node:net";
import { join } from "node:path";
import { asError } from "../lib/errors.js";
import type { Reader } from "../pipeline/reader.js";
import { type DigestOptions, digestWith } from "./digest.js";
import { collectedOutput, type Output } from "./output.js";
import { storeStatus } from "./status.js";

const SOCKET = "wirewatch.sock";

export type HolderRequest = { command: "status" } | { command: "digest"; options: DigestOptions };

interface HolderReply {
  code: number;
  stdout: string[];
  stderr: string[];
}

/** Answers status and digest requests for the store this process holds; returns its stop. */
export async function answerForStore(reader: Reader): Promise<() => Promise<void>> {
  if (reader.config.store.url) return async () => undefined;
  const path = join(reader.config.store.path, SOCKET);
  // A socket left by a holder that died: this process holds the lock now.
  await unlink(path).catch(() => undefined);
  const server: Server = createServer((socket) => {
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      text += chunk;
      if (!text.includes("\n")) return;
      void answer(JSON.parse(text) as HolderRequest, reader).then((reply) =>
        socket.end(`${JSON.stringify(reply)}\n`),
      );
    });
    socket.on("error", () => undefined);
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", (error) => {
      // A folder path too long for a socket, say: the store still works, only not this way.
      reader.log.warn({ err: error.message, path }, "cannot answer for the store over a socket");
      resolve(false);
    });
    server.listen(path, () => resolve(true));
  });
  if (!listening) return async () => undefined;
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await unlink(path).catch(() => undefined);
  };
}

async function answer(request: HolderRequest, reader: Reader): Promise<HolderReply> {
  const output = collectedOutput();
  try {
    let code = 0;
    if (request.command === "status") await storeStatus(reader.db, reader.config, output);
    else code = await digestWith(reader, request.options, output);
    return { code, stdout: output.stdout, stderr: output.stderr };
  } catch (error) {
    output.err(`wirewatch: ${asError(error).message}`);
    return { code: 1, stdout: output.stdout, stderr: output.stderr };
  }
}

/**
 * Has the process holding the store carry out a command, printing its lines here; returns its
 * exit code, or undefined when no holder answers (it is not a `run` or `serve` of this version).
 */
export async function askHolder(
  storePath: string,
  request: HolderRequest,
  output: Output,
): Promise<number | undefined> {
  const reply = await new Promise<HolderReply | undefined>((resolve) => {
    let text = "";
    const socket = createConnection(join(storePath, SOCKET));
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk: string) => {
      text += chunk;
    });
    socket.on("end", () => resolve(text ? (JSON.parse(text) as HolderReply) : undefined));
    socket.on("error", () => resolve(undefined));
  });
  if (!reply) return undefined;
  for (const line of reply.stdout) output.out(line);
  for (const line of reply.stderr) output.err(line);
  return reply.code;
}
