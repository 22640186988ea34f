/**
 * The safety matrix of docs/model.md §3 as a table, computed by the model in the browser: where each
 * kind of write is acknowledged under each cache mode, along which arrows, and whether it would
 * survive a host power loss at that instant.
 */
import { ColumnHeads } from "./ColumnHeads";
import { useMemo } from "react";
import { safetyMatrix } from "../../model/matrix";
import { formatDuration } from "../../text/format";
import { describeArrows, laterArrows, MATRIX, MATRIX_KIND } from "../../text/matrix";
import { LAYER, onOff } from "../../text/vocabulary";
import { useDiagram } from "../app/useDiagram";

export default function SafetyMatrix() {
  const config = useDiagram((s) => s.config);
  const { diskCache, guestFs, diskFlush, hostBarriers } = config;
  // The page's faults too: the matrix and the verdict beside the stack never disagree.
  const rows = useMemo(
    () => safetyMatrix({ diskCache, guestFs, diskFlush, hostBarriers }),
    [diskCache, guestFs, diskFlush, hostBarriers],
  );
  return (
    <div className="table-scroll" role="region" aria-label={MATRIX.region} tabIndex={0}>
      <table className="matrix">
        <caption>{MATRIX.caption(guestFs, diskCache, { diskFlush, hostBarriers })}</caption>
        <ColumnHeads heads={MATRIX.head} />
        <tbody>
          {rows.map((row) => {
            const current = row.mode === config.mode && row.guestBarriers === config.guestBarriers;
            return (
              <tr
                key={`${row.mode}-${String(row.guestBarriers)}-${row.kind}`}
                className={current ? "current" : undefined}
              >
                <th scope="row">
                  {current ? <span aria-label={MATRIX.current}>▸ </span> : null}
                  {row.mode}
                </th>
                <td>{onOff(row.guestBarriers)}</td>
                <td>{MATRIX_KIND[row.kind]}</td>
                <td>{LAYER[row.ackedIn].label}</td>
                <td>{formatDuration(row.ackedAfterMs)}</td>
                <td>{describeArrows(row) || "—"}</td>
                <td>{laterArrows(row)}</td>
                <td className={row.safeOnPowerLoss ? "safe" : "unsafe"}>
                  {MATRIX.safe(row.safeOnPowerLoss)}
                </td>
                <td>{formatDuration(row.durableAfterMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
