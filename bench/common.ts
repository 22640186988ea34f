/** What the parts of `npm run bench:ui` share: where the repository is, units, errors. */
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("..", import.meta.url));

const KIB = 1024;
export const kib = (bytes: number) => (bytes / KIB).toFixed(1);
export const sleep = (ms: number) =>
  new Promise<void>((done) => {
    setTimeout(done, ms);
  });
export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An error that means the benchmark cannot run at all (exit code 1). */
export class CannotRun extends Error {}
