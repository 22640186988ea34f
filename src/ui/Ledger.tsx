/**
 * The ledger: one row per operation, at the time last committed by the animation loop — where
 * its data is, when and where the guest was told "done", when (if ever) it became durable, and
 * after a power loss whether it survived.
 */
import { positionAt } from "../model/position";
import type { OpResult } from "../model/timeline";
import { formatModelTime } from "../anim/loop";
import { KIND_NAME, LAYER_NAME } from "../store/events";
import { TOKEN_SYMBOL } from "./shapes";
import { useDiagram } from "./useDiagram";

function whereNow(op: OpResult, tMs: number): string {
  if (op.kind === "barrier") {
    const flush = op.flush;
    if (!flush || flush.issuedAtMs > tMs) return "waiting for the write-out";
    if (flush.doneAtMs === null || flush.doneAtMs > tMs) return "flush under way";
    return "done";
  }
  const where = positionAt(op, tMs);
  if (!where) return "—";
  const at = LAYER_NAME[where.layer];
  return where.hop ? `leaving ${at}` : `in ${at}`;
}

export function Ledger() {
  const ops = useDiagram((s) => s.timeline.ops);
  const tMs = useDiagram((s) => s.tMs);
  const crashed = useDiagram((s) => s.crashed);
  return (
    <table className="ledger" aria-label="Operations">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Write</th>
          <th scope="col">Issued at</th>
          <th scope="col">Data now</th>
          <th scope="col">Acknowledged</th>
          <th scope="col">Durable</th>
          {crashed ? <th scope="col">After the power loss</th> : null}
        </tr>
      </thead>
      <tbody>
        {ops.length === 0 ? (
          <tr>
            <td colSpan={crashed ? 7 : 6}>No writes yet: issue one with the buttons above.</td>
          </tr>
        ) : null}
        {ops.map((op) => {
          const acked = op.ackedAtMs !== null && op.ackedAtMs <= tMs && op.ackedIn !== null;
          const durable = op.durableAtMs !== null && op.durableAtMs <= tMs;
          return (
            <tr key={op.index} className={op.survives === false ? "lost" : undefined}>
              <td>{op.index}</td>
              <td>
                <span aria-hidden="true">{TOKEN_SYMBOL[op.kind]} </span>
                {KIND_NAME[op.kind]}
              </td>
              <td>{formatModelTime(op.atMs)}</td>
              <td>{whereNow(op, tMs)}</td>
              <td>
                {acked
                  ? `acknowledged at ${formatModelTime(op.ackedAtMs)}, in ${LAYER_NAME[op.ackedIn]}`
                  : "not yet"}
              </td>
              <td>
                {durable
                  ? `durable at ${formatModelTime(op.durableAtMs)}`
                  : op.kind === "barrier" && op.flush && op.flush.outcome !== "passed"
                    ? "never: its flush did not pass"
                    : "not yet"}
              </td>
              {crashed ? (
                <td>{op.survives === null ? "—" : op.survives ? "✔ survived" : "✘ lost"}</td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
