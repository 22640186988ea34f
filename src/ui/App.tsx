import { lazy, Suspense, useEffect, useState } from "react";
import { toScenarioDoc } from "../store/session";
import { createDiagramStore } from "../store/store";
import { Configuration, ModeStrip } from "./Configuration";
import { Diagram } from "./Diagram";
import { EventLine } from "./EventLine";
import { Notices } from "./Notices";
import { Toolbar } from "./Toolbar";
import { readUrlScenario } from "./url";
import { StoreContext } from "./useDiagram";
import "./app.css";

// Not part of the first view: loaded after it, or when the reader opens it.
const BelowStage = lazy(() => import("./BelowStage"));
const SafetyMatrix = lazy(() => import("./SafetyMatrix"));
// Beside the stage, but its words are long: it arrives a moment after the drawing, in a box
// already sized for it so nothing moves.
const Share = lazy(() => import("./Share").then((m) => ({ default: m.Share })));
const Verdict = lazy(() => import("./Verdict").then((m) => ({ default: m.Verdict })));

function replaceUrl(search: string) {
  try {
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  } catch {
    // A sandboxed frame (an opaque origin) may refuse: the page works on, without a live link.
  }
}

/**
 * The page: the stage first (the cache-mode strip directly above the diagram; beside it the
 * guest and disk, the buttons, the event line and the verdict), then the key, the ledger, what
 * the configuration means and the safety matrix.
 */
export function App() {
  const [matrixOpen, setMatrixOpen] = useState(false);
  const [{ store, initialNotices }] = useState(() => {
    const { doc, tMs, notices } = readUrlScenario(window.location.search);
    const created = createDiagramStore(doc.config);
    if (doc.ops.length > 0 || doc.crash) created.getState().load(toScenarioDoc(doc), tMs ?? 0);
    return { store: created, initialNotices: notices };
  });
  const [notices, setNotices] = useState(initialNotices);

  useEffect(() => {
    // The writer loads with the first change (it is not needed to show the page); changes made
    // while a write is pending are carried by it, since it reads the state when it runs.
    let pending = false;
    const write = () => {
      if (pending) return;
      pending = true;
      void import("./urlWrite").then(({ writeUrlScenario }) => {
        pending = false;
        const s = store.getState();
        replaceUrl(
          writeUrlScenario(
            window.location.search,
            { config: s.config, ops: s.ops, crash: s.failure },
            s.tMs,
          ),
        );
      });
    };
    // A bad parameter is replaced at once, so a copied link carries what the page shows.
    if (initialNotices.length > 0) write();
    // The URL follows the document and, whenever playback rests, the playhead: in place (no
    // history entry per click, and none per frame). The notices about the URL the page was
    // opened with are stale from the first change of the document on.
    return store.subscribe((state, prev) => {
      const document =
        state.config !== prev.config || state.ops !== prev.ops || state.failure !== prev.failure;
      const rested = !state.playing && (state.tMs !== prev.tMs || prev.playing);
      if (document || rested) write();
      if (document) setNotices([]);
    });
  }, [store, initialNotices]);

  return (
    <StoreContext.Provider value={store}>
      <main>
        <header className="topbar">
          <h1>KVM cache modes</h1>
          <p className="lede">
            Where a KVM guest&apos;s writes stop before it is told &ldquo;done&rdquo;, under each
            QEMU cache mode, and what a failure destroys.
          </p>
        </header>
        <Notices notices={notices} />
        <section className="session" aria-label="Simulation">
          <div className="workspace">
            <div className="stage">
              <ModeStrip />
              <Diagram />
            </div>
            <div className="side">
              <Configuration />
              <Toolbar />
              <EventLine />
              <Suspense fallback={<section className="verdict" aria-label="Verdict" />}>
                <Verdict />
              </Suspense>
              <Suspense fallback={null}>
                <Share />
              </Suspense>
            </div>
          </div>
          <Suspense fallback={<p className="loading">Loading the ledger…</p>}>
            <BelowStage />
          </Suspense>
        </section>
        <details
          className="matrix-panel"
          onToggle={(e) => {
            setMatrixOpen(e.currentTarget.open);
          }}
        >
          <summary>
            <h2>Safety matrix: every mode at a glance</h2>
          </summary>
          {matrixOpen ? (
            <Suspense fallback={<p>Computing the matrix…</p>}>
              <SafetyMatrix />
            </Suspense>
          ) : null}
        </details>
        <p className="source">
          After G. Danti, &ldquo;KVM storage performance and cache settings on Red Hat Enterprise
          Linux 6.2&rdquo; (2012). The rules and their sources: docs/model.md in the project.
        </p>
      </main>
    </StoreContext.Provider>
  );
}
