/**
 * Taking the scenario away and bringing one back: "Copy link" (the URL carries the whole
 * scenario and the moment), "Export scenario" (the JSON `npm run scenario` reads) and "Open
 * scenario" (a file; a bad one gets a clear message and leaves the page as it was).
 */
import { useState, type ChangeEvent } from "react";
import { parseScenario } from "../scenario/schema";
import { MAX_URL_OPS } from "./url";
import { useDiagram } from "./useDiagram";

/** A scenario file larger than this cannot be one the page could show (MAX_URL_OPS writes). */
const MAX_FILE_BYTES = 1024 * 1024;

export function Share() {
  const toScenario = useDiagram((s) => s.toScenario);
  const load = useDiagram((s) => s.load);
  const mode = useDiagram((s) => s.config.mode);
  const [status, setStatus] = useState("");

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setStatus("Link copied: it opens this scenario at this moment.");
    } catch {
      setStatus(
        "The browser refused the clipboard: copy the address bar instead, it holds the same link.",
      );
    }
  };

  const exportScenario = () => {
    const json = `${JSON.stringify(toScenario(), null, 2)}\n`;
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `kvm-cache-${mode}.json`;
    a.click();
    URL.revokeObjectURL(url);
    setStatus(`Exported ${a.download}: npm run scenario reads it.`);
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
      </div>
      <p className="share-status" role="status">
        {status}
      </p>
    </div>
  );
}
