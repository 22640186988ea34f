/**
 * A lab result beside the latency chart (issue 19, item 5): the latencies `npm run lab` measured
 * on the reader's own host, per cache mode, guest barrier setting and write kind (median and
 * p10–p90), next to the model's estimate of the same call. Loaded only when a file is chosen,
 * with its validator (src/import/labResult.ts) and its words (src/text/lab.ts).
 */
import { useMemo } from "react";
import { makeConfig } from "../../model/config";
import { estimatedCallMs } from "../../geometry/latency";
import {
  LAB_KIND_OPS,
  readLabResult,
  labSizeProblem,
  type LabResult,
} from "../../import/labResult";
import { LAB_MEASURED } from "../../text/lab";
import { ColumnHeads } from "./ColumnHeads";

/** What a chosen file became: a result, or the message that says why it is not one. */
export type LabLoad =
  | { readonly ok: true; readonly result: LabResult; readonly message: string }
  | { readonly ok: false; readonly message: string };

/** Reads and validates a chosen file; a file too large is refused before it is read. */
export async function loadLabFile(file: File): Promise<LabLoad> {
  const tooLarge = labSizeProblem(file.size);
  if (tooLarge) return { ok: false, message: LAB_MEASURED.tooLarge(file.name, tooLarge) };
  const read = readLabResult(new Uint8Array(await file.arrayBuffer()));
  return read.ok
    ? { ok: true, result: read.result, message: LAB_MEASURED.loaded(file.name, read.result) }
    : { ok: false, message: LAB_MEASURED.invalid(file.name, read.problem) };
}

export default function LabMeasured({ result }: { readonly result: LabResult }) {
  // The model's estimate for each run's call, under the lab's own set-up (lab/predict.ts configOf).
  const estimates = useMemo(
    () =>
      result.runs.map((run) =>
        estimatedCallMs(
          makeConfig({ cache: run.mode, guestBarriers: run.guestBarriers, guestFs: "ext4" }),
          LAB_KIND_OPS[run.kind],
        ),
      ),
    [result],
  );
  return (
    <div className="lab-measured" data-accelerator={result.accelerator}>
      {/* Five columns scroll sideways on a phone, by keyboard too. */}
      <div className="lab-scroll" role="region" aria-label={LAB_MEASURED.name} tabIndex={0}>
        <table className="lab-table">
          <caption>{LAB_MEASURED.caption(result)}</caption>
          <ColumnHeads heads={LAB_MEASURED.head(result)} />
          <tbody>
            {result.runs.map((run, i) => (
              <tr
                // A run is one mode × barriers × kind; a file may repeat one, so the index too.
                key={`${run.mode}-${String(run.guestBarriers)}-${run.kind}-${String(i)}`}
                data-mode={run.mode}
                data-kind={run.kind}
                data-median-ms={run.latencyMs.median}
              >
                <th scope="row">{run.mode}</th>
                <td>{LAB_MEASURED.barriers(run.guestBarriers)}</td>
                <td>{LAB_MEASURED.kind[run.kind]}</td>
                <td>{LAB_MEASURED.measured(run.latencyMs)}</td>
                <td>{LAB_MEASURED.estimate(estimates[i] ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="lab-note">
        {LAB_MEASURED.note(result)}
        {result.seedError === null ? "" : ` ${LAB_MEASURED.seeded(result.seedError)}`}
      </p>
    </div>
  );
}
