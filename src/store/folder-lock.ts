import { open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";

/** Another process has the embedded store open. */
export class StoreLockedError extends Error {
  constructor(path: string, holder: Holder) {
    super(
      `the store at ${path} is in use by process ${holder.pid} on ${holder.host} (${holder.command}, since ${holder.since}): ` +
        "the embedded store has one process at a time; stop that one, or use PostgreSQL (DATABASE_URL) to run several",
    );
    this.name = "StoreLockedError";
  }
}

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

const LOCK_FILE = "wirewatch.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the folder for this process: a lock file made atomically (O_EXCL), naming the holder. A
 * lock left by a process of this host that is gone is taken over. Returns its release.
 */
export async function lockFolder(path: string): Promise<() => Promise<void>> {
  const file = join(path, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    command: `wirewatch ${process.argv.slice(2, 3).join(" ") || "(library)"}`.trim(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.close();
      return async () => {
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await readHolder(file);
      if (holder && (holder.host !== me.host || alive(holder.pid)))
        throw new StoreLockedError(path, holder);
      // Left by a process that died: take it over.
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`could not lock the store at ${path}`);
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Holder;
  } catch {
    return undefined;
  }
}
