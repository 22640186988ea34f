/**
 * Taking the scenario away and bringing one back: "Copy link" (the URL carries the whole
 * scenario and the moment), "Export scenario" (the JSON `npm run scenario` reads) and "Open
 * scenario" (a file; a bad one gets a clear message and leaves the page as it was); and material
 * for a slide or a page: this frame as SVG or PNG, the ledger as CSV or Markdown (./exports.ts).
 * "Share" (the link and the snippets to embed it, ./ShareDialog.tsx) and "Import VM
 * configuration" (./ImportVm.tsx) stand in the page's top bar (src/ui/app/App.tsx).
 */
import { useState } from "react";
import { parseScenario } from "../../scenario/schema";
import { MAX_WRITES } from "../../scenario/limit";
import { decodeScenarioFile } from "../../scenario/text";
import { longLinkWarning } from "../../link/urlWrite";
import { download, frameSvg, svgToPng } from "./exports";
import { JsonFilePicker } from "./JsonFilePicker";
import { configurationLine } from "../../text/configuration";
import { ledgerTable, linkBack, toCsv, toMarkdown, wrap } from "../../text/exports";
import { problemLine } from "../../text/scenario";
import { SHARE } from "../../text/share";
import { useDiagram, useDiagramStore } from "../app/useDiagram";
import { paintedMarkup } from "../../anim/canvas";
import { addressWritten } from "../../link/urlSync";

/** Characters per footer line under an exported frame (13-unit type across the drawing). */
const FOOTER_WIDTH = 95;

/**
 * A scenario file larger than this cannot be one the page keeps (MAX_WRITES writes, exported
 * pretty-printed, are about 60 bytes each: 0.3 MB).
 */
const MAX_FILE_BYTES = 1024 * 1024;

export function Share() {
  const store = useDiagramStore();
  const toScenario = useDiagram((s) => s.toScenario);
  const load = useDiagram((s) => s.load);
  const mode = useDiagram((s) => s.config.mode);
  const [status, setStatus] = useState("");

  const copyLink = async () => {
    try {
      // The address bar is rewritten at background priority after a change: wait for it.
      await addressWritten();
      const href = window.location.href;
      await navigator.clipboard.writeText(href);
      const warning = longLinkWarning(href);
      setStatus(SHARE.linkCopied(warning));
    } catch {
      setStatus(SHARE.clipboardRefused);
    }
  };

  const exportScenario = () => {
    const json = `${JSON.stringify(toScenario(), null, 2)}\n`;
    const name = `kvm-cache-${mode}.json`;
    download(new Blob([json], { type: "application/json" }), name);
    setStatus(SHARE.exported(name));
  };

  // What the footer of a picture and the head of a table say: what is shown, and the link back.
  const context = (root: Element | null) => {
    const state = store.getState();
    const said = root?.querySelector(".event")?.textContent.trim() ?? "";
    return {
      state,
      lines: [said, configurationLine(state.config, state.tMs)].filter(Boolean),
      link: linkBack(window.location.href),
    };
  };
  const base = () => `kvm-cache-${mode}`;

  const exportTable = (format: "csv" | "md", root: Element | null) => {
    const { state, lines, link } = context(root);
    const table = ledgerTable(state);
    const [text, type] =
      format === "csv"
        ? [toCsv(table), "text/csv"]
        : [
            toMarkdown(table, [SHARE.ledgerTitle, ...lines, ...(table.notes ?? [])], link),
            "text/markdown",
          ];
    download(new Blob([text], { type }), `${base()}.${format}`);
    setStatus(SHARE.exportedTable(`${base()}.${format}`, table.rows.length));
  };

  const exportFrame = async (format: "svg" | "png", root: Element | null) => {
    const stack = root?.querySelector<SVGSVGElement>("svg.stack") ?? null;
    if (!stack) return;
    const painted = root?.querySelector<HTMLCanvasElement>("canvas.stack-tokens");
    const tokens = painted
      ? paintedMarkup(painted)
      : (root?.querySelector<SVGSVGElement>("svg.stack-tokens") ?? null);
    const { lines, link } = context(root);
    const footer = [...lines, link].flatMap((line) => wrap(line, FOOTER_WIDTH));
    const svg = frameSvg(stack, tokens, footer);
    try {
      const blob =
        format === "svg" ? new Blob([svg], { type: "image/svg+xml" }) : await svgToPng(svg);
      download(blob, `${base()}.${format}`);
      setStatus(SHARE.exportedFrame(`${base()}.${format}`));
    } catch (error) {
      setStatus(SHARE.frameFailed(format.toUpperCase(), String(error)));
    }
  };

  const openScenario = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setStatus(SHARE.tooLarge(file.name));
      return;
    }
    const decoded = decodeScenarioFile(new Uint8Array(await file.arrayBuffer()));
    const result = decoded.ok ? parseScenario(decoded.text) : decoded;
    if (!result.ok) {
      setStatus(SHARE.invalid(file.name, problemLine(result.problem)));
      return;
    }
    // The page's one limit (src/scenario/limit.ts): what it opens, it can keep.
    if (result.scenario.ops.length > MAX_WRITES) {
      setStatus(SHARE.tooManyWrites(file.name, result.scenario.ops.length, MAX_WRITES));
      return;
    }
    load(result.scenario);
    setStatus(SHARE.opened(file.name));
  };

  return (
    <div className="share">
      <div className="buttons" role="group" aria-label={SHARE.group}>
        <button type="button" onClick={() => void copyLink()}>
          {SHARE.copyLink}
        </button>
        <button type="button" onClick={exportScenario}>
          {SHARE.exportScenario}
        </button>
        <JsonFilePicker
          face={SHARE.openScenarioFace}
          label={SHARE.openScenario}
          onFile={(file) => void openScenario(file)}
        />
      </div>
      <div className="buttons" role="group" aria-label={SHARE.exportGroup}>
        {(["svg", "png"] as const).map((format) => (
          <button
            key={format}
            type="button"
            onClick={(e) => void exportFrame(format, e.currentTarget.closest("main"))}
          >
            {SHARE.download(format.toUpperCase())}
          </button>
        ))}
        {(
          [
            ["csv", SHARE.csv],
            ["md", SHARE.markdown],
          ] as const
        ).map(([format, name]) => (
          <button
            key={format}
            type="button"
            onClick={(e) => {
              exportTable(format, e.currentTarget.closest("main"));
            }}
          >
            {SHARE.download(name)}
          </button>
        ))}
      </div>
      <p className="share-status" role="status">
        {status}
      </p>
    </div>
  );
}
