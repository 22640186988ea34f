/**
 * Tokens: one per operation, travelling hop by hop exactly as the model's timeline says. A data
 * write follows its block's hops; a barrier, which carries no data, follows its flush: down to the
 * guest block layer, then along the green lane to the platters (passed), to QEMU (ignored by
 * cache=unsafe), or nowhere (dropped in the guest).
 */
import { lastStarted } from "../model/position";
import type { Hop, OpResult, Route } from "../model/timeline";
import type { PresentationClock } from "./clock";
import { flushEnd, restPoint, type BoxId, type LaneId } from "./layout";
import { lanePath, pointAlong, type Polyline } from "./lanes";

export interface TokenHop {
  readonly from: BoxId;
  readonly to: BoxId;
  readonly route: Route;
  readonly lane: Polyline;
  readonly startMs: number;
  /** When the token would arrive; it never does when `cutAtMs` is set. */
  readonly endMs: number;
  /** A crash cut this hop short: the token stops where it was at this instant. */
  readonly cutAtMs: number | null;
}

function hop(
  from: BoxId,
  to: BoxId,
  route: Route,
  startMs: number,
  endMs: number,
  cutAtMs: number | null,
  lane?: LaneId,
): TokenHop {
  return { from, to, route, lane: lanePath(lane ?? route, from, to), startMs, endMs, cutAtMs };
}

/**
 * The hops a token makes. A passed flush ends on `stable`: the platters, or a battery-backed disk
 * cache (where the data it covers stops too). A barrier's flush that a crash cut short ends at
 * `crashMs` short of `plannedDoneMs`, when it would have completed had nothing failed.
 */
export function tokenHops(
  op: OpResult,
  stable: BoxId = "platters",
  plannedDoneMs: number | null = null,
  crashMs: number | null = null,
): TokenHop[] {
  if (op.kind !== "barrier") return blockHops(op.hops);
  const flush = op.flush;
  // The barrier waits at the block layer while the dirty pages are written out.
  const waitEndMs = flush ? flush.issuedAtMs : (crashMs ?? op.atMs);
  const hops = [
    hop("guest-app", "guest-block-layer", "in-guest", op.atMs, waitEndMs, flush ? null : crashMs),
  ];
  if (!flush) return hops;
  const cut = flush.doneAtMs === null ? crashMs : null;
  const doneMs = flush.doneAtMs ?? Math.max(plannedDoneMs ?? 0, crashMs ?? 0);
  // A flush the guest never sends (or needs) stays where the barrier waited.
  const end = flushEnd(flush.outcome, stable);
  if (end !== "guest-block-layer") {
    hops.push(hop("guest-block-layer", end, "green", flush.issuedAtMs, doneMs, cut));
  }
  return hops;
}

/**
 * The hops of a block of data: an application's write, or with reordering a journal commit block
 * (docs/model.md §8.14), which travels like one.
 */
export function blockHops(hops: readonly Hop[]): TokenHop[] {
  return hops.map((h) =>
    hop(
      h.from,
      h.to,
      h.route,
      h.startMs,
      h.endMs,
      h.cutAtMs,
      h.route === "in-guest" && h.from === "guest-app" && h.to === "virtual-disk"
        ? "in-guest-bypass"
        : undefined,
    ),
  );
}

export interface TokenPlace {
  readonly x: number;
  readonly y: number;
  /** The box the token rests in, or is leaving. */
  readonly box: BoxId;
  /** The route it travels now, or null at rest. */
  readonly route: Route | null;
}

/**
 * Where a token is at model time `tMs`. Progress along a hop is measured in screen time, so each
 * hop moves at a constant speed on screen. With `travel` false (reduced motion) a token jumps
 * from box to box: it stays where it is until the hop ends.
 */
export function tokenPlace(
  hops: readonly TokenHop[],
  slot: number,
  tMs: number,
  clock: PresentationClock,
  travel = true,
): TokenPlace | null {
  const i = lastStarted(hops, tMs);
  const h = hops[i];
  if (!h) return null;
  if (h.cutAtMs === null && tMs >= h.endMs) {
    return { ...restPoint(h.to, slot), box: h.to, route: null };
  }
  if (!travel) return { ...restPoint(h.from, slot), box: h.from, route: h.route };
  // A crash stops the world: a token cut short stays where the crash found it.
  const at = h.cutAtMs === null ? tMs : Math.min(tMs, h.cutAtMs);
  const s0 = clock.toScreen(h.startMs);
  const s1 = clock.toScreen(h.endMs);
  const progress = s1 > s0 ? Math.min(1, (clock.toScreen(at) - s0) / (s1 - s0)) : 1;
  return { ...along(h, slot, progress), box: h.from, route: h.route };
}

/** A hop's path: from the token's slot in one box, along the lane, to its slot in the next. */
function along(h: TokenHop, slot: number, progress: number): { x: number; y: number } {
  const start = restPoint(h.from, slot);
  const end = restPoint(h.to, slot);
  const laneStart = h.lane.points[0] ?? start;
  const laneEnd = h.lane.points[h.lane.points.length - 1] ?? end;
  const lead = Math.hypot(laneStart.x - start.x, laneStart.y - start.y);
  const tail = Math.hypot(end.x - laneEnd.x, end.y - laneEnd.y);
  const d = progress * (lead + h.lane.length + tail);
  if (d < lead) {
    const f = lead > 0 ? d / lead : 1;
    return { x: start.x + (laneStart.x - start.x) * f, y: start.y + (laneStart.y - start.y) * f };
  }
  if (d <= lead + h.lane.length) return pointAlong(h.lane, d - lead);
  const f = tail > 0 ? (d - lead - h.lane.length) / tail : 1;
  return { x: laneEnd.x + (end.x - laneEnd.x) * f, y: laneEnd.y + (end.y - laneEnd.y) * f };
}
