import { setTimeout as sleep } from "node:timers/promises";
import type { Worker } from "bullmq";
import type { Logger } from "../../lib/logger.js";
import type { Sql } from "../../store/database.js";

const PROBE_MS = 2_000;

/**
 * While the database cannot be reached, this process's workers take no jobs: an outage of
 * minutes is waited out instead of spending every job's attempts on it. One probe at a time;
 * the workers resume once the database answers.
 */
export class DatabasePause {
  private probing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Sql,
    private readonly log: Logger,
    private readonly workers: () => readonly Worker[],
  ) {}

  /** Called from inside a job: must not wait for the job to end. */
  trigger(error: Error): void {
    this.probing ??= this.waitOut(error).finally(() => {
      this.probing = undefined;
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private async waitOut(error: Error): Promise<void> {
    const started = Date.now();
    this.log.warn({ err: error.message }, "database unreachable: workers paused until it answers");
    // Not waiting for the jobs in hand: this is called from one of them.
    for (const worker of this.workers()) worker.pause(true);
    while (!this.stopped) {
      await sleep(PROBE_MS);
      try {
        await this.db.query("select 1");
        break;
      } catch {
        // Still down: probe again.
      }
    }
    if (this.stopped) return;
    for (const worker of this.workers()) worker.resume();
    this.log.info({ pausedMs: Date.now() - started }, "database answers again: workers resumed");
  }
}
