/**
 * Take-away material (issue 9): the ledger as CSV and Markdown, and the current frame of the
 * diagram as a standalone SVG or a PNG, with a footer saying what it shows (the event line, the
 * configuration, the model time) and the link that reopens it. Everything is made in the page:
 * nothing is sent anywhere.
 */
import type { OpResult } from "../../model/timeline";
import { formatModelTime } from "../../text/format";
import { struck, type DiagramState } from "../../store/store";
import type { SessionConfig } from "../../scenario/session";
import { ledgerCells } from "../../text/ledger";
import { AFTER_FAILURE, KIND_NAME } from "../../text/vocabulary";

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Every operation's ledger row at the committed instant (all of them, not only those in view). */
export function ledgerTable(
  state: Pick<DiagramState, "failure" | "tMs"> & {
    readonly timeline: { ops: readonly OpResult[] };
  },
): Table {
  const failure = struck(state) ? state.failure : null;
  const header = ["#", "Write", "Issued at", "Data now", "Acknowledged", "Durable"];
  if (failure) header.push(AFTER_FAILURE[failure.kind]);
  const rows = state.timeline.ops.map((op) => {
    const c = ledgerCells(op, state.tMs, failure);
    const row = [String(c.index), KIND_NAME[c.kind], c.issuedAt, c.where, c.acked, c.durable];
    if (c.survival !== null) row.push(c.survival);
    return row;
  });
  return { header, rows };
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

/** A GitHub-flavoured Markdown table under a few lines of context; pipes are escaped. */
export function toMarkdown(table: Table, context: readonly string[]): string {
  const cell = (v: string) => v.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const line = (r: readonly string[]) => `| ${r.map(cell).join(" | ")} |`;
  return [
    ...context.map((c) => `${c}  `),
    "",
    line(table.header),
    line(table.header.map(() => "---")),
    ...table.rows.map(line),
    "",
  ].join("\n");
}

/** "cache=none · ext4 guest, barriers on · drive cache volatile · faults: none · at 14.161 ms". */
export function configurationLine(config: SessionConfig, tMs: number): string {
  const faults = [
    config.diskFlush === "ignored" ? "drive ignores flushes" : null,
    config.hostBarriers ? null : "host filesystem without barriers",
    config.reorder ? "disk reorders writes" : null,
  ].filter(Boolean);
  return [
    `cache=${config.mode}`,
    `${config.guestFs} guest, barriers ${config.guestBarriers ? "on" : "off"}`,
    `drive write cache ${config.diskCache}`,
    `faults: ${faults.length ? faults.join(", ") : "none"}`,
    `model time ${formatModelTime(tMs)}`,
  ].join(" · ");
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

const SVG_NS = "http://www.w3.org/2000/svg";
const FOOTER_LINE = 18;

/** Text as XML character data. */
function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The diagram as drawn now, as one standalone SVG document: the stack, the tokens' layer over it
 * (its SVG, or past CANVAS_FROM tokens the markup of what the canvas painted: src/anim/canvas.ts),
 * the page's style rules, and the footer lines under the drawing. Written as text from the live
 * nodes, never cloned into the page: a clone's `style` attribute (the loop hides covered tokens
 * with one) would be applied anew, which the page's Content-Security-Policy refuses.
 */
export function frameSvg(
  stack: SVGSVGElement,
  tokens: SVGSVGElement | string | null,
  footer: readonly string[],
): string {
  const box = stack.viewBox.baseVal;
  const height = box.height + 12 + footer.length * FOOTER_LINE;
  const serializer = new XMLSerializer();
  const nodes = (parent: Node | null) =>
    [...(parent?.childNodes ?? [])].map((child) => serializer.serializeToString(child)).join("");
  return [
    `<svg xmlns="${SVG_NS}" class="stack" viewBox="0 0 ${String(box.width)} ${String(height)}"`,
    ` width="${String(box.width * 2)}" height="${String(height * 2)}">`,
    `<style>${xmlText(pageCss())}</style>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    nodes(stack),
    typeof tokens === "string" ? tokens : nodes(tokens),
    ...footer.map(
      (text, i) =>
        `<text x="8" y="${String(box.height + 12 + (i + 0.7) * FOOTER_LINE)}" font-size="13"` +
        ` fill="#1b1b1b">${xmlText(text)}</text>`,
    ),
    "</svg>",
  ].join("");
}

/** The page's own style rules (same origin), so the exported drawing looks as it does here. */
function pageCss(): string {
  return [...document.styleSheets]
    .flatMap((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText);
      } catch {
        return [];
      }
    })
    .join("\n");
}

/** Rasterises an SVG document at its own width and height (set by frameSvg at 2× the drawing). */
export async function svgToPng(svgText: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext("2d")?.drawImage(image, 0, 0);
    return await new Promise<Blob>((done, fail) => {
      canvas.toBlob((blob) => {
        if (blob) done(blob);
        else fail(new Error("the browser could not make a PNG"));
      }, "image/png");
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` under `name` through the browser's download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  // Revoked after the click has been handled: some browsers read the URL asynchronously.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
