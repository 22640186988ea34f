/**
 * Reads `strace -f -ttt` output of one QEMU run: every system call with the thread that made it,
 * when it started and when it returned. A call another thread interrupted is printed in two
 * halves (`… <unfinished ...>`, then `<... name resumed>… = ret`); they are joined here, so a
 * call's `endS` is when it returned. strace pads short calls (`fdatasync(10)   = 0`), so the
 * return value is matched after any run of spaces.
 */

export interface Syscall {
  readonly tid: number;
  readonly name: string;
  /** The arguments as strace printed them, without the enclosing parentheses. */
  readonly args: string;
  /** The return value as printed (a number, or `?` for a call cut short by the process's end). */
  readonly ret: string;
  /** Seconds since the epoch at which the call started (`-ttt`). */
  readonly startS: number;
  /** Seconds since the epoch at which it returned: `startS` unless another thread interrupted it. */
  readonly endS: number;
}

const LINE = /^(?:\[pid\s+)?(\d+)\]?\s+(\d+\.\d+)\s+(.*)$/;
const WHOLE = /^(\w+)\((.*)\)\s*=\s*(-?\d+|\?|0x[0-9a-f]+)(?:\s.*)?$/;
const UNFINISHED = /^(\w+)\((.*?)\s*<unfinished \.\.\.>$/;
const RESUMED = /^<\.\.\. (\w+) resumed>(.*)\)\s*=\s*(-?\d+|\?|0x[0-9a-f]+)(?:\s.*)?$/;

/** Parses strace's text; lines that are not calls (signals, exits) are skipped. */
export function parseStrace(text: string): Syscall[] {
  const calls: Syscall[] = [];
  const pending = new Map<string, { args: string; startS: number }>();
  for (const line of text.split("\n")) {
    const m = LINE.exec(line.trimEnd());
    if (!m) continue;
    const tid = Number(m[1]);
    const t = Number(m[2]);
    const body = m[3] ?? "";
    const whole = WHOLE.exec(body);
    if (whole) {
      calls.push({
        tid,
        name: whole[1] ?? "",
        args: whole[2] ?? "",
        ret: whole[3] ?? "",
        startS: t,
        endS: t,
      });
      continue;
    }
    const unfinished = UNFINISHED.exec(body);
    if (unfinished) {
      pending.set(`${String(tid)}:${unfinished[1] ?? ""}`, {
        args: unfinished[2] ?? "",
        startS: t,
      });
      continue;
    }
    const resumed = RESUMED.exec(body);
    if (resumed) {
      const name = resumed[1] ?? "";
      const key = `${String(tid)}:${name}`;
      const start = pending.get(key);
      pending.delete(key);
      calls.push({
        tid,
        name,
        args: (start?.args ?? "") + (resumed[2] ?? ""),
        ret: resumed[3] ?? "",
        startS: start?.startS ?? t,
        endS: t,
      });
    }
  }
  // Calls print in the order they started or finished; the lab reasons about returns.
  return calls.sort((a, b) => a.endS - b.endS);
}

/** Decodes one strace string literal's contents (C escapes: \n, \t, \\, \", \ooo, \xhh). */
export function unescapeC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e.startsWith("x")) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", v: "\v", f: "\f" };
    return simple[e] ?? e;
  });
}

/** A line the guest printed on the serial console, timed by QEMU's writes of its bytes. */
export interface ConsoleLine {
  readonly text: string;
  /** When QEMU wrote the line's first byte. */
  readonly firstS: number;
  /** When QEMU wrote its newline. */
  readonly lastS: number;
}

const IOV_BASE = /iov_base="((?:[^"\\]|\\.)*)"/g;
const WRITE_BUF = /^1, "((?:[^"\\]|\\.)*)"/;

/**
 * The serial console as QEMU wrote it to its standard output (`-serial stdio`): QEMU writes each
 * byte the guest sends with its own writev(1, …) (or write), so every byte carries its own time.
 * A byte the pipe refused (EAGAIN) counts when the retry writes it.
 */
export function consoleLines(calls: readonly Syscall[]): ConsoleLine[] {
  const lines: ConsoleLine[] = [];
  let text = "";
  let firstS = 0;
  for (const call of calls) {
    let bytes = "";
    if (call.name === "writev" && call.args.startsWith("1, ")) {
      for (const m of call.args.matchAll(IOV_BASE)) bytes += unescapeC(m[1] ?? "");
    } else if (call.name === "write") {
      const m = WRITE_BUF.exec(call.args);
      if (m) bytes = unescapeC(m[1] ?? "");
    }
    // A write to a full pipe fails (EAGAIN) and QEMU sends the byte again later: only what a
    // call returned as written was written, then.
    const written = Math.max(0, Number(call.ret) || 0);
    for (const ch of bytes.slice(0, written)) {
      if (text === "") firstS = call.startS;
      if (ch === "\n") {
        lines.push({ text: text.replace(/\r$/, ""), firstS, lastS: call.startS });
        text = "";
      } else {
        text += ch;
      }
    }
  }
  return lines;
}
