import { lazy, Suspense, useEffect, useState } from "react";
import type { DiagramStore } from "../store/store";
import { Configuration, ConfigurationLine, ModeStrip } from "./Configuration";
import { Diagram } from "./Diagram";
import { EventLine } from "./EventLine";
import { Notices } from "./Notices";
import { Toolbar } from "./Toolbar";
import { StoreContext } from "./useDiagram";
import type { View } from "./view";

// Not part of the first view: loaded after it, or when the reader opens it.
const BelowStage = lazy(() => import("./BelowStage"));
const SafetyMatrix = lazy(() => import("./SafetyMatrix"));
const FullViewLink = lazy(() => import("./FullViewLink"));
// Beside the stage, but its words are long: it arrives a moment after the drawing, in a box
// already sized for it so nothing moves.
const Share = lazy(() => import("./Share").then((m) => ({ default: m.Share })));
const Verdict = lazy(() => import("./Verdict").then((m) => ({ default: m.Verdict })));

interface AppProps {
  readonly store: DiagramStore;
  readonly view: View;
  /** About what the page was opened with (a bad URL parameter): stale from the first change on. */
  readonly initialNotices: readonly string[];
}

/**
 * The page: the stage first (the cache-mode strip directly above the diagram; beside it the
 * guest and disk, the buttons, the event line and the verdict), then the key, the ledger, what
 * the configuration means and the safety matrix. Embedded (docs/embedding.md): the stage with a
 * one-line configuration, the ledger only if asked, and a link to the full view.
 */
export function App({ store, view, initialNotices }: AppProps) {
  const [matrixOpen, setMatrixOpen] = useState(false);
  const [notices, setNotices] = useState(initialNotices);

  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (
          state.config !== prev.config ||
          state.ops !== prev.ops ||
          state.failure !== prev.failure
        )
          setNotices([]);
      }),
    [store],
  );

  const { embed } = view;
  return (
    <StoreContext.Provider value={store}>
      <main className={embed ? "embed" : undefined}>
        {embed ? null : (
          <header className="topbar">
            <h1>KVM cache modes</h1>
            <p className="lede">
              Where a KVM guest&apos;s writes stop before it is told &ldquo;done&rdquo;, under each
              QEMU cache mode, and what a failure destroys.
            </p>
          </header>
        )}
        <Notices notices={notices} />
        <section className="session" aria-label="Simulation">
          <div className="workspace">
            <div className="stage">
              <ModeStrip />
              <Diagram />
            </div>
            <div className="side">
              {embed ? <ConfigurationLine /> : <Configuration />}
              <Toolbar />
              <EventLine />
              <Suspense fallback={<section className="verdict" aria-label="Verdict" />}>
                <Verdict />
              </Suspense>
              {embed ? null : (
                <Suspense fallback={null}>
                  <Share />
                </Suspense>
              )}
            </div>
          </div>
          {view.ledger ? (
            <Suspense fallback={<p className="loading">Loading the ledger…</p>}>
              <BelowStage only={embed ? "ledger" : "all"} />
            </Suspense>
          ) : null}
        </section>
        {embed ? (
          view.fullView === null ? null : (
            <Suspense fallback={<p className="embed-footer" />}>
              <FullViewLink base={view.fullView} />
            </Suspense>
          )
        ) : (
          <>
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
              After G. Danti, &ldquo;KVM storage performance and cache settings on Red Hat
              Enterprise Linux 6.2&rdquo; (2012). The rules and their sources: docs/model.md in the
              project.
            </p>
          </>
        )}
      </main>
    </StoreContext.Provider>
  );
}
