/**
 * npm run bench: prints a table; with --json, one JSON object with a member per measured part.
 * Members: inline.
 */
import os from "node:os";
import { benchInline } from "./inline.js";

const json = process.argv.includes("--json");

async function main() {
  const inline = await benchInline();
  const result = {
    inline: { articlesPerSecond: inline.articlesPerSecond, peakRssMB: inline.peakRssMB },
  };
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.table({
    "inline (fetch → store, PGlite)": {
      articles: inline.articles,
      seconds: inline.seconds,
      "articles/s": inline.articlesPerSecond,
      "peak RSS MB": inline.peakRssMB,
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
