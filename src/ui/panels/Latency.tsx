/**
 * The latency chart (issue 8, "the speed half of the article"): for each of the latest writes,
 * how long after it was issued the call returned (●) and its data was durable (◆), on one log
 * axis; the line between is how long a power cut could still lose an acknowledged write. The
 * latencies are the model's estimates (docs/model.md §5), and the chart says so. "Load lab
 * result…" puts what `npm run lab` measured on the reader's host beside them (./LabMeasured.tsx,
 * loaded only when a file is chosen).
 */
import { lazy, memo, Suspense, useMemo, useState } from "react";
import type { LabResult } from "../../import/labResult";
import type { OpResult } from "../../model/timeline";
import { LATENCY } from "../../text/panels";
import { opName } from "../../text/vocabulary";
import { LATENCY_ROWS, latencyAxis, latencyRows, median } from "../../geometry/latency";
import { TOKEN_SYMBOL } from "../../geometry/shapes";
import { useDiagramLater } from "../app/useDiagram";
import { JsonFilePicker } from "../share/JsonFilePicker";

const WIDTH = 640;
const LEFT = 60;
const RIGHT = 16;
const ROW_H = 12;
const AXIS_H = 30;
const TOP = 6;

const axis = latencyAxis([LEFT, WIDTH - RIGHT]);

const LabMeasured = lazy(() => import("./LabMeasured"));

/**
 * `name`: the chart's, where two are on one page (the compare view); `lab`: whether it offers to
 * load a lab result (the page's own chart does, the compared one does not: one file button).
 */
export function Latency({
  name = LATENCY.name,
  lab = true,
}: {
  readonly name?: string;
  readonly lab?: boolean;
}) {
  // The writes as they run without the failure: what each configuration costs and promises.
  const ops = useDiagramLater((s) => s.calm.ops);
  return (
    <>
      <LatencyChart name={name} ops={ops} />
      {lab ? <LabResultLoader /> : null}
    </>
  );
}

/** The file button, what it said, and the measured table once a valid result is loaded. */
function LabResultLoader() {
  const [status, setStatus] = useState("");
  const [result, setResult] = useState<LabResult | null>(null);
  const load = async (file: File) => {
    setStatus(LATENCY.loadingLab);
    try {
      // The validator and the table's code come with the first file, never with the page.
      const loaded = await (await import("./LabMeasured")).loadLabFile(file);
      setStatus(loaded.message);
      setResult(loaded.ok ? loaded.result : null);
    } catch (error) {
      setStatus(LATENCY.labFailed(String(error)));
      setResult(null);
    }
  };
  return (
    <div className="lab-load">
      <div className="buttons">
        <JsonFilePicker
          face={LATENCY.loadLabFace}
          label={LATENCY.loadLab}
          onFile={(file) => void load(file)}
        />
        {result ? (
          <button
            type="button"
            onClick={() => {
              setResult(null);
              setStatus(LATENCY.clearedLab);
            }}
          >
            {LATENCY.clearLab}
          </button>
        ) : null}
      </div>
      <p className="share-status" role="status">
        {status}
      </p>
      {result ? (
        <Suspense fallback={null}>
          <LabMeasured result={result} />
        </Suspense>
      ) : null}
    </div>
  );
}

const LatencyChart = memo(function LatencyChart({
  name,
  ops,
}: {
  readonly name: string;
  readonly ops: readonly OpResult[];
}) {
  const rows = useMemo(() => latencyRows(ops), [ops]);
  if (rows.length === 0) return null;
  const ack = median(rows.map((r) => r.ackMs));
  const durable = median(rows.map((r) => r.durableMs));
  const height = TOP + rows.length * ROW_H + AXIS_H;
  const axisY = TOP + rows.length * ROW_H + 4;
  return (
    <figure className="latency">
      {/* On a phone the chart scrolls sideways (its words stay legible): keyboard users can too. */}
      <div className="latency-scroll" role="region" aria-label={name} tabIndex={0}>
        <svg
          role="img"
          aria-label={LATENCY.description(name, rows.length, ack, durable)}
          data-median-ack-ms={ack ?? undefined}
          data-median-durable-ms={durable ?? undefined}
          viewBox={`0 0 ${String(WIDTH)} ${String(height)}`}
        >
          {axis.ticks.map((t) => (
            <g key={t.label} className="tick">
              <line x1={t.x} x2={t.x} y1={TOP} y2={axisY} />
              <text x={t.x} y={axisY + 14} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = TOP + i * ROW_H + ROW_H / 2;
            const from = r.ackMs === null ? null : axis.x(r.ackMs);
            const to = r.durableMs === null ? WIDTH - RIGHT : axis.x(r.durableMs);
            return (
              <g key={r.index} className="row">
                <text x={LEFT - 6} y={y + 4} textAnchor="end">
                  {`${TOKEN_SYMBOL[r.kind]} ${opName(r.index)}`}
                </text>
                {from !== null ? (
                  <>
                    <line
                      className={r.durableMs === null ? "window never" : "window"}
                      x1={from}
                      x2={to}
                      y1={y}
                      y2={y}
                    />
                    <circle className="acked" cx={from} cy={y} r="3.5" />
                  </>
                ) : null}
                {r.durableMs !== null ? (
                  <path
                    className="durable"
                    d={`M ${String(to)} ${String(y - 4.5)} l 4.5 4.5 l -4.5 4.5 l -4.5 -4.5 z`}
                  />
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <span aria-hidden="true">●</span>
        {LATENCY.acked}
        <span aria-hidden="true">◆</span>
        {LATENCY.durable}
        {ops.length > LATENCY_ROWS ? LATENCY.lastOf(LATENCY_ROWS, ops.length) : ""}
      </figcaption>
    </figure>
  );
});
