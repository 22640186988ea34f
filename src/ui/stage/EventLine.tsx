/**
 * The event line: what just happened, announced politely to screen readers. It holds three lines,
 * so the usual sentences move nothing around it during playback, and grows for a longer one: it
 * is never cut (issue 17). After a failure it shows the failure's verdict, first and whole. Otherwise it shows the latest instant with news; an instant with news about
 * none of the user's writes (a routine journal commit) never replaces it, since such events say
 * nothing (src/text/sentences.ts).
 */
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import type { SessionEvent } from "../../store/events";
import type { sentence, sessionEvents, speaks } from "../../text/sentences";
import { EVENT_LINE } from "../../text/page";
import { useDiagram } from "../app/useDiagram";

interface Words {
  readonly sentence: typeof sentence;
  readonly speaks: typeof speaks;
  readonly sessionEvents: typeof sessionEvents;
}

/** Many writes issued together land together: name a few, count the rest. */
const SHOWN = 2;

export function EventLine() {
  const tMs = useDiagram((s) => s.tMs);
  // Building every typed event costs about 10 ms at 1,000 writes: it happens in a render after
  // the one that paints a new write or failure (the drawing and the ledger first). Everything the
  // line says about the document comes from that same deferred timeline, so it never mixes two.
  const timeline = useDeferredValue(useDiagram((s) => s.timeline));
  const hasOps = timeline.ops.length > 0;
  const playing = useDiagram((s) => s.playing);
  const note = useDiagram((s) => s.configNote);
  const strikeNote = useDiagram((s) => s.strikeNote);
  const crash = timeline.crash;
  const fs = timeline.config.guestFs;
  // The words arrive just after the first view (the line is there from the start, so screen
  // readers hear it change).
  const [words, setWords] = useState<Words | null>(null);
  useEffect(() => {
    void import("../../text/sentences").then((m) => {
      setWords({ sentence: m.sentence, speaks: m.speaks, sessionEvents: m.sessionEvents });
    });
  }, []);
  // The typed events are built here, with the words (the store keeps only their instants).
  const events = useMemo(() => words?.sessionEvents(timeline) ?? [], [words, timeline]);
  // The latest instant with news, searched from the playhead backwards; at that instant, only
  // what is shown is worded and the rest counted (thousands of writes can land together).
  let speakers: SessionEvent[] = [];
  let i = events.findLastIndex((e) => e.tMs <= tMs);
  for (; i >= 0 && words && speakers.length === 0; i--) {
    const instant = events[i]?.tMs;
    let start = i;
    while (start > 0 && events[start - 1]?.tMs === instant) start--;
    speakers = events.slice(start, i + 1).filter((e) => words.speaks(e, fs));
    i = start;
  }
  const say = (e: SessionEvent | undefined) => (e && words ? words.sentence(e, fs) : "");
  let line: string;
  if (!hasOps) {
    line = EVENT_LINE.empty;
  } else if (crash && tMs >= crash.atMs) {
    // The verdict is the crash instant's last event: it comes first, and whole.
    line = [say(speakers.at(-1)), strikeNote && EVENT_LINE.strikeNote[strikeNote]]
      .filter(Boolean)
      .join(" ");
  } else {
    const hidden = speakers.length - SHOWN;
    line =
      speakers.slice(0, SHOWN).map(say).join(" ") + (hidden > 0 ? EVENT_LINE.more(hidden) : "");
    if (!playing && tMs === 0) line = `${line}${EVENT_LINE.start}`;
  }
  return (
    <div className="event-area">
      <p className="event" role="status" aria-live="polite">
        {line}
      </p>
      {note ? <p className="note">{EVENT_LINE.configNote[note]}</p> : null}
    </div>
  );
}
