import { lazy, Suspense, useEffect, useState } from "react";
import { createDiagramStore } from "../store/store";
import { Configuration, ModeStrip } from "./Configuration";
import { Diagram } from "./Diagram";
import { EventLine } from "./EventLine";
import { Notices } from "./Notices";
import { Toolbar } from "./Toolbar";
import { readUrlConfig, writeUrlConfig } from "./url";
import { StoreContext } from "./useDiagram";
import "./app.css";

// Not part of the first view: loaded after it, or when the reader opens it.
const BelowStage = lazy(() => import("./BelowStage"));
const SafetyMatrix = lazy(() => import("./SafetyMatrix"));
// Beside the stage, but its words are long: it arrives a moment after the drawing, in a box
// already sized for it so nothing moves.
const Verdict = lazy(() => import("./Verdict").then((m) => ({ default: m.Verdict })));

function replaceUrl(search: string) {
  window.history.replaceState(
    null,
    "",
    `${window.location.pathname}${search}${window.location.hash}`,
  );
}

/**
 * The page: the stage first (the cache-mode strip directly above the diagram; beside it the
 * guest and disk, the buttons, the event line and the verdict), then the key, the ledger, what
 * the configuration means and the safety matrix.
 */
export function App() {
  const [matrixOpen, setMatrixOpen] = useState(false);
  const [{ store, initialNotices }] = useState(() => {
    const { config, notices } = readUrlConfig(window.location.search);
    return { store: createDiagramStore(config), initialNotices: notices };
  });
  const [notices, setNotices] = useState(initialNotices);

  useEffect(() => {
    // A bad parameter is replaced at once, so a copied link carries what the page shows.
    if (initialNotices.length > 0)
      replaceUrl(writeUrlConfig(window.location.search, store.getState().config));
    // The URL follows the configuration, in place (no history entry per click); the notices
    // about the URL it was opened with are stale from the first change on.
    return store.subscribe((state, prev) => {
      if (state.config === prev.config) return;
      replaceUrl(writeUrlConfig(window.location.search, state.config));
      setNotices([]);
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
