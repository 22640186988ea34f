/**
 * Below the stage: what the configuration means (the caption), every mode's one line with QEMU's
 * three switches, the disk settings, and how to set the configuration, tool by tool.
 */
import { lazy, Suspense, useState } from "react";
import { CACHE_MODES, DISK_CACHES } from "../../model/config";
import { caption } from "../../text/narration";
import { ABOUT } from "../../text/panels";
import { useDiagram } from "../app/useDiagram";
// What the lab last proved against real QEMU (npm run lab writes it; docs/lab.md has the table).
import lab from "../../lab/checked.json";

// Loaded when the reader opens them.
const Snippets = lazy(() => import("./Snippets"));
const LabReport = lazy(() => import("./LabReport"));

/** What the configuration means, every mode's one line and switches, and how to set it. */
export function AboutConfiguration() {
  const config = useDiagram((s) => s.config);
  const [snippetsOpen, setSnippetsOpen] = useState(false);
  const [labOpen, setLabOpen] = useState(false);
  return (
    <section className="meaning" aria-label={ABOUT.heading}>
      <h2>{ABOUT.heading}</h2>
      <p className="caption">{caption(config)}</p>
      <p className="lab-checked" data-lab-checked>
        {ABOUT.checked(lab)} {ABOUT.checkedHow}
      </p>
      <details
        className="lab-report"
        onToggle={(e) => {
          setLabOpen(e.currentTarget.open);
        }}
      >
        <summary>{ABOUT.labTable}</summary>
        {labOpen ? (
          <Suspense fallback={<p>{ABOUT.loading}</p>}>
            <LabReport />
          </Suspense>
        ) : null}
      </details>
      <details>
        <summary>{ABOUT.modes}</summary>
        <dl className="modes">
          {CACHE_MODES.map((mode) => (
            <div key={mode}>
              <dt>{mode}</dt>
              <dd>
                {ABOUT.mode[mode]} <code>{ABOUT.switches(mode)}</code>
              </dd>
            </div>
          ))}
        </dl>
        <dl className="modes">
          {DISK_CACHES.map((disk) => (
            <div key={disk}>
              <dt>{ABOUT.disk(disk)}</dt>
              <dd>{ABOUT.diskLine[disk]}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details
        onToggle={(e) => {
          setSnippetsOpen(e.currentTarget.open);
        }}
      >
        <summary>{ABOUT.howTo}</summary>
        {snippetsOpen ? (
          <Suspense fallback={<p>{ABOUT.loading}</p>}>
            <Snippets />
          </Suspense>
        ) : null}
      </details>
    </section>
  );
}
