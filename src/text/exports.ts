/**
 * The words of the take-away material (issue 9): the ledger as a table for CSV and Markdown, and
 * the lines under an exported frame. The files themselves are made in src/ui/share/exports.ts.
 */
import type { Config } from "../model/config";
import type { OpResult } from "../model/timeline";
import { struck, type DiagramState } from "../store/store";
import { LEDGER, ledgerRows } from "./ledger";
import { FAILURE, KIND_NAME, PROMISE } from "./vocabulary";

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** What a reader needs to read the rows right (the Markdown export says it above them). */
  readonly notes?: readonly string[];
}

/** Every operation's ledger row at the committed instant (all of them, not only those in view). */
export function ledgerTable(
  state: Pick<DiagramState, "failure" | "tMs"> & {
    readonly timeline: { ops: readonly OpResult[]; config: Pick<Config, "diskCache"> };
  },
): Table {
  const failure = struck(state) ? state.failure : null;
  const header: string[] = [...LEDGER.head];
  if (failure) header.push(FAILURE[failure.kind].after);
  const cells = ledgerRows(state.timeline.ops, state.tMs, failure, state.timeline.config.diskCache);
  const rows = state.timeline.ops.map((op) => {
    const c = cells(op);
    const row = [c.number, KIND_NAME[c.kind], c.issuedAt, c.where, c.acked, c.durable];
    if (c.survival !== null) row.push(c.survival);
    return row;
  });
  // With a failure's column: when a return at its very instant counts.
  return { header, rows, notes: failure ? [PROMISE.tie] : [] };
}

/**
 * RFC 4180: fields with a comma, a quote or a line break are quoted, quotes doubled; CRLF. A
 * byte-order mark leads, so spreadsheets read "µs" and "✘" as UTF-8 rather than guessing.
 */
export function toCsv(table: Table): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [table.header, ...table.rows].map((r) => r.map(field).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/**
 * A fragment as the page writes one (`#writes=s0n12.5`, src/link/url.ts): after `writes=`,
 * letters, digits, `.` and `-` only, none of which Markdown or HTML reads as anything.
 */
const OWN_FRAGMENT = /^#writes=[a-zA-Z0-9.-]*$/;

/**
 * The link back to the page in take-away material: its address, and the fragment only when it
 * is one the page writes (the scenario's writes). Whatever else a crafted link put there would
 * be copied as it is: into a published handout, Markdown for an image.
 */
export function linkBack(href: string): string {
  const url = new URL(href);
  if (!OWN_FRAGMENT.test(url.hash)) url.hash = "";
  return url.href;
}

/**
 * A GitHub-flavoured Markdown table under a few lines of context and the link back; pipes are
 * escaped. The link is an autolink (CommonMark §6.5), whose text is never read as Markdown, and
 * without a fragment the page did not write (`linkBack`).
 */
export function toMarkdown(table: Table, context: readonly string[], link: string): string {
  const cell = (v: string) => v.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const line = (r: readonly string[]) => `| ${r.map(cell).join(" | ")} |`;
  return [
    ...[...context, `<${linkBack(link)}>`].map((c) => `${c}  `),
    "",
    line(table.header),
    line(table.header.map(() => "---")),
    ...table.rows.map(line),
    "",
  ].join("\n");
}

/**
 * Greedy word wrap at `width` characters (SVG text does not wrap by itself); a longer word (a
 * link) is cut into pieces of that width.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => w.match(new RegExp(`.{1,${String(width)}}`, "gu")) ?? []);
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
