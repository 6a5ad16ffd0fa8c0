import pino, { type Logger } from "pino";

export type { Logger };

/** JSON logs, one line per event, on stderr so that stdout stays the command's own output. */
export function createLogger(level = "info"): Logger {
  return pino({ level, base: { app: "wirewatch" } }, pino.destination({ dest: 2, sync: true }));
}

export const silentLogger = (): Logger => pino({ level: "silent" });
