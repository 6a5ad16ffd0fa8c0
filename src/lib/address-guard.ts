import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

export interface AddressPolicy {
  allowLoopback: boolean;
  allowPrivate: boolean;
  /** The config section whose allowLoopback and allowPrivate set this policy (default fetch). */
  section?: string;
}

type Kind = "loopback" | "private" | "link-local" | "unspecified" | "multicast" | "reserved";

const RANGES: Record<Kind, [string, number, "ipv4" | "ipv6"][]> = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  private: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["100.64.0.0", 10, "ipv4"],
    ["fc00::", 7, "ipv6"],
  ],
  // 169.254.169.254 is the cloud metadata service: the address an attacker wants us to fetch.
  "link-local": [
    ["169.254.0.0", 16, "ipv4"],
    ["fe80::", 10, "ipv6"],
  ],
  unspecified: [
    ["0.0.0.0", 8, "ipv4"],
    ["::", 128, "ipv6"],
  ],
  multicast: [
    ["224.0.0.0", 4, "ipv4"],
    ["ff00::", 8, "ipv6"],
  ],
  reserved: [
    ["240.0.0.0", 4, "ipv4"],
    ["192.0.0.0", 24, "ipv4"],
    ["198.18.0.0", 15, "ipv4"],
    ["64:ff9b::", 96, "ipv6"],
  ],
};

const LISTS = Object.entries(RANGES).map(([kind, ranges]) => {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return [kind as Kind, list] as const;
});

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** What kind of special address this is, or undefined for an ordinary public one. */
export function classifyAddress(address: string): Kind | undefined {
  const mapped = MAPPED_V4.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  return LISTS.find(([, list]) => list.check(ip, family))?.[0];
}

/** Why this address may not be fetched under the policy, in words; undefined when it may. */
export function refusal(address: string, policy: AddressPolicy): string | undefined {
  const kind = classifyAddress(address);
  if (kind === undefined) return undefined;
  if (kind === "loopback" && policy.allowLoopback) return undefined;
  if (kind === "private" && policy.allowPrivate) return undefined;
  const section = policy.section ?? "fetch";
  const allow =
    kind === "loopback"
      ? ` (${section}.allowLoopback allows it)`
      : kind === "private"
        ? ` (${section}.allowPrivate allows it)`
        : "";
  return `address ${address} is ${kind}; refused${allow}`;
}

export class BlockedAddressError extends Error {
  readonly code = "EBLOCKED";
}

export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A lookup for http.request that refuses forbidden addresses after DNS answers and before any
 * socket is opened, so a name that resolves to 10.x or 169.254.x is never connected to.
 */
export function guardedLookup(
  policy: AddressPolicy,
  resolve: Resolver = dnsLookup,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refused = addresses
        .map((a) => refusal(a.address, policy))
        .find((reason) => reason !== undefined);
      if (refused) return callback(new BlockedAddressError(`${hostname}: ${refused}`), "", 0);
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(
          Object.assign(new Error(`${hostname}: no address`), { code: "ENOTFOUND" }),
          "",
          0,
        );
      callback(null, first.address, first.family);
    });
  };
}
