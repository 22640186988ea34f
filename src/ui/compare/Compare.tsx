/**
 * Compare (README, "Compare two configurations"): a second diagram beside the page's, on the
 * same writes and the same clock. It mirrors the page's document (every write issued, the
 * failure, a reset) under its own configuration, and follows the page's playhead frame by
 * frame, so a token on each side stands at the same model time. The address bar records its
 * configuration as `compare=<mode>&compareBarriers=&compareFs=&compareDisk=`.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { createDiagramStore, type DiagramStore } from "../../store/store";
import type { SessionConfig } from "../../scenario/session";
import ConfigurationLine from "../controls/ConfigurationLine";
import { Summary } from "../panels/Summary";

export { Summary } from "../panels/Summary";
import { StoreContext, useDiagram, useDiagramStore } from "../app/useDiagram";
import { CACHE_MODES } from "../../model/config";
import { COMPARE } from "../../text/compare";
import { PAGE } from "../../text/page";

/** The compared configuration in the address bar (beside the page's own parameters). */
function writeCompareUrl(config: SessionConfig | null) {
  const params = new URLSearchParams(window.location.search);
  const fields = {
    compare: config?.mode,
    compareBarriers: config ? (config.guestBarriers ? "on" : "off") : undefined,
    compareFs: config?.guestFs,
    compareDisk: config?.diskCache,
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) params.delete(name);
    else params.set(name, value);
  }
  try {
    const search = params.toString().replace(/%40/g, "@").replace(/%2C/g, ",");
    window.history.replaceState(null, "", `${window.location.pathname}?${search}`);
  } catch {
    // A sandboxed frame may refuse: the comparison works on, without a live link.
  }
}

/** Keeps `right` on `left`'s writes, failure and playhead; returns the unsubscribe. */
export function mirror(left: DiagramStore, right: DiagramStore): () => void {
  const copy = () => {
    const l = left.getState();
    right.getState().load({ ...l.toScenario(), config: right.getState().toScenario().config });
    right.getState().follow(l.playhead.tMs);
  };
  copy();
  return left.subscribe((state, prev) => {
    if (state.ops !== prev.ops || state.failure !== prev.failure) copy();
    else if (state.playhead !== prev.playhead) right.getState().follow(state.playhead.tMs);
  });
}

interface CompareProps {
  readonly config: SessionConfig;
  readonly onClose: () => void;
  /**
   * The drawing, made by the page (`<Diagram />`) and rendered here, under the compared store:
   * this chunk then does not import the page's diagram module, which split the first view's
   * code into more files when it did.
   */
  readonly drawing: ReactNode;
}

/** The compared side: its mode, its drawing, its numbers, its latency chart and its ledger. */
export default function Compare({ config, onClose, drawing }: CompareProps) {
  const left = useDiagramStore();
  const [right] = useState(() => createDiagramStore(config));
  useEffect(() => mirror(left, right), [left, right]);
  useEffect(() => {
    writeCompareUrl(right.getState().config);
    const unsubscribe = right.subscribe((state, prev) => {
      if (state.config !== prev.config) writeCompareUrl(state.config);
    });
    return () => {
      unsubscribe();
      writeCompareUrl(null);
    };
  }, [right]);
  return (
    <StoreContext.Provider value={right}>
      <section className="compared" aria-label={COMPARE.region}>
        <div className="compared-head">
          <CompareMode />
          <button type="button" onClick={onClose}>
            {COMPARE.close}
          </button>
        </div>
        <ConfigurationLine withMode />
        {drawing}
        <Summary name={COMPARE.run} />
        <ComparedLedger />
      </section>
    </StoreContext.Provider>
  );
}

function CompareMode() {
  const mode = useDiagram((s) => s.config.mode);
  const setConfig = useDiagram((s) => s.setConfig);
  return (
    <label>
      {COMPARE.with}{" "}
      <select
        value={mode}
        onChange={(e) => {
          setConfig({ mode: e.currentTarget.value as SessionConfig["mode"] });
        }}
      >
        {CACHE_MODES.map((m) => (
          <option key={m} value={m}>
            {COMPARE.mode(m)}
          </option>
        ))}
      </select>
    </label>
  );
}

// The same module as the page's own ledger (one chunk, loaded once).
const BelowStage = lazy(() => import("../panels/BelowStage"));

function ComparedLedger() {
  const mode = useDiagram((s) => s.config.mode);
  return (
    <Suspense fallback={<p className="loading">{PAGE.loadingLedger}</p>}>
      <BelowStage only="compared" compared={COMPARE.which(mode)} />
    </Suspense>
  );
}

/**
 * The compared configuration a link asks for (its `compare*` parameters, read with the page's
 * own reader, so a bad value gets the same notice, naming the parameter), or the page's
 * configuration under another mode when it asks none.
 */
export function comparedConfig(
  search: string | null,
  page: SessionConfig,
  readUrlConfig: (search: string) => { config: SessionConfig; notices: readonly string[] },
): { config: SessionConfig; notices: string[] } {
  if (search === null) {
    return {
      config: { ...page, mode: page.mode === "writeback" ? "none" : "writeback" },
      notices: [],
    };
  }
  const params = new URLSearchParams(search);
  const as = new URLSearchParams();
  const names = [
    ["compare", "mode"],
    ["compareBarriers", "barriers"],
    ["compareFs", "fs"],
    ["compareDisk", "disk"],
  ] as const;
  for (const [from, to] of names) {
    const value = params.get(from);
    if (value !== null) as.set(to, value);
  }
  const read = readUrlConfig(`?${as.toString()}`);
  const notices = read.notices.map((n) =>
    names.reduce((text, [from, to]) => text.replace(`“${to}”`, `“${from}”`), n),
  );
  return { config: { ...page, ...pick(read.config, params) }, notices };
}

/** The fields the link set; the others stay the page's. */
function pick(config: SessionConfig, params: URLSearchParams): Partial<SessionConfig> {
  return {
    mode: config.mode,
    ...(params.has("compareBarriers") ? { guestBarriers: config.guestBarriers } : {}),
    ...(params.has("compareFs") ? { guestFs: config.guestFs } : {}),
    ...(params.has("compareDisk") ? { diskCache: config.diskCache } : {}),
  };
}
