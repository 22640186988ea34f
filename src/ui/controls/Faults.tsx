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
import { FAULT, FAULT_EFFECT, FAULTS, faultsOn, type FaultEffect } from "../../text/faults";

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

/** What a fault does here: only a volatile drive cache can be left full (§4). */
function faultEffect(config: SessionConfig): FaultEffect {
  const fault = hostFlushFault(config);
  if (fault === null && config.diskFlush === "honoured" && config.hostBarriers) return "none";
  if (fault === null) return config.diskCache === "off" ? "cache-off" : "cache-battery";
  if (effectiveFault(modelConfig(config)) === null) return "no-effect";
  return fault;
}

export default function Faults() {
  const config = useDiagram((s) => s.config);
  const setConfig = useDiagram((s) => s.setConfig);
  const load = useDiagram((s) => s.load);
  const id = useId();
  const on = faultsOn(config);
  return (
    <details className="faults" open={on.length > 0 ? true : undefined}>
      <summary>{FAULTS.summary(on)}</summary>
      <Check
        id={`${id}-drive`}
        label={FAULT.diskFlush.check}
        checked={config.diskFlush === "ignored"}
        onChange={(ignored) => {
          setConfig({ diskFlush: ignored ? "ignored" : "honoured" });
        }}
        describedBy={`${id}-line`}
      />
      <Check
        id={`${id}-host`}
        label={FAULT.hostBarriers.check}
        checked={!config.hostBarriers}
        onChange={(without) => {
          setConfig({ hostBarriers: !without });
        }}
        describedBy={`${id}-line`}
      />
      <p id={`${id}-line`} className="hint">
        {FAULT_EFFECT[faultEffect(config)]}
      </p>
      <Check
        id={`${id}-reorder`}
        label={FAULT.reorder.check}
        checked={config.reorder}
        onChange={(reorder) => {
          setConfig({ reorder });
        }}
        describedBy={`${id}-reorder-line`}
      />
      <p id={`${id}-reorder-line`} className="hint">
        {FAULTS.reorder(config.reorder)}
      </p>
      <button
        type="button"
        onClick={() => {
          const { doc, atMs } = reorderingDemo();
          load(toScenarioDoc(doc), atMs);
        }}
      >
        {FAULTS.demo}
      </button>
    </details>
  );
}
