/**
 * Faults below QEMU (docs/model.md §4): what every "safe" verdict assumes away. Folded, since
 * most readers want the article's stack; the summary says which are on.
 */
import { useId } from "react";
import { effectiveFault, hostFlushFault } from "../model/rules";
import { modelConfig, type SessionConfig } from "../store/session";
import { useDiagram } from "./useDiagram";

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
  const id = useId();
  const on = [
    config.diskFlush === "ignored" ? "drive ignores flushes" : null,
    config.hostBarriers ? null : "host without barriers",
  ].filter(Boolean);
  return (
    <details className="faults" open={on.length > 0 ? true : undefined}>
      <summary>Faults: {on.length > 0 ? on.join(", ") : "none"}</summary>
      <span className="check">
        <input
          type="checkbox"
          id={`${id}-drive`}
          checked={config.diskFlush === "ignored"}
          onChange={(e) => {
            setConfig({ diskFlush: e.currentTarget.checked ? "ignored" : "honoured" });
          }}
          aria-describedby={`${id}-line`}
        />
        <label htmlFor={`${id}-drive`}>Drive ignores flushes</label>
      </span>
      <span className="check">
        <input
          type="checkbox"
          id={`${id}-host`}
          checked={!config.hostBarriers}
          onChange={(e) => {
            setConfig({ hostBarriers: !e.currentTarget.checked });
          }}
          aria-describedby={`${id}-line`}
        />
        <label htmlFor={`${id}-host`}>Host filesystem without barriers</label>
      </span>
      <p id={`${id}-line`} className="hint">
        {faultLine(config)}
      </p>
    </details>
  );
}
