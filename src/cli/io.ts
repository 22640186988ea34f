/** Shared plumbing of the command-line tools: one-line errors, exit status 2, no stack traces. */
import { readFileSync } from "node:fs";

export class UsageError extends Error {}

/** Runs `main`; any failure becomes one line on stderr and exit status 2, never a stack trace. */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message.replace(/\s+/g, " ").trim()}\n`);
    process.exitCode = 2;
  }
}

/** The text of FILE, or of standard input for "-". */
export function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new UsageError(`cannot read ${file === "-" ? "standard input" : file} (${code})`);
  }
}
