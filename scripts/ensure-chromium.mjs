#!/usr/bin/env node
// Makes sure a Chromium binary exists for the end-to-end tests (Playwright downloads none here).
// - CHROMIUM_PATH set: that file must exist and be executable.
// - Otherwise: /usr/bin/chromium, then `chromium` on PATH.
// - Still none: as root with apt-get, install Debian's chromium + fonts-liberation, re-check.
// Any failure ends with one readable paragraph on stderr and exit code 1, never a stack trace.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const DEFAULT_PATH = "/usr/bin/chromium";

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

function findChromium() {
  if (isExecutableFile(DEFAULT_PATH)) return DEFAULT_PATH;
  return findOnPath("chromium");
}

// playwright.config.ts uses CHROMIUM_PATH or /usr/bin/chromium; a Chromium found elsewhere on
// PATH has to be named explicitly.
function accept(found) {
  if (found === DEFAULT_PATH) return;
  process.stderr.write(
    `\nChromium was found at ${found}, not at ${DEFAULT_PATH} where the end-to-end tests ` +
      `look for it. Set CHROMIUM_PATH=${found} (or install Debian's \`chromium\` package), ` +
      "then re-run `npm test`.\n\n",
  );
  process.exit(1);
}

function fail(where) {
  process.stderr.write(
    `\nChromium was not found at ${where}. The end-to-end tests drive a system Chromium ` +
      "(Playwright's own browser download does not work here). Install Debian's `chromium` " +
      "package (apt-get install chromium fonts-liberation) or set " +
      "CHROMIUM_PATH=/path/to/chromium, then re-run `npm test`.\n\n",
  );
  process.exit(1);
}

function tryAptInstall() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) return false;
  const aptGet = findOnPath("apt-get");
  if (aptGet === null) return false;
  process.stderr.write("ensure-chromium: Chromium is missing; installing Debian's chromium...\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const aptRun = (args) => {
    const result = spawnSync(aptGet, args, { stdio: "inherit", env });
    return !result.error && result.status === 0;
  };
  if (!aptRun(["update"])) {
    process.stderr.write("ensure-chromium: `apt-get update` failed\n");
    return false;
  }
  if (!aptRun(["install", "-y", "--no-install-recommends", "chromium", "fonts-liberation"])) {
    process.stderr.write("ensure-chromium: `apt-get install chromium fonts-liberation` failed\n");
    return false;
  }
  return true;
}

function main() {
  const override = process.env.CHROMIUM_PATH;
  if (override !== undefined && override !== "") {
    if (isExecutableFile(override)) return;
    fail(`CHROMIUM_PATH=${override} (no executable file there)`);
  }

  const found = findChromium();
  if (found !== null) return accept(found);

  if (tryAptInstall()) {
    const installed = findChromium();
    if (installed !== null) return accept(installed);
  }
  fail(`${DEFAULT_PATH} or on PATH`);
}

try {
  main();
} catch (error) {
  process.stderr.write(
    `ensure-chromium: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  fail(`${process.env.CHROMIUM_PATH || DEFAULT_PATH}`);
}
