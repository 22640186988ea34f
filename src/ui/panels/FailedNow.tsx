/**
 * "If it failed now": for the instant under the playhead, what each of the four failures would
 * destroy, read off the timeline without simulating again (src/model/preview.ts). It asks of the
 * writes as they run without the failure, so it also answers "what if it had struck here
 * instead?" after one has struck.
 */
import { memo } from "react";
import { FAILURE_KINDS, type OpResult } from "../../model/timeline";
import type { DiskCache } from "../../model/config";
import { lossesAt } from "../../model/preview";
import { formatModelTime } from "../../text/format";
import { FAILURE_NAME } from "../../text/vocabulary";
import { useDiagramLater } from "../app/useDiagram";

/** "#0, #2" — or "none". */
function names(indices: readonly number[]): string {
  return indices.length ? indices.map((i) => `#${String(i)}`).join(", ") : "none";
}

export function FailedNow() {
  const ops = useDiagramLater((s) => s.calm.ops);
  const diskCache = useDiagramLater((s) => s.config.diskCache);
  const tMs = useDiagramLater((s) => s.tMs);
  return <FailedNowTable ops={ops} diskCache={diskCache} tMs={tMs} />;
}

const FailedNowTable = memo(function FailedNowTable({
  ops,
  diskCache,
  tMs,
}: {
  readonly ops: readonly OpResult[];
  readonly diskCache: DiskCache;
  readonly tMs: number;
}) {
  return (
    <table className="failed-now" aria-label="If it failed now">
      <caption>If it failed now, at {formatModelTime(tMs)}</caption>
      <thead>
        <tr>
          <th scope="col">Failure</th>
          <th scope="col">Writes destroyed</th>
          <th scope="col">Of those, acknowledged</th>
        </tr>
      </thead>
      <tbody>
        {FAILURE_KINDS.toReversed().map((kind) => {
          const { lost, returned } = lossesAt(ops, diskCache, kind, tMs);
          return (
            <tr
              key={kind}
              data-failure={kind}
              data-lost={lost.length}
              data-lost-acked={returned.length}
            >
              <th scope="row">{FAILURE_NAME[kind]}</th>
              <td>
                {String(lost.length)} <span className="which">({names(lost)})</span>
              </td>
              <td>
                {String(returned.length)} <span className="which">({names(returned)})</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
