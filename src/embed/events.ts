/**
 * What happens in a diagram, as events for its host (the message API and the element's DOM
 * events share them, src/embed/protocol.ts): a write acknowledged or made durable as the playhead
 * passes the instant, the writes a failure destroyed once the playhead reaches it, and the state
 * after each change of the document, of playing, or whenever playback rests.
 */
import { forEachMoment } from "../model/moments";
import { failureTally } from "../model/tally";
import { toScenarioDoc } from "../scenario/session";
import { struck, type DiagramState, type DiagramStore } from "../store/store";
import type { DiagramEvent } from "./protocol";

/** The document as a scenario (what `load` takes back). */
export function scenarioOf(state: DiagramState) {
  return toScenarioDoc({ config: state.config, ops: state.ops, crash: state.failure });
}

/** The events between two states of one diagram, in time order, the state last. */
export function eventsBetween(state: DiagramState, prev: DiagramState): DiagramEvent[] {
  const events: DiagramEvent[] = [];
  const document =
    state.config !== prev.config || state.ops !== prev.ops || state.failure !== prev.failure;
  // Time moved forward over the same writes: what the playhead passed happened, in order.
  if (!document && state.tMs > prev.tMs) {
    const moments: { atMs: number; event: DiagramEvent }[] = [];
    forEachMoment(state.timeline, (atMs, m) => {
      if (atMs <= prev.tMs || atMs > state.tMs) return;
      if (m.type === "acked") {
        const { index: write, kind } = m.op;
        moments.push({ atMs, event: { name: "acked", write, kind, atMs, layer: m.layer } });
      } else if (m.type === "durable") {
        const { index: write, kind } = m.op;
        moments.push({ atMs, event: { name: "durable", write, kind, atMs } });
      }
    });
    moments.sort((a, b) => a.atMs - b.atMs);
    for (const m of moments) events.push(m.event);
  }
  // The failure reached (struck now, moved, or the same writes run again under it).
  const { failure } = state;
  if (failure && struck(state) && (!struck(prev) || state.timeline !== prev.timeline)) {
    const { lost, returned } = failureTally(state.timeline);
    events.push({
      name: "lost",
      failure: failure.kind,
      atMs: failure.atMs,
      writes: lost,
      acked: returned,
    });
  }
  const rested = !state.playing && (state.tMs !== prev.tMs || prev.playing);
  if (document || rested || state.playing !== prev.playing)
    events.push({
      name: "state",
      scenario: scenarioOf(state),
      tMs: state.tMs,
      playing: state.playing,
    });
  return events;
}

/** Calls `emit` with every event of the diagram from now on; returns the unsubscribe. */
export function watchDiagram(store: DiagramStore, emit: (event: DiagramEvent) => void) {
  return store.subscribe((state, prev) => {
    for (const event of eventsBetween(state, prev)) emit(event);
  });
}
