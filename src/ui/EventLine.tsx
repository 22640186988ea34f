/**
 * The event line: what just happened (acknowledged, written back, flushed, lost), announced
 * politely to screen readers. It shows the events of the latest instant with news, at the time
 * the animation loop last committed.
 */
import { useDiagram } from "./useDiagram";

/** Many writes issued together land together: name a few, count the rest. */
const SHOWN = 3;

export function EventLine() {
  const tMs = useDiagram((s) => s.tMs);
  const events = useDiagram((s) => s.events);
  const hasOps = useDiagram((s) => s.ops.length > 0);
  const playing = useDiagram((s) => s.playing);
  const note = useDiagram((s) => s.configNote);
  let latestMs = -1;
  let texts: string[] = [];
  for (const event of events) {
    if (event.tMs > tMs) break;
    if (!event.text) continue;
    if (event.tMs !== latestMs) texts = [];
    latestMs = event.tMs;
    texts.push(event.text);
  }
  const hidden = texts.length - SHOWN;
  let line =
    texts.slice(0, SHOWN).join(" ") +
    (hidden > 0 ? ` …and ${String(hidden)} more at the same moment.` : "");
  if (!hasOps)
    line = "Issue a write (an O_SYNC write shows the mode's arrow best), then press Play.";
  else if (!playing && tMs === 0) line = `${line} Press Play to watch.`;
  return (
    <>
      <p className="event" role="status" aria-live="polite">
        {line}
      </p>
      {/* Next to the line and the buttons, where the user just acted. */}
      {note ? <p className="note">{note}</p> : null}
    </>
  );
}
