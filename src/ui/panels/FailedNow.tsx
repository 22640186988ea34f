/**
 * "If it failed now": for the instant under the playhead, what each of the four failures would
 * destroy, read off the timeline without simulating again (src/model/preview.ts). It asks of the
 * writes as they run without the failure, so it also answers "what if it had struck here
 * instead?" after one has struck.
 */
import { ColumnHeads } from "./ColumnHeads";
import { memo } from "react";
import { FAILURE_KINDS, type OpResult } from "../../model/timeline";
import type { DiskCache } from "../../model/config";
import { lossesAt } from "../../model/preview";
import { FAILED_NOW } from "../../text/panels";
import { FAILURE } from "../../text/vocabulary";
import { useDiagramLater } from "../app/useDiagram";

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
    <>
      <table className="failed-now" aria-label={FAILED_NOW.name}>
        <caption>{FAILED_NOW.caption(tMs)}</caption>
        <ColumnHeads heads={FAILED_NOW.head} />
        <tbody>
          {FAILURE_KINDS.toReversed().map((kind) => {
            const { lost, returned, promised } = lossesAt(ops, diskCache, kind, tMs);
            return (
              <tr
                key={kind}
                data-failure={kind}
                data-lost={lost.length}
                data-lost-acked={returned.length}
                data-lost-promised={promised.length}
              >
                <th scope="row">{FAILURE[kind].name}</th>
                <td>
                  {String(lost.length)} <span className="which">{FAILED_NOW.which(lost)}</span>
                </td>
                <td>
                  {String(returned.length)}{" "}
                  <span className="which">{FAILED_NOW.which(returned)}</span>
                </td>
                <td>
                  {String(promised.length)}{" "}
                  <span className="which">{FAILED_NOW.which(promised)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="failed-now-tie">{FAILED_NOW.tie}</p>
    </>
  );
});
