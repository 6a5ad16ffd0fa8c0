/**
 * Resolves on the first SIGINT or SIGTERM. A second signal while shutting down exits at once,
 * for an operator who will not wait for the jobs in hand.
 */
export function untilSignal(
  onSecond: () => void = () => process.exit(130),
): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals) => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
      process.once("SIGINT", onSecond);
      process.once("SIGTERM", onSecond);
      resolve(signal);
    };
    process.on("SIGINT", handler);
    process.on("SIGTERM", handler);
  });
}
