/**
 * Compare (README, "Compare two configurations"): a second diagram beside the page's, on the
 * same writes and the same clock. It mirrors the page's document (every write issued, the
 * failure, a reset) under its own configuration, and follows the page's playhead frame by
 * frame, so a token on each side stands at the same model time. The address bar records its
 * configuration as `compare=<mode>&compareBarriers=&compareFs=&compareDisk=`.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { createDiagramStore, type DiagramStore } from "../../store/store";
import type { SessionConfig } from "../../scenario/session";
import ConfigurationLine from "../controls/ConfigurationLine";
import { Summary } from "../panels/Summary";
import { Verdict } from "../stage/Verdict";

export { Summary } from "../panels/Summary";
import { StoreContext, useDiagram, useDiagramStore } from "../app/useDiagram";
import { CACHE_MODES, CONFIG_FIELDS, CONFIG_KEYS, type ConfigKey } from "../../model/config";
import { paramText } from "../../scenario/params";
import { scenarioConfig } from "../../scenario/session";
import { COMPARE } from "../../text/compare";
import { PAGE } from "../../text/page";

/**
 * The fields the compared diagram has its own value of: each with the page's parameter for it
 * and the compared diagram's (`fs`, `compareFs`).
 */
const OWN = CONFIG_KEYS.flatMap((key) => {
  const { param, compare } = CONFIG_FIELDS[key];
  return compare === null ? [] : [{ key, param, compare }];
});
/** The fields the compared diagram takes from the page (the faults): on reload as live. */
const FROM_PAGE: readonly ConfigKey[] = CONFIG_KEYS.filter(
  (key) => CONFIG_FIELDS[key].compare === null,
);

/** `config`'s values of the fields the compared diagram takes from the page. */
function pageFields(config: SessionConfig): Partial<SessionConfig> {
  return Object.fromEntries(FROM_PAGE.map((key) => [key, config[key]]));
}

/**
 * The query string `search` with the compared configuration's parameters (beside the page's own),
 * or without them when `config` is null.
 */
export function writeCompareSearch(search: string, config: SessionConfig | null): string {
  const params = new URLSearchParams(search);
  for (const { key, compare } of OWN) {
    if (config === null) params.delete(compare);
    else params.set(compare, paramText(config[key]));
  }
  return `?${params.toString().replace(/%40/g, "@").replace(/%2C/g, ",")}`;
}

/** The compared configuration in the address bar (its fragment, the writes, kept). */
function writeCompareUrl(config: SessionConfig | null) {
  try {
    const search = writeCompareSearch(window.location.search, config);
    const { pathname, hash } = window.location;
    window.history.replaceState(null, "", `${pathname}${search}${hash}`);
  } catch {
    // A sandboxed frame may refuse: the comparison works on, without a live link.
  }
}

/**
 * Keeps `right` on `left`'s writes, failure and playhead, and on the fields it takes from the
 * page (as `comparedConfig` reads them from a link); returns the unsubscribe.
 */
export function mirror(left: DiagramStore, right: DiagramStore): () => void {
  const copy = () => {
    const l = left.getState();
    const config = { ...right.getState().config, ...pageFields(l.config) };
    right.getState().load({ ...l.toScenario(), config: scenarioConfig(config) });
    right.getState().follow(l.playhead.tMs);
  };
  copy();
  return left.subscribe((state, prev) => {
    const pageChanged = FROM_PAGE.some((key) => state.config[key] !== prev.config[key]);
    if (state.ops !== prev.ops || state.failure !== prev.failure || pageChanged) copy();
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
  /**
   * Whether to bring the compared side into view and move focus to it (the button opened it;
   * a link's comparison leaves the page where it is).
   */
  readonly show?: boolean;
}

/** The compared side: its mode, its drawing, its numbers, its latency chart and its ledger. */
export default function Compare({ config, onClose, drawing, show = false }: CompareProps) {
  const left = useDiagramStore();
  const region = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!show) return;
    region.current?.focus({ preventScroll: true });
    region.current?.scrollIntoView({ block: "nearest" });
  }, [show]);
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
      <section className="compared" aria-label={COMPARE.region} ref={region} tabIndex={-1}>
        <div className="compared-head">
          <CompareMode />
          <button type="button" onClick={onClose}>
            {COMPARE.close}
          </button>
        </div>
        <ConfigurationLine withMode />
        {drawing}
        <ComparedVerdict />
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

function ComparedVerdict() {
  const mode = useDiagram((s) => s.config.mode);
  return <Verdict name={COMPARE.verdict(mode)} />;
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
  const set = OWN.filter(({ compare }) => params.has(compare));
  for (const { param, compare } of set) as.set(param, params.get(compare) ?? "");
  const read = readUrlConfig(`?${as.toString()}`);
  const notices = read.notices.map((n) =>
    OWN.reduce((text, { param, compare }) => text.replace(`“${param}”`, `“${compare}”`), n),
  );
  // The fields the link sets; the others are the page's.
  const own = Object.fromEntries(set.map(({ key }) => [key, read.config[key]]));
  return { config: { ...page, ...own }, notices };
}
