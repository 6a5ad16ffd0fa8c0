import { open } from "node:fs/promises";

/** Why a local file could not be read, in one line. */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "FileReadError";
  }
}

/**
 * A local file's bytes, at most `maxBytes`: larger files, devices that never end (/dev/zero)
 * and directories are refused in one line before they can fill the memory.
 */
export async function readCapped(file: string, maxBytes: number): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new FileReadError(file, reasonOf(error));
  }
  try {
    if ((await handle.stat()).isDirectory())
      throw new FileReadError(file, "is a directory, not a file");
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - size));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length).catch((error: unknown) => {
        throw new FileReadError(file, reasonOf(error));
      });
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > maxBytes)
        throw new FileReadError(file, `is larger than the limit of ${maxBytes} bytes`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
