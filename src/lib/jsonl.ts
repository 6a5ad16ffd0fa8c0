import { readFile } from "node:fs/promises";

/** Lines of a JSON Lines file, parsed; a bad line is an error that names the file and line. */
export async function readJsonl(file: string): Promise<unknown[]> {
  const text = await readFile(file, "utf8");
  return text.split("\n").flatMap((line, i) => {
    if (line.trim() === "") return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch (error) {
      throw new Error(`${file}:${i + 1}: not JSON (${(error as Error).message})`);
    }
  });
}
