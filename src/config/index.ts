export { type Env, expandEnv } from "./env.js";
export { logLevel, processEnv } from "./environment.js";
export { ConfigError, formatPath, loadConfig, parseConfig } from "./load.js";
export type {
  CategoryConfig,
  Channel,
  ChannelFilter,
  Config,
  FeedConfig,
  FetchOptions,
  ServeConfig,
  WatchItem,
} from "./schema.js";
export { configSchema, DEFAULTS, defaultFetchOptions } from "./schema.js";
