/**
 * The words of the lab (docs/lab.md) on the page: a lab result loaded into the latency chart
 * (src/ui/panels/LabMeasured.tsx), its problems in one line, and the lab's table under "What this
 * configuration means" (src/ui/panels/LabReport.tsx). Loaded with those lazy parts only.
 */
import type { LabExpected, LabKind, LabProblem, LabResult } from "../import/labResult";
import { readable } from "../scenario/readable";
import { formatDuration } from "./format";
import { describe, scenarioReason } from "./scenario";

/** A file's name, or a string from the file, as the page echoes it (bidi controls shown). */
const shown = (text: string, max = 80): string => readable(text, max);

function labReason(expected: LabExpected, got: unknown): string {
  switch (expected.kind) {
    case "labSize":
      return `larger than ${String(expected.max / 1024)} KiB; the lab's whole result is about 45 KiB`;
    case "labText":
      return `expected text of 1 to ${String(expected.max)} characters, got ${describe(got)}`;
    case "labDate":
      return `expected a date and time like 2026-12-07T06:13:12.270Z, got ${describe(got)}`;
    case "labNumber":
      return `expected a finite number, at least 0, got ${describe(got)}`;
    case "labCount":
      return `expected a whole number, at least ${String(expected.min)}, got ${describe(got)}`;
    case "labList":
      return `expected a list of at most ${String(expected.max)}, got ${Array.isArray(got) ? `${String(got.length)} entries` : describe(got)}`;
    default:
      return scenarioReason(expected, got);
  }
}

/** A lab result's problem in one line: "runs[3].latencyMs.median: expected a finite number …". */
export function labProblemLine({ field, expected, got }: LabProblem): string {
  return `${field}: ${labReason(expected, got)}`;
}

/** How the guest made each kind of call (lab/kinds.ts, docs/lab.md "What it does"). */
const KIND: Readonly<Record<LabKind, string>> = {
  fsync: "buffered + fdatasync",
  osync: "O_SYNC",
  odirect: "O_DIRECT",
  buffered: "plain buffered",
};

/** The accelerator as QEMU's option names it, upper-case as docs/lab.md writes it. */
const accel = (result: Pick<LabResult, "accelerator">): string => result.accelerator.toUpperCase();

/** "median 2.4 ms (p10–p90 1.8 ms–5.1 ms, 20 calls)" as a cell says it. */
const spread = (l: LabResult["runs"][number]["latencyMs"]): string =>
  `${formatDuration(l.median)} (${formatDuration(l.p10)}–${formatDuration(l.p90)}, ${String(l.n)} ${l.n === 1 ? "call" : "calls"})`;

/** The latency chart's lab result (src/ui/panels/LabMeasured.tsx). */
export const LAB_MEASURED = {
  /** The table's region, for a screen reader's list of regions. */
  name: "Latencies measured on this host",
  tooLarge: (file: string, problem: LabProblem) =>
    `${shown(file)} is not loaded (${labProblemLine(problem)}); the chart shows the model's estimates only.`,
  invalid: (file: string, problem: LabProblem) =>
    `${shown(file)} is not a lab result npm run lab wrote (${labProblemLine(problem)}); the chart shows the model's estimates only.`,
  loaded: (file: string, result: LabResult) =>
    `Loaded ${shown(file)}: ${String(result.runs.length)} measured runs on this host (${accel(result)}).`,
  /** The table's caption: whose numbers, under what, when. */
  caption: (result: LabResult) =>
    `Measured on this host (${accel(result)}): QEMU ${shown(result.qemu)}, ${result.date.slice(0, 10)}, guest kernel ${shown(result.guestKernel)}, host kernel ${shown(result.hostKernel)}.`,
  note: (result: LabResult) =>
    `The guest's own timing of each call (median, and p10–p90 of the calls) with QEMU under ${result.accelerator === "tcg" ? "TCG, QEMU's emulator, and strace: slow, so only the comparison between modes means anything" : "KVM and strace"}. The model's column is its estimate for the same call (ext4 guest, its 2012 laptop drive, docs/model.md §5), not a measurement.`,
  seeded: (seed: string) =>
    `This run planted a model error (${shown(seed)}) to test the lab; its latencies are still measured.`,
  head: (result: LabResult) => [
    "Cache mode",
    "Guest barriers",
    "Write",
    `Measured on this host (${accel(result)})`,
    "Model's estimate",
  ],
  barriers: (on: boolean) => (on ? "on" : "off"),
  kind: KIND,
  measured: spread,
  estimate: (ms: number | null) => `${formatDuration(ms)} (estimate)`,
} as const;

/** The lab's table under "What this configuration means" (src/ui/panels/LabReport.tsx). */
export const LAB_REPORT = {
  runs: "Predictions per run: ✔ held, ✘ did not (a → b: predicted a, observed b)",
  kills: "QEMU killed after the guest's last write: what survived",
} as const;
