/**
 * The lab's outputs: lab-results.json (docs/lab-results.schema.json), the table it prints,
 * docs/lab.md, the small summary the page can show (src/lab/checked.json) and the tables the
 * page shows on request (src/lab/table.json: a deployed page cannot link to docs/lab.md).
 */
import { CHECKS, type RunResult } from "./compare";
import type { KillResult } from "./kill";
import { WRITE_KINDS } from "./kinds";
import type { SeedError } from "./predict";

export interface LabResults {
  readonly version: 1;
  readonly date: string;
  readonly qemu: string;
  readonly guestKernel: string;
  readonly hostKernel: string;
  readonly accelerator: "tcg" | "kvm";
  readonly seedError: SeedError | null;
  readonly durationS: number;
  readonly predictions: number;
  readonly predictionsHold: number;
  readonly runs: readonly RunResult[];
  readonly kills: readonly KillResult[];
}

/** What the page can show without loading the whole result: src/lab/checked.json. */
export interface Checked {
  readonly qemu: string;
  readonly date: string;
  readonly accelerator: "tcg" | "kvm";
  readonly guestKernel: string;
  readonly predictions: number;
  readonly predictionsHold: number;
  readonly modes: readonly string[];
  readonly report: "docs/lab.md";
}

export function tally(
  runs: readonly RunResult[],
  kills: readonly KillResult[],
): { predictions: number; predictionsHold: number } {
  const checks = runs.flatMap((r) => CHECKS.map((k) => r.checks[k]));
  const all = [...checks, ...kills.map((k) => k.holds)];
  return { predictions: all.length, predictionsHold: all.filter(Boolean).length };
}

export function checkedOf(results: LabResults): Checked {
  return {
    qemu: results.qemu,
    date: results.date,
    accelerator: results.accelerator,
    guestKernel: results.guestKernel,
    predictions: results.predictions,
    predictionsHold: results.predictionsHold,
    modes: [...new Set(results.runs.map((r) => r.mode))],
    report: "docs/lab.md",
  };
}

const yesNo = (b: boolean): string => (b ? "yes" : "no");
const mark = (ok: boolean): string => (ok ? "✔" : "✘");

/** "yes ✔", or "yes → no ✘" when the observation differs from the prediction. */
function cell(predicted: string, observed: string, ok: boolean): string {
  return ok ? `${predicted} ${mark(ok)}` : `${predicted} → ${observed} ${mark(ok)}`;
}

export const RUN_HEADER = [
  "mode",
  "barriers",
  "write",
  "O_DIRECT open",
  "guest sees cache",
  "flush → fdatasync",
  "fdatasync per write",
  "returns after",
  "latency ms (median, p10–p90)",
  "holds",
];

export function runRow(r: RunResult): string[] {
  const label = WRITE_KINDS.find((k) => k.id === r.kind)?.label ?? r.kind;
  const bool = (k: "odirect" | "guestSeesWriteCache" | "fdatasyncPerFlush" | "fdatasyncPerWrite") =>
    cell(yesNo(r.predicted[k]), yesNo(r.observed[k]), r.checks[k]);
  const after = cell(
    r.predicted.completesAfter,
    `${r.observed.completesAfter} (${String(r.observed.callsAgreeing)}/${String(r.observed.calls)})`,
    r.checks.completesAfter,
  );
  const l = r.latencyMs;
  return [
    r.mode,
    r.guestBarriers ? "on" : "off",
    label,
    bool("odirect"),
    bool("guestSeesWriteCache"),
    bool("fdatasyncPerFlush"),
    bool("fdatasyncPerWrite"),
    after,
    `${l.median.toFixed(2)} (${l.p10.toFixed(2)}–${l.p90.toFixed(2)})`,
    mark(r.holds),
  ];
}

export const KILL_HEADER = ["mode", "image", "write", "predicted", "observed", "holds"];

export function killRow(k: KillResult): string[] {
  return [k.mode, k.image, k.write, k.predicted, k.observed, mark(k.holds)];
}

/** A plain-text table with padded columns, for the terminal. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A table's column heads and rows, as the page shows them (src/ui/panels/LabReport.tsx). */
export interface Table {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The report's two tables, the same cells in docs/lab.md and src/lab/table.json. */
export interface LabTables {
  readonly runs: Table;
  readonly kills: Table;
}

export function labTables(results: LabResults): LabTables {
  return {
    runs: { head: RUN_HEADER, rows: results.runs.map(runRow) },
    kills: { head: KILL_HEADER, rows: results.kills.map(killRow) },
  };
}

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (r: readonly string[]): string => `| ${r.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
