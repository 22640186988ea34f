/**
 * The caption (what the configuration means) and the event line: the latest discrete event up to
 * the committed time, announced politely to screen readers.
 */
import { useDiagram } from "./useDiagram";
import { caption } from "./narration";

export function Narration() {
  const config = useDiagram((s) => s.config);
  const note = useDiagram((s) => s.configNote);
  const tMs = useDiagram((s) => s.tMs);
  const events = useDiagram((s) => s.events);
  const hasOps = useDiagram((s) => s.ops.length > 0);
  // Everything announced at the latest instant with news (an ack and "durable" often coincide).
  let latestMs = -1;
  let texts: string[] = [];
  for (const event of events) {
    if (event.tMs > tMs) break;
    if (!event.text) continue;
    if (event.tMs !== latestMs) texts = [];
    latestMs = event.tMs;
    texts.push(event.text);
  }
  // Many writes issued together land together: name the last few, count the rest.
  const SHOWN = 3;
  const hidden = texts.length - SHOWN;
  const latest =
    texts.slice(0, SHOWN).join(" ") +
    (hidden > 0 ? ` …and ${String(hidden)} more at the same moment.` : "");
  return (
    <section className="narration" aria-label="Narration">
      <p className="caption">{caption(config)}</p>
      {note ? <p className="note">{note}</p> : null}
      <p className="event" role="status" aria-live="polite">
        {latest ||
          (hasOps
            ? "Press Play to watch the writes travel."
            : "Issue a write (an O_SYNC write shows the mode's arrow best), then press Play.")}
      </p>
    </section>
  );
}
