import type { IncomingMessage, ServerResponse } from "node:http";
import { serve, type TestServer } from "./http-server.js";

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
}

export type Reply =
  | { kind: "answer"; content: string; delayMs?: number }
  | { kind: "status"; status: number; headers?: Record<string, string>; delayMs?: number };

/** What a model that translates faithfully would answer: every item, "EN: " before its title. */
export function faithful(request: ChatRequest, order: "same" | "reversed" = "same"): Reply {
  const items = JSON.parse(request.messages.at(-1)?.content ?? "[]") as {
    id: string;
    title: string;
  }[];
  const answers = items.map((i) => ({ id: i.id, title_en: englishOf(i.title) }));
  if (order === "reversed") answers.reverse();
  return { kind: "answer", content: JSON.stringify({ items: answers }) };
}

const LETTERS: Record<string, string> = Object.fromEntries([
  ..."ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    .split("")
    .map((c, i) => [c, "abttjhkddrzsssdtzagfqklmnhwy"[i] ?? ""]),
  ..."абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    .split("")
    .map((c, i) => [c, "abvgdeejziiklmnoprstufhccss'y'eua"[i] ?? ""]),
  ["أ", "a"],
  ["إ", "i"],
  ["آ", "a"],
  ["ة", "a"],
  ["ى", "a"],
  ["ی", "i"],
  ["ک", "k"],
  ["پ", "p"],
  ["چ", "ch"],
  ["گ", "g"],
  ["ژ", "zh"],
]);
const FRENCH: Record<string, string> = {
  le: "the",
  la: "the",
  les: "the",
  de: "of",
  du: "of",
  des: "of",
  à: "in",
  au: "in",
  aux: "in",
  et: "and",
  en: "in",
  un: "a",
  une: "a",
  pour: "for",
  sur: "on",
  dans: "in",
  vos: "your",
  se: "",
};

/**
 * What stands for a translation here: "EN: ", then the title in Latin letters, French small
 * words in English, so that the answer passes the check that it is English and keeps its names
 * and numbers. Deterministic, so tests can say what is stored.
 */
export function englishOf(title: string): string {
  const words = title.split(/\s+/).map((word) => {
    const lower = word.toLowerCase();
    if (lower in FRENCH) return FRENCH[lower] ?? "";
    const latin = [...word].map((c) => LETTERS[c.toLowerCase()] ?? c).join("");
    return latin.normalize("NFD").replace(/\p{M}/gu, "");
  });
  return `EN: ${words.filter((w) => w !== "").join(" ")}`;
}

export interface FakeLlm {
  url: string;
  requests: ChatRequest[];
  server: TestServer;
  close(): Promise<void>;
}

/** A loopback server speaking the chat-completions wire format, answering as `reply` says. */
export async function fakeLlm(
  reply: (request: ChatRequest, n: number) => Reply,
  options: { usage?: "fixed" | "by-length"; latencyMs?: number } = {},
): Promise<FakeLlm & { times: number[] }> {
  const requests: ChatRequest[] = [];
  const times: number[] = [];
  const server = await serve((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      if (req.url !== "/v1/chat/completions") return void res.writeHead(404).end();
      const request = JSON.parse(body) as ChatRequest;
      requests.push(request);
      times.push(Date.now());
      const answer = reply(request, requests.length);
      setTimeout(
        () => {
          if (res.destroyed) return;
          if (answer.kind === "status") {
            res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
            return void res.end(
              JSON.stringify({ error: { message: `status ${answer.status}`, type: "test" } }),
            );
          }
          res.writeHead(200, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              id: `chatcmpl-${requests.length}`,
              object: "chat.completion",
              created: Math.floor(Date.now() / 1000),
              model: request.model,
              choices: [
                {
                  index: 0,
                  message: { role: "assistant", content: answer.content },
                  finish_reason: "stop",
                },
              ],
              usage: usageOf(request, answer.content, options.usage ?? "fixed"),
            }),
          );
        },
        answer.delayMs ?? options.latencyMs ?? 0,
      );
    });
  });
  return { url: `${server.url}/v1`, requests, times, server, close: () => server.close() };
}

/** Fixed figures for tests; about four characters a token for benchmarks. */
function usageOf(request: ChatRequest, answer: string, kind: "fixed" | "by-length") {
  if (kind === "fixed") return { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 };
  const prompt = Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 4);
  const completion = Math.ceil(answer.length / 4);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
}
