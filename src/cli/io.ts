/** Shared plumbing of the command-line tools: one-line errors, exit status 2, no stack traces. */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { decodeScenarioFile } from "../scenario/text";
import { CLI } from "../text/cli";
import { problemLine } from "../text/scenario";

export class UsageError extends Error {}

/**
 * The most input a tool reads: 32 MiB. The largest valid scenario (100 000 ops, the documented
 * limit) takes about 4 MiB written compactly and under 10 MiB pretty-printed with 4-space
 * indentation and 17-digit times (a test holds it to half the cap), so 32 MiB leaves room for
 * any sane formatting. Beyond it the input is refused as it streams in, so a runaway input
 * (a wrong file, an endless pipe) costs at most this much memory, never its own size: parsing
 * it whole would cost many times more (50 MB of `[` once took 2.8 GB before being rejected).
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** Runs `main`; any failure becomes one line on stderr and exit status 2, never a stack trace. */
export function runCli(main: () => void | Promise<void>): void {
  const fail = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${CLI.error(message.replace(/\s+/g, " ").trim())}\n`);
    process.exitCode = 2;
  };
  Promise.resolve().then(main).catch(fail);
}

/**
 * The text of FILE, or of standard input for "-", read as every scenario is
 * (src/scenario/text.ts: UTF-8 with or without a byte-order mark, or UTF-16 with one). Read in
 * chunks and refused as soon as it passes MAX_INPUT_BYTES, before the rest is read.
 */
export async function readInput(file: string): Promise<string> {
  const name = file === "-" ? CLI.stdin : file;
  const source: Readable = file === "-" ? process.stdin : createReadStream(file);
  const parts: Buffer[] = [];
  let bytes = 0;
  try {
    // Leaving the loop early (the throw below) destroys the stream: nothing more is read.
    for await (const chunk of source) {
      const data = chunk as Buffer;
      bytes += data.length;
      if (bytes > MAX_INPUT_BYTES) {
        throw new UsageError(CLI.tooLarge(name, MAX_INPUT_BYTES / 1024 / 1024));
      }
      parts.push(data);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new UsageError(CLI.cannotRead(name, code));
  }
  const decoded = decodeScenarioFile(Buffer.concat(parts));
  if (!decoded.ok) throw new UsageError(CLI.notText(name, problemLine(decoded.problem)));
  return decoded.text;
}
