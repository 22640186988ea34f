/**
 * Taking the scenario away and bringing one back: "Copy link" (the URL carries the whole
 * scenario and the moment), "Export scenario" (the JSON `npm run scenario` reads) and "Open
 * scenario" (a file; a bad one gets a clear message and leaves the page as it was); and material
 * for a slide or a page: this frame as SVG or PNG, the ledger as CSV or Markdown (./exports.ts).
 * "Share" gives the link and the snippets to embed it (./ShareDialog.tsx); "Import VM
 * configuration" sets the cache mode from a pasted VM configuration (./ImportVm.tsx).
 */
import { useState, type ChangeEvent } from "react";
import { parseScenario } from "../../scenario/schema";
import { MAX_URL_OPS } from "../../link/url";
import { longLinkWarning } from "../../link/urlWrite";
import {
  configurationLine,
  download,
  frameSvg,
  ledgerTable,
  svgToPng,
  toCsv,
  toMarkdown,
  wrap,
} from "./exports";
import { useDiagram, useDiagramStore } from "../app/useDiagram";
import ImportVm from "./ImportVm";
import ShareDialog from "./ShareDialog";
import { paintedMarkup } from "../../anim/canvas";
import { addressWritten } from "../../link/urlSync";

/** Characters per footer line under an exported frame (13-unit type across the drawing). */
const FOOTER_WIDTH = 95;

/** A scenario file larger than this cannot be one the page could show (MAX_URL_OPS writes). */
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
      setStatus(
        `Link copied: it opens this scenario at this moment.${warning ? ` ${warning}` : ""}`,
      );
    } catch {
      setStatus(
        "The browser refused the clipboard: copy the address bar instead, it holds the same link.",
      );
    }
  };

  const exportScenario = () => {
    const json = `${JSON.stringify(toScenario(), null, 2)}\n`;
    const name = `kvm-cache-${mode}.json`;
    download(new Blob([json], { type: "application/json" }), name);
    setStatus(`Exported ${name}: npm run scenario reads it.`);
  };

  // What the footer of a picture and the head of a table say: what is shown, and the link back.
  const context = (root: Element | null) => {
    const state = store.getState();
    const said = root?.querySelector(".event")?.textContent.trim() ?? "";
    return {
      state,
      lines: [said, configurationLine(state.config, state.tMs), window.location.href].filter(
        Boolean,
      ),
    };
  };
  const base = () => `kvm-cache-${mode}`;

  const exportTable = (format: "csv" | "md", root: Element | null) => {
    const { state, lines } = context(root);
    const table = ledgerTable(state);
    const [text, type] =
      format === "csv"
        ? [toCsv(table), "text/csv"]
        : [toMarkdown(table, ["KVM cache modes: the ledger", ...lines]), "text/markdown"];
    download(new Blob([text], { type }), `${base()}.${format}`);
    setStatus(`Exported ${base()}.${format}: the ledger, ${String(table.rows.length)} rows.`);
  };

  const exportFrame = async (format: "svg" | "png", root: Element | null) => {
    const stack = root?.querySelector<SVGSVGElement>("svg.stack") ?? null;
    if (!stack) return;
    const painted = root?.querySelector<HTMLCanvasElement>("canvas.stack-tokens");
    const tokens = painted
      ? paintedMarkup(painted)
      : (root?.querySelector<SVGSVGElement>("svg.stack-tokens") ?? null);
    const footer = context(root).lines.flatMap((line) => wrap(line, FOOTER_WIDTH));
    const svg = frameSvg(stack, tokens, footer);
    try {
      const blob =
        format === "svg" ? new Blob([svg], { type: "image/svg+xml" }) : await svgToPng(svg);
      download(blob, `${base()}.${format}`);
      setStatus(`Exported ${base()}.${format}: this frame, with what it shows and its link.`);
    } catch (error) {
      setStatus(`The ${format.toUpperCase()} could not be made: ${String(error)}.`);
    }
  };

  const openScenario = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus(`${file.name} is not opened: larger than 1 MiB, more than the page can show.`);
      return;
    }
    const result = parseScenario(await file.text());
    if (!result.ok) {
      setStatus(`${file.name} is not opened (${result.error}); nothing changed.`);
      return;
    }
    if (result.scenario.ops.length > MAX_URL_OPS) {
      setStatus(
        `${file.name} is not opened: ${String(result.scenario.ops.length)} writes, the page shows at most ${String(MAX_URL_OPS)} (npm run scenario takes it).`,
      );
      return;
    }
    load(result.scenario);
    setStatus(`Opened ${file.name}.`);
  };

  return (
    <div className="share">
      <div className="buttons" role="group" aria-label="Share">
        <ShareDialog />
        <button type="button" onClick={() => void copyLink()}>
          Copy link
        </button>
        <button type="button" onClick={exportScenario}>
          Export scenario
        </button>
        <label className="file">
          <span aria-hidden="true">Open scenario…</span>
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Open scenario"
            onChange={(e) => void openScenario(e)}
          />
        </label>
        <ImportVm />
      </div>
      <div className="buttons" role="group" aria-label="Export">
        {(["svg", "png"] as const).map((format) => (
          <button
            key={format}
            type="button"
            onClick={(e) => void exportFrame(format, e.currentTarget.closest("main"))}
          >
            Download {format.toUpperCase()}
          </button>
        ))}
        {(
          [
            ["csv", "CSV"],
            ["md", "Markdown"],
          ] as const
        ).map(([format, name]) => (
          <button
            key={format}
            type="button"
            onClick={(e) => {
              exportTable(format, e.currentTarget.closest("main"));
            }}
          >
            Download {name}
          </button>
        ))}
      </div>
      <p className="share-status" role="status">
        {status}
      </p>
    </div>
  );
}
