/**
 * `npm run bench:ui`: how heavy and how smooth the diagram is, printed, never asserted. Three
 * parts, in this order:
 *
 * 1. bench/bundle.ts: the app's initial JavaScript (gzip) against a bare React 19 app's, and the
 *    embeds' sizes;
 * 2. bench/frames.ts: the frame rate idle, with 200, 1 000 and 2 000 writes playing, and in the
 *    compare view, in headless Chromium;
 * 3. bench/click.ts: click to paint at the 1 000th write (Event Timing).
 *
 * Their percentiles all come from bench/stats.ts. Timings are only printed: the exit code is 0
 * whenever the benchmark ran, and non-zero only when it could not run at all (a build failed, the
 * server or the browser would not start).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openSession, type Session } from "./browser";
import { bundle, GZIP_LEVEL } from "./bundle";
import { clickToPaint } from "./click";
import { CannotRun } from "./common";
import { frames, FRAMES_SETUP, holdLines } from "./frames";

async function main(): Promise<number> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "bench-ui-"));
  let session: Session | undefined;
  try {
    console.log(
      `bench:ui: gzip level ${String(GZIP_LEVEL)} (node:zlib) per file, summed; ${FRAMES_SETUP}; ` +
        `load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${String(availableParallelism())} cores`,
    );
    const { appOut } = await bundle(work);
    session = await openSession(appOut);
    const runs = await frames(session);
    await clickToPaint(session);
    holdLines(runs);

    const unique = [...new Set(session.problems)];
    for (const problem of unique.slice(0, 10)) console.log(`app: ${problem}`);
    if (unique.length > 10) console.log(`app: ... and ${String(unique.length - 10)} more`);
    console.log(`ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    console.error(`bench:ui could not run: ${error.message}`);
    return 1;
  } finally {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    console.error("bench:ui could not run:", error);
    process.exit(1);
  },
);
