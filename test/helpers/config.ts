import type { Config } from "../../src/config/index.js";
import { parseConfig } from "../../src/config/index.js";

/** A config for tests: loopback allowed, no politeness gap, the given feeds and watchlist. */
export function testConfig(yaml: string): Config {
  return parseConfig(
    `${yaml}
fetch: { allowLoopback: true, hostGap: 0s, timeout: 5s }
`,
    "test.yaml",
    {},
  );
}

export const WATCHLIST_YAML = `
watchlist:
  - id: isis
    type: group
    name: Islamic State
    alert: true
    aliases: { en: [ISIS], ar: [داعش], fa: [داعش], fr: [Daech], ru: [ИГИЛ] }
`;
