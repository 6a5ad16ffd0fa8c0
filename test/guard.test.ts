import type { LookupAddress } from "node:dns";
import { describe, expect, it, vi } from "vitest";
import { httpGet } from "../src/ingest/http-get.js";
import {
  classifyAddress,
  guardedLookup,
  type Resolver,
  refusal,
} from "../src/lib/address-guard.js";

const strict = { allowLoopback: false, allowPrivate: false };

/** A DNS that answers with the given address and never asks a real resolver. */
const answering = (address: string): Resolver & { calls: string[] } => {
  const calls: string[] = [];
  const resolver = ((hostname, _options, callback) => {
    calls.push(hostname);
    callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
  }) as Resolver & { calls: string[] };
  resolver.calls = calls;
  return resolver;
};

describe("address guard", () => {
  it("classifies the addresses an attacker would aim at", () => {
    expect(classifyAddress("169.254.169.254")).toBe("link-local");
    expect(classifyAddress("10.0.0.1")).toBe("private");
    expect(classifyAddress("172.20.1.1")).toBe("private");
    expect(classifyAddress("192.168.1.1")).toBe("private");
    expect(classifyAddress("127.0.0.1")).toBe("loopback");
    expect(classifyAddress("::1")).toBe("loopback");
    expect(classifyAddress("::ffff:10.1.2.3")).toBe("private");
    expect(classifyAddress("fd00:ec2::254")).toBe("private");
    expect(classifyAddress("0.0.0.0")).toBe("unspecified");
    expect(classifyAddress("93.184.216.34")).toBeUndefined();
  });

  it("allows loopback and private ranges only when the config says so", () => {
    expect(refusal("127.0.0.1", strict)).toBe(
      "address 127.0.0.1 is loopback; refused (fetch.allowLoopback allows it)",
    );
    expect(refusal("127.0.0.1", { allowLoopback: true, allowPrivate: false })).toBeUndefined();
    expect(refusal("10.0.0.1", { allowLoopback: true, allowPrivate: true })).toBeUndefined();
    expect(refusal("169.254.169.254", { allowLoopback: true, allowPrivate: true })).toBe(
      "address 169.254.169.254 is link-local; refused",
    );
  });

  it("refuses in the DNS answer, so no address ever reaches a socket", () => {
    const callback = vi.fn();
    guardedLookup(strict, answering("10.0.0.1"))("intranet.example", { all: true }, callback);
    expect(callback).toHaveBeenCalledOnce();
    const [error, address] = callback.mock.calls[0] as [Error, LookupAddress[] | string];
    expect(error.message).toBe(
      "intranet.example: address 10.0.0.1 is private; refused (fetch.allowPrivate allows it)",
    );
    expect(address).toBe("");
  });

  it("a feed whose name resolves to the metadata service or to 10.0.0.1 is refused with the reason", async () => {
    const options = { timeoutMs: 2000, maxBytes: 1024, maxRedirects: 5, userAgent: "t", ...strict };
    for (const address of ["169.254.169.254", "10.0.0.1"]) {
      const dns = answering(address);
      const error = await httpGet("http://feeds.example/rss", { ...options, resolve: dns }).catch(
        (e: unknown) => e,
      );
      expect(dns.calls).toEqual(["feeds.example"]);
      expect(error).toMatchObject({ reason: "blocked-address", decision: "report" });
      expect((error as Error).message).toContain(`address ${address} is`);
    }
  });

  it("a literal address is refused without any lookup", async () => {
    const dns = answering("93.184.216.34");
    const options = {
      timeoutMs: 2000,
      maxBytes: 1024,
      maxRedirects: 5,
      userAgent: "t",
      ...strict,
      resolve: dns,
    };
    await expect(httpGet("http://169.254.169.254/latest/meta-data/", options)).rejects.toThrow(
      "http://169.254.169.254/latest/meta-data/: address 169.254.169.254 is link-local; refused",
    );
    await expect(httpGet("http://10.0.0.1/rss", options)).rejects.toMatchObject({
      reason: "blocked-address",
    });
    await expect(httpGet("file:///etc/passwd", options)).rejects.toMatchObject({
      reason: "bad-url",
    });
    expect(dns.calls).toEqual([]);
  });
});
