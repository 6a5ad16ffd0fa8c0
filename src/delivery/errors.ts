import type { DeliveryOutcome } from "./send.js";

/** Some messages were not taken by their channels: each named with its channel and reason. */
export class DeliveryError extends Error {
  constructor(readonly failures: DeliveryOutcome["failed"]) {
    super(
      `${failures.length} ${failures.length === 1 ? "delivery" : "deliveries"} failed (retried later): ${failures
        .map((f) => `${f.key}: ${f.error}`)
        .join("; ")}`,
    );
    this.name = "DeliveryError";
  }
}
