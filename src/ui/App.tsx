import { lazy, Suspense, useEffect, useState } from "react";
import { createDiagramStore } from "../store/store";
import { Controls } from "./Controls";
import { Diagram } from "./Diagram";
import { Ledger } from "./Ledger";
import { Legend } from "./Legend";
import { Narration } from "./Narration";
import { Notices } from "./Notices";
import { readUrlConfig, writeUrlConfig } from "./url";
import { StoreContext } from "./useDiagram";
import "./app.css";

// Not part of the first view: loaded when the reader opens it.
const SafetyMatrix = lazy(() => import("./SafetyMatrix"));

export function App() {
  const [matrixOpen, setMatrixOpen] = useState(false);
  const [{ store, notices }] = useState(() => {
    const { config, notices } = readUrlConfig(window.location.search);
    return { store: createDiagramStore(config), notices };
  });

  // The URL follows the configuration, in place (no history entry per click).
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (state.config === prev.config) return;
        const search = writeUrlConfig(window.location.search, state.config);
        window.history.replaceState(
          null,
          "",
          `${window.location.pathname}${search}${window.location.hash}`,
        );
      }),
    [store],
  );

  return (
    <StoreContext.Provider value={store}>
      <main>
        <h1>KVM cache modes</h1>
        <p className="lede">
          Where a KVM guest&apos;s writes stop before the guest is told &ldquo;done&rdquo;, under
          each QEMU cache mode, and what a power cut destroys — after the article &ldquo;KVM storage
          performance and cache settings on Red Hat Enterprise Linux 6.2&rdquo;.
        </p>
        <Notices notices={notices} />
        <section className="session" aria-label="Simulation">
          <div className="workspace">
            <Controls />
            <div className="stage">
              <Narration />
              <Diagram />
              <Legend />
            </div>
          </div>
          <h2>Operations</h2>
          <Ledger />
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
      </main>
    </StoreContext.Provider>
  );
}
