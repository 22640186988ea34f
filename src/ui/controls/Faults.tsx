/**
 * Faults below QEMU (docs/model.md §4): what every "safe" verdict assumes away. Folded, since
 * most readers want the article's stack; the summary says which are on.
 */
import { useId } from "react";
import {
  DEFAULT_CONFIG,
  simulateSession,
  toScenarioDoc,
  type SessionDoc,
} from "../../scenario/session";
import { effectiveFault, hostFlushFault } from "../../model/rules";
import { modelConfig, type SessionConfig } from "../../scenario/session";

/**
 * The reordering the article's Debian 6 guest (ext3, barriers off) is exposed to under
 * cache=none, in one click (docs/model.md §8.14): one buffered write; its 5 s journal commit
 * writes the data, waits until the virtual disk completes it (in the drive's cache), then writes
 * the commit block there; the drive writes the commit first, and the power fails between the
 * two. Times come from the model, not from here.
 */
function reorderingDemo(): { doc: SessionDoc; atMs: number } {
  const config: SessionConfig = {
    ...DEFAULT_CONFIG,
    mode: "none",
    guestFs: "ext3",
    guestBarriers: false,
    reorder: true,
  };
  const ops = [{ atMs: 0, kind: "normal" as const }];
  const calm = simulateSession({ config, ops, crash: null });
  const commitMs = calm.journalCommits.find((c) => c.block?.durableAtMs != null)?.block
    ?.durableAtMs;
  const dataMs = calm.ops[0]?.durableAtMs;
  const atMs = commitMs != null && dataMs != null ? (commitMs + dataMs) / 2 : 0;
  return { doc: { config, ops, crash: { atMs, kind: "power" } }, atMs };
}
import { Check } from "./Check";
import { useDiagram } from "../app/useDiagram";

/** What a fault does here, in a line: only a volatile drive cache can be left full (§4). */
function faultLine(config: SessionConfig): string {
  const fault = hostFlushFault(config);
  if (fault === null && config.diskFlush === "honoured" && config.hostBarriers) {
    return "Every verdict assumes flushes reach the drive and the drive obeys them.";
  }
  if (fault === null) {
    return config.diskCache === "off"
      ? "Harmless here: the drive's cache is off, so writes go straight to the platters."
      : "Harmless here: the drive's cache is battery-backed, so it is stable storage.";
  }
  if (effectiveFault(modelConfig(config)) === null) {
    return "No effect in this mode: QEMU sends nothing down that needs a flush.";
  }
  return fault === "no-host-barriers"
    ? "QEMU's writes and its fdatasync leave the data in the drive's volatile cache, and no flush is sent to the drive: blue and green end there, like gray."
    : "The drive reports every cache flush done and keeps the data in its volatile cache: blue and green end there, like gray.";
}

export default function Faults() {
  const config = useDiagram((s) => s.config);
  const setConfig = useDiagram((s) => s.setConfig);
  const load = useDiagram((s) => s.load);
  const id = useId();
  const on = [
    config.diskFlush === "ignored" ? "drive ignores flushes" : null,
    config.hostBarriers ? null : "host without barriers",
    config.reorder ? "disk reorders writes" : null,
  ].filter(Boolean);
  return (
    <details className="faults" open={on.length > 0 ? true : undefined}>
      <summary>Faults: {on.length > 0 ? on.join(", ") : "none"}</summary>
      <Check
        id={`${id}-drive`}
        label="Drive ignores flushes"
        checked={config.diskFlush === "ignored"}
        onChange={(ignored) => {
          setConfig({ diskFlush: ignored ? "ignored" : "honoured" });
        }}
        describedBy={`${id}-line`}
      />
      <Check
        id={`${id}-host`}
        label="Host filesystem without barriers"
        checked={!config.hostBarriers}
        onChange={(without) => {
          setConfig({ hostBarriers: !without });
        }}
        describedBy={`${id}-line`}
      />
      <p id={`${id}-line`} className="hint">
        {faultLine(config)}
      </p>
      <Check
        id={`${id}-reorder`}
        label="Disk reorders writes"
        checked={config.reorder}
        onChange={(reorder) => {
          setConfig({ reorder });
        }}
        describedBy={`${id}-reorder-line`}
      />
      <p id={`${id}-reorder-line`} className="hint">
        {config.reorder
          ? "Journal commits travel as blocks of their own (J), and the drive writes one ahead of data that reached it first (a choice, not a measurement). When no flush reaches the platters before a commit (guest barriers off, cache=unsafe, or either fault above) and the drive cache is volatile, a power cut between commit and data leaves the write inconsistent; here that can befall, under ext3 and ext4 alike, an O_SYNC write or a write an fsync covers (the sync commits at once) and an O_DIRECT write made just before a 5 s commit, and under ext3 every buffered write. A flush that reaches the platters before each commit prevents it; writethrough and directsync need none."
          : "Off: journal commits are not modelled as blocks, so no write is judged inconsistent; every verdict assumes the drive writes blocks in the order it received them."}
      </p>
      <button
        type="button"
        onClick={() => {
          const { doc, atMs } = reorderingDemo();
          load(toScenarioDoc(doc), atMs);
        }}
      >
        Show a reordering
      </button>
    </details>
  );
}
