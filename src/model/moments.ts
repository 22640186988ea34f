/**
 * What happens when in a timeline, enumerated once: every instant at which something happens,
 * with what happens and to which write or journal commit. The playhead's instants
 * (src/store/instants.ts), the event line's typed events (src/store/events.ts), the timeline's
 * marks (src/geometry/timeline.ts) and the embed's acked/durable events (src/embed/events.ts)
 * all read this one walk, so none can see a moment the others miss.
 *
 * A crash stops the world (docs/model.md §4): a hop it cut short never arrives, and nothing
 * happens after it. The order within one write (issued, moved and arrived hop by hop,
 * acknowledged, its flush done, its flush sent, durable), then the journal's commits, then the
 * commit blocks, then the failure, is the order the event line keeps for events at one instant.
 */
import type { Crash, Flush, Hop, JournalCommit, LayerId, OpResult, Timeline } from "./timeline";

export type Moment =
  | { readonly type: "issued"; readonly op: OpResult }
  | { readonly type: "moved"; readonly op: OpResult; readonly hop: Hop }
  | { readonly type: "arrived"; readonly op: OpResult; readonly hop: Hop }
  | { readonly type: "acked"; readonly op: OpResult; readonly layer: LayerId }
  | { readonly type: "flushDone"; readonly op: OpResult; readonly flush: Flush }
  | { readonly type: "flushSent"; readonly op: OpResult; readonly flush: Flush }
  | { readonly type: "durable"; readonly op: OpResult }
  | { readonly type: "committed"; readonly commit: JournalCommit }
  | { readonly type: "commitFlushDone"; readonly commit: JournalCommit; readonly flush: Flush }
  | { readonly type: "blockMoved"; readonly commit: JournalCommit; readonly hop: Hop }
  | { readonly type: "blockArrived"; readonly commit: JournalCommit; readonly hop: Hop }
  | { readonly type: "failure"; readonly crash: Crash };

/**
 * Calls `visit` for every moment of `timeline`, in the order above (not sorted by time). `visit`
 * receives the instant apart, so a reader that needs only instants never looks at the moment.
 */
export function forEachMoment(
  timeline: Timeline,
  visit: (tMs: number, moment: Moment) => void,
): void {
  for (const op of timeline.ops) {
    visit(op.atMs, { type: "issued", op });
    for (const hop of op.hops) {
      visit(hop.startMs, { type: "moved", op, hop });
      if (hop.cutAtMs === null) visit(hop.endMs, { type: "arrived", op, hop });
    }
    if (op.ackedAtMs !== null && op.ackedIn !== null) {
      visit(op.ackedAtMs, { type: "acked", op, layer: op.ackedIn });
    }
    const { flush } = op;
    if (flush) {
      if (flush.doneAtMs !== null) visit(flush.doneAtMs, { type: "flushDone", op, flush });
      visit(flush.issuedAtMs, { type: "flushSent", op, flush });
    }
    // A barrier carries no data of its own: what it covers is made durable, not the barrier.
    if (op.kind !== "barrier" && op.durableAtMs !== null) {
      visit(op.durableAtMs, { type: "durable", op });
    }
  }
  for (const commit of timeline.journalCommits) {
    visit(commit.atMs, { type: "committed", commit });
    const { flush } = commit;
    if (flush?.doneAtMs != null) visit(flush.doneAtMs, { type: "commitFlushDone", commit, flush });
  }
  // With reordering, the commit block's own journey (docs/model.md §8.14).
  for (const commit of timeline.journalCommits) {
    for (const hop of commit.block?.hops ?? []) {
      visit(hop.startMs, { type: "blockMoved", commit, hop });
      if (hop.cutAtMs === null) visit(hop.endMs, { type: "blockArrived", commit, hop });
    }
  }
  const { crash } = timeline;
  if (crash) visit(crash.atMs, { type: "failure", crash });
}
