/**
 * The ledger: one row per operation, at the time last committed by the animation loop — where
 * its data is, when and where the guest was told "done", when (if ever) it became durable, and
 * after a power loss whether it survived.
 *
 * It scrolls in a box of its own and renders only the rows in (or near) view
 * (@tanstack/react-virtual), so the thousandth write costs one row, not a thousand; rows are
 * memoized on their text, so a commit re-renders only the visible rows that changed. The table
 * keeps its full size for assistive technology (aria-rowcount, aria-rowindex).
 */
import { memo, useMemo, useRef, type Ref } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { FAILURE, KIND_NAME } from "../../text/vocabulary";
import { LEDGER, ledgerRows, type LedgerCells } from "../../text/ledger";
import { TOKEN_SYMBOL } from "../../geometry/shapes";
import type { DiskCache } from "../../model/config";
import type { Crash, OpResult } from "../../model/timeline";
import { struck } from "../../store/store";
import { useDiagramLater } from "../app/useDiagram";

/** `ref`: the virtualizer measures each rendered row (rows wrap to different heights). */
const Row = memo(function Row({
  ref,
  ...props
}: LedgerCells & { readonly ref: Ref<HTMLTableRowElement> }) {
  return (
    <tr
      className={props.lost ? "lost" : undefined}
      ref={ref}
      data-index={props.index}
      // Row 1 is the header.
      aria-rowindex={props.index + 2}
    >
      <td>{props.number}</td>
      <td>
        <span aria-hidden="true">{TOKEN_SYMBOL[props.kind]} </span>
        {KIND_NAME[props.kind]}
      </td>
      <td>{props.issuedAt}</td>
      <td>{props.where}</td>
      <td>{props.acked}</td>
      <td>{props.durable}</td>
      {props.survival !== null ? <td>{props.survival}</td> : null}
    </tr>
  );
});

/** A row's height before it is measured (one line of text). */
const ROW_ESTIMATE_PX = 30;
/** Rows rendered beyond each edge of the box, so fast scrolling shows no blank. */
const OVERSCAN = 12;

interface LedgerProps {
  /** The table's name: "Operations", or for the compared diagram, which one it is. */
  readonly name?: string;
}

export function Ledger({ name = LEDGER.name }: LedgerProps) {
  const ops = useDiagramLater((s) => s.timeline.ops);
  const tMs = useDiagramLater((s) => s.tMs);
  const diskCache = useDiagramLater((s) => s.timeline.config.diskCache);
  // Before the failure's instant (scrubbed back), the world before it shows.
  const failure = useDiagramLater((s) => (struck(s) ? s.failure : null));
  return <LedgerTable name={name} ops={ops} tMs={tMs} failure={failure} diskCache={diskCache} />;
}

const LedgerTable = memo(function LedgerTable({
  name,
  ops,
  tMs,
  failure,
  diskCache,
}: {
  readonly name: string;
  readonly ops: readonly OpResult[];
  readonly tMs: number;
  readonly failure: Crash | null;
  readonly diskCache: DiskCache;
}) {
  const crashed = failure !== null;
  // Once per table, not per row: the scroll's own re-renders reuse it.
  const cells = useMemo(
    () => ledgerRows(ops, tMs, failure, diskCache),
    [ops, tMs, failure, diskCache],
  );
  const box = useRef<HTMLDivElement>(null);
  // No React Compiler builds this app: the virtualizer's own re-renders are what keep it current.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: ops.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
  });
  const shown = rows.getVirtualItems();
  const columns = LEDGER.head.length + (crashed ? 1 : 0);
  // Spacer rows stand for the rows not rendered, so the scrollbar keeps the whole table's length.
  const above = shown[0]?.start ?? 0;
  const below = rows.getTotalSize() - (shown.at(-1)?.end ?? 0);
  return (
    <div
      className="table-scroll ledger-scroll"
      ref={box}
      role="region"
      aria-label={LEDGER.region(name)}
      tabIndex={0}
    >
      <table className="ledger" aria-label={name} aria-rowcount={ops.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {LEDGER.head.map((head) => (
              <th key={head} scope="col">
                {head}
              </th>
            ))}
            {failure ? <th scope="col">{FAILURE[failure.kind].after}</th> : null}
          </tr>
        </thead>
        <tbody>
          {ops.length === 0 ? (
            <tr>
              <td colSpan={columns}>{LEDGER.empty}</td>
            </tr>
          ) : null}
          {above > 0 ? <Spacer height={above} columns={columns} /> : null}
          {shown.map(({ index }) => {
            const op = ops[index];
            if (!op) return null;
            return <Row key={op.index} ref={rows.measureElement} {...cells(op)} />;
          })}
          {below > 0 ? <Spacer height={below} columns={columns} /> : null}
        </tbody>
      </table>
    </div>
  );
});

function Spacer({ height, columns }: { readonly height: number; readonly columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
