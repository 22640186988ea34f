/**
 * What one guest boot showed, read from QEMU's system calls (lab/strace.ts) and the guest's
 * console lines: how QEMU opened the image, what the guest reported about its write cache, and
 * for every timed guest call the image writes and syncs QEMU completed before the call returned.
 */
import { consoleLines, type ConsoleLine, type Syscall } from "./strace";
import { WRITE_KINDS, type HostCalls, type WriteKind } from "./kinds";

/** One image call QEMU completed: data written (pwrite64/pwritev) or an fdatasync/fsync. */
export type ImageCall = "write" | "sync";

export interface ImageOpen {
  readonly fd: number;
  readonly flags: readonly string[];
}

export interface GuestCall {
  readonly kind: WriteKind;
  readonly index: number;
  /** The call's duration as the guest timed it (CLOCK_MONOTONIC around the call). */
  readonly latencyMs: number;
  /** Image calls that returned between the guest's "begin" marker and its "end" marker. */
  readonly imageCalls: readonly ImageCall[];
}

export interface BootObservation {
  /** Every open of the image QEMU made read-write, with its flags (QEMU also probes it read-only). */
  readonly opens: readonly ImageOpen[];
  /** `/sys/block/<disk>/queue/write_cache` as the guest read it, per disk. */
  readonly writeCache: Readonly<Record<string, string>>;
  readonly calls: readonly GuestCall[];
  readonly lines: readonly ConsoleLine[];
}

const OPENAT = /^AT_FDCWD, "((?:[^"\\]|\\.)*)", ([A-Z_|0-9]+)/;
const FD_ARG = /^(\d+)[,)]?/;
const WRITES = new Set(["pwrite64", "pwritev", "pwritev2", "write", "writev"]);
const SYNCS = new Set(["fdatasync", "fsync"]);

/** The read-write opens of `imagePath` (matched on its last path component). */
export function imageOpens(calls: readonly Syscall[], imagePath: string): ImageOpen[] {
  const base = imagePath.split("/").pop() ?? imagePath;
  const opens: ImageOpen[] = [];
  for (const call of calls) {
    if (call.name !== "openat") continue;
    const m = OPENAT.exec(call.args);
    if (!m || (m[1] ?? "").split("/").pop() !== base) continue;
    const flags = (m[2] ?? "").split("|");
    if (!flags.includes("O_RDWR") || Number(call.ret) < 0) continue;
    opens.push({ fd: Number(call.ret), flags });
  }
  return opens;
}

/**
 * The image calls in order of return, each attributed to the image while its descriptor was
 * open (an fd is reused after close, so a write to fd 8 counts only between its open and close).
 */
export function imageCalls(
  calls: readonly Syscall[],
  imagePath: string,
): { readonly call: ImageCall; readonly endS: number }[] {
  const base = imagePath.split("/").pop() ?? imagePath;
  const open = new Set<number>();
  const out: { call: ImageCall; endS: number }[] = [];
  // Opens and closes are ordered by when they returned, as everything else.
  for (const call of calls) {
    if (call.name === "openat") {
      const m = OPENAT.exec(call.args);
      if (m && (m[1] ?? "").split("/").pop() === base && Number(call.ret) >= 0) {
        open.add(Number(call.ret));
      }
      continue;
    }
    const fd = Number(FD_ARG.exec(call.args)?.[1] ?? NaN);
    if (call.name === "close") {
      open.delete(fd);
      continue;
    }
    if (!open.has(fd) || Number(call.ret) < 0) continue;
    if (WRITES.has(call.name)) out.push({ call: "write", endS: call.endS });
    else if (SYNCS.has(call.name)) out.push({ call: "sync", endS: call.endS });
  }
  return out;
}

const BEGIN = /^@b (\w) (\d+)$/;
const END = /^@e (\w) (\d+) (\d+)$/;
const WRITE_CACHE = /^@wc (\w+) (.+)$/;

function kindOfLetter(letter: string): WriteKind {
  const kind = WRITE_KINDS.find((k) => k.letter === letter);
  if (!kind) throw new Error(`guest marker names an unknown write kind "${letter}"`);
  return kind.id;
}

/** Reads one boot of lab/guest/labguest.c (task "writes") from its strace output. */
export function observeBoot(calls: readonly Syscall[], imagePath: string): BootObservation {
  const lines = consoleLines(calls);
  const error = lines.find((l) => l.text.startsWith("@error"));
  if (error) throw new Error(`the guest failed: ${error.text.slice(1)}`);
  const writeCache: Record<string, string> = {};
  for (const line of lines) {
    const m = WRITE_CACHE.exec(line.text);
    if (m) writeCache[m[1] ?? ""] = m[2] ?? "";
  }
  const onImage = imageCalls(calls, imagePath);
  const guestCalls: GuestCall[] = [];
  let begun: { key: string; afterS: number } | null = null;
  for (const line of lines) {
    const b = BEGIN.exec(line.text);
    if (b) {
      // The guest waits (tcdrain) until this line is out before it makes the call.
      begun = { key: `${b[1] ?? ""} ${b[2] ?? ""}`, afterS: line.lastS };
      continue;
    }
    const e = END.exec(line.text);
    if (!e) continue;
    if (begun?.key !== `${e[1] ?? ""} ${e[2] ?? ""}`) {
      throw new Error(`console: "${line.text}" without its begin marker`);
    }
    const { afterS } = begun;
    guestCalls.push({
      kind: kindOfLetter(e[1] ?? ""),
      index: Number(e[2]),
      latencyMs: Number(e[3]) / 1e6,
      // The guest prints its end marker only after the call returned: whatever QEMU completed
      // before that line's first byte was done before the guest heard "done", or at the latest
      // as it did.
      imageCalls: onImage.filter((c) => c.endS > afterS && c.endS < line.firstS).map((c) => c.call),
    });
    begun = null;
  }
  return { opens: imageOpens(calls, imagePath), writeCache, calls: guestCalls, lines };
}

/**
 * The host calls one guest call waited for, as the model's vocabulary names them: none, QEMU's
 * write to the image, or its write followed by an fdatasync that returned before the guest's call.
 */
export function hostCallsOf(calls: readonly ImageCall[]): HostCalls {
  const firstWrite = calls.indexOf("write");
  if (firstWrite === -1) return calls.includes("sync") ? "fdatasync" : "none";
  return calls.slice(firstWrite).includes("sync") ? "pwrite+fdatasync" : "pwrite";
}
