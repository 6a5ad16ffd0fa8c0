// The npm registry reachable here lacks the prebuilt binaries of platforms other than Linux
// (and glibc), so `npm install` leaves them out of package-lock.json and `npm ci` then calls the
// lock file out of sync. This adds an entry for each optional platform package the lock names
// but does not hold, marked with its os and cpu: npm ci skips such entries on other platforms
// and would fetch them on theirs. Run after `npm install` changes the lock file.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const PLATFORM =
  /(android|darwin|linux|win32|freebsd|openbsd|sunos|aix|netbsd)-(arm64|x64|arm|ia32|ppc64|s390x|riscv64|loong64)(-(musl|gnu|msvc|gnueabihf))?$/;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `${path ? `${path}/` : ""}node_modules/${name}`.replace(
      /^node_modules\/(.*)\/node_modules\//,
      "node_modules/$1/node_modules/",
    );
    const top = `node_modules/${name}`;
    if (packages[key] || packages[top]) continue;
    const match = PLATFORM.exec(name);
    if (!match) continue;
    const stub = { version, optional: true, os: [match[1]], cpu: [match[2]] };
    if (entry.dev) stub.dev = true;
    if (match[4] === "musl" || match[4] === "gnu")
      stub.libc = [match[4] === "musl" ? "musl" : "glibc"];
    packages[top] = stub;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries`);
