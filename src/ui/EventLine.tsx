/**
 * The event line: what just happened, announced politely to screen readers. Its height is fixed,
 * so nothing around it moves during playback. After a failure it shows the failure's verdict,
 * first and whole. Otherwise it shows the latest instant with news; an instant with news about
 * none of the user's writes (a routine journal commit) never replaces it, since such events say
 * nothing (src/ui/sentences.ts).
 */
import { useEffect, useState } from "react";
import type { sentence } from "./sentences";
import { useDiagram } from "./useDiagram";

/** Many writes issued together land together: name a few, count the rest. */
const SHOWN = 2;

export function EventLine() {
  const tMs = useDiagram((s) => s.tMs);
  const events = useDiagram((s) => s.events);
  const hasOps = useDiagram((s) => s.ops.length > 0);
  const playing = useDiagram((s) => s.playing);
  const note = useDiagram((s) => s.configNote);
  const strikeNote = useDiagram((s) => s.strikeNote);
  const crash = useDiagram((s) => s.timeline.crash);
  const fs = useDiagram((s) => s.config.guestFs);
  // The words arrive just after the first view (the line is there from the start, so screen
  // readers hear it change).
  const [say, setSay] = useState<typeof sentence | null>(null);
  useEffect(() => {
    void import("./sentences").then((m) => {
      setSay(() => m.sentence);
    });
  }, []);
  // The latest instant with news, searched from the playhead backwards: with thousands of
  // writes, wording every past event at each commit was wasted work.
  let texts: string[] = [];
  let i = events.findLastIndex((e) => e.tMs <= tMs);
  for (; i >= 0 && say && texts.length === 0; i--) {
    const instant = events[i]?.tMs;
    let start = i;
    while (start > 0 && events[start - 1]?.tMs === instant) start--;
    texts = events
      .slice(start, i + 1)
      .map((e) => say(e, fs))
      .filter(Boolean);
    i = start;
  }
  let line: string;
  if (!hasOps) {
    line = "Issue a write (an O_SYNC write shows the mode's arrow best), then press Play.";
  } else if (crash && tMs >= crash.atMs) {
    // The verdict is the crash instant's last event: it comes first, and whole.
    line = [texts.at(-1), strikeNote].filter(Boolean).join(" ");
  } else {
    const hidden = texts.length - SHOWN;
    line =
      texts.slice(0, SHOWN).join(" ") +
      (hidden > 0 ? ` …and ${String(hidden)} more at the same moment.` : "");
    if (!playing && tMs === 0) line = `${line} Press Play to watch.`;
  }
  return (
    <div className="event-area">
      {/* Focusable: should a verdict ever outgrow the fixed height, the keyboard can scroll it. */}
      <p className="event" role="status" aria-live="polite" tabIndex={0}>
        {line}
      </p>
      {note ? <p className="note">{note}</p> : null}
    </div>
  );
}
