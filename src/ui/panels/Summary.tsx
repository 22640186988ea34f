/**
 * One diagram's run in numbers, for the compare view: how long the calls took to return (median,
 * max), how long the data took to reach stable storage, and after a failure how many writes it
 * destroyed and how many of those had been acknowledged. Times are the model's estimates
 * (docs/model.md §5), and say so.
 */
import { SUMMARY } from "../../text/compare";
import { median } from "../../geometry/latency";
import { failureTally } from "../../model/tally";
import { memo } from "react";
import type { Crash, OpResult } from "../../model/timeline";
import { struck } from "../../store/store";
import { useDiagramLater } from "../app/useDiagram";

const max = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
};

export function Summary({ name }: { readonly name: string }) {
  // The run without its failure: how long things take; the failure's toll from the run with it.
  const calm = useDiagramLater((s) => s.calm.ops);
  const ops = useDiagramLater((s) => s.timeline.ops);
  const failure = useDiagramLater((s) => (struck(s) ? s.failure : null));
  return <Numbers name={name} calm={calm} ops={ops} failure={failure} />;
}

const Numbers = memo(function Numbers({
  name,
  calm,
  ops,
  failure,
}: {
  readonly name: string;
  readonly calm: readonly OpResult[];
  readonly ops: readonly OpResult[];
  readonly failure: Crash | null;
}) {
  const acks = calm.map((op) => (op.ackedAtMs === null ? null : op.ackedAtMs - op.atMs));
  const durables = calm.map((op) => (op.durableAtMs === null ? null : op.durableAtMs - op.atMs));
  const { lost, returned } = failureTally({ ops, crash: failure });
  return (
    <dl className="summary" aria-label={name}>
      <div>
        <dt>{SUMMARY.returns}</dt>
        <dd>{SUMMARY.spread(median(acks), max(acks), calm.length)}</dd>
      </div>
      <div>
        <dt>{SUMMARY.durable}</dt>
        <dd>{SUMMARY.spread(median(durables), max(durables), calm.length)}</dd>
      </div>
      <div>
        <dt>{SUMMARY.lost}</dt>
        <dd data-lost={lost.length} data-lost-acked={returned.length}>
          {SUMMARY.toll(lost.length, failure ? returned.length : null)}
        </dd>
      </div>
    </dl>
  );
});
