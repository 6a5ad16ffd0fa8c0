/**
 * Politeness per host: one request at a time, and a minimum gap between the end of one and the
 * start of the next, however many feeds share the host.
 */
export class HostPacer {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly gapMs: number) {}

  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = new URL(url).host;
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => this.pause(),
      () => this.pause(),
    );
    this.tails.set(host, tail);
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return result;
  }

  private pause(): Promise<void> {
    return this.gapMs > 0
      ? new Promise((resolve) => setTimeout(resolve, this.gapMs))
      : Promise.resolve();
  }
}
