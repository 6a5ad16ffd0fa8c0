import { setTimeout as sleep } from "node:timers/promises";
import type { Worker } from "bullmq";
import type { Logger } from "../../lib/logger.js";

const PROBE_MS = 2_000;

export interface Outage {
  /** What is away, as the log says it: "database unreachable", "redis full". */
  what: string;
  /** And its return: "database answers again". */
  back: string;
  /** Resolves once it is back (a query, a write); throws while it is not. */
  probe(): Promise<unknown>;
}

/**
 * While something every job needs is away (the database unreachable, Redis out of memory),
 * this process's workers take no jobs: an outage of minutes is waited out instead of spending
 * every job's attempts on it, and it is said once, not at every failed command. One probe at a
 * time; the workers resume once it answers.
 */
export class OutagePause {
  private probing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly outage: Outage,
    private readonly log: Logger,
    private readonly workers: () => readonly Worker[],
  ) {}

  get active(): boolean {
    return this.probing !== undefined;
  }

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
    const { what } = this.outage;
    this.log.warn({ err: error.message }, `${what}: workers paused until it answers`);
    // Not waiting for the jobs in hand: this is called from one of them.
    for (const worker of this.workers()) worker.pause(true);
    while (!this.stopped) {
      await sleep(PROBE_MS);
      try {
        await this.outage.probe();
        break;
      } catch {
        // Still away: probe again.
      }
    }
    if (this.stopped) return;
    for (const worker of this.workers()) worker.resume();
    this.log.info({ pausedMs: Date.now() - started }, `${this.outage.back}: workers resumed`);
  }
}
