import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeDocument } from "../src/ingest/decode.js";
import { HostPacer } from "../src/ingest/host-pacer.js";
import { parseFeed } from "../src/ingest/parse.js";

describe("per-host politeness", () => {
  it("runs one request at a time per host, with the gap between them, and hosts side by side", async () => {
    const pacer = new HostPacer(50);
    const events: string[] = [];
    let active = 0;
    let most = 0;
    const task = (name: string) => async () => {
      active++;
      most = Math.max(most, active);
      events.push(`start ${name} ${Date.now()}`);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      events.push(`end ${name} ${Date.now()}`);
    };
    await Promise.all([
      pacer.run("https://a.example/1", task("a1")),
      pacer.run("https://a.example/2", task("a2")),
      pacer.run("https://b.example/1", task("b1")),
    ]);
    const at = (label: string) => Number(events.find((e) => e.startsWith(label))?.split(" ")[2]);
    // a2 starts only after a1 ended and the gap passed; b1 did not wait for a.
    expect(at("start a2") - at("end a1")).toBeGreaterThanOrEqual(45);
    expect(at("start b1")).toBeLessThan(at("end a1"));
    expect(most).toBe(2);
  });

  it("a failed request still releases its host", async () => {
    const pacer = new HostPacer(0);
    await expect(
      pacer.run("https://a.example/", () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    await expect(pacer.run("https://a.example/", async () => "next")).resolves.toBe("next");
  });
});

describe("more decoding and formats", () => {
  it("uses the charset an HTML meta tag declares", () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>العراق</body></html>`;
    expect(decodeDocument(iconv.encode(html, "windows-1256"), "text/html")).toMatchObject({
      encoding: "windows-1256",
      source: "meta",
    });
  });

  it("reads RDF (RSS 1.0)", async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://x.example/"><title>R</title><link>https://x.example/</link></channel>
      <item rdf:about="https://x.example/1"><title>Syrie</title><link>https://x.example/1</link><description>Damas</description></item></rdf:RDF>`;
    const feed = await parseFeed(rdf, "https://x.example/rdf");
    expect(feed).toMatchObject({
      format: "rdf",
      items: [{ title: "Syrie", link: "https://x.example/1", summary: "Damas" }],
    });
  });
});
