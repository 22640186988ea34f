/**
 * The speaker notes window (`?notes=1`, opened from presenter mode; ./notesChannel.ts): the open
 * step's narration, large enough to read at arm's length, what the room sees on the stage, the
 * explanation once the answer is out and the next step's title. A clicker's keys pressed here
 * move the presenting window, as slide software's presenter view does.
 */
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { NOTES, TOUR } from "../../text/teach";
import { notesChannel, type NotesMessage, type StepNotes, type ToPresenter } from "./notesChannel";
import { presenterAction } from "./presenterKeys";

/** Presenter mode's actions that belong to the presenting window; the rest stay here. */
const PASSED_ON = new Set(["next", "back", "play", "issue", "power", "faster", "slower"]);

export function Notes() {
  // undefined: no word from a presenting window yet; null: it has no tour open.
  const [notes, setNotes] = useState<StepNotes | null | undefined>(undefined);
  useEffect(() => {
    const channel = notesChannel();
    channel.onmessage = (e: MessageEvent<NotesMessage>) => {
      if (e.data.kind === "notes") setNotes(e.data.notes);
    };
    const say = (message: ToPresenter) => {
      channel.postMessage(message);
    };
    say({ kind: "hello" });
    const onKey = (e: KeyboardEvent) => {
      const action = presenterAction(e);
      if (!action) return;
      e.preventDefault();
      if (PASSED_ON.has(action.does)) say({ kind: "action", action });
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      channel.close();
    };
  }, []);
  useEffect(() => {
    document.title = notes
      ? `${NOTES.title}: ${TOUR.position(notes.step, notes.steps)}${notes.title}`
      : NOTES.title;
  }, [notes]);

  return (
    <main className="notes">
      <h1>{NOTES.title}</h1>
      {notes === undefined ? <p>{NOTES.waiting}</p> : null}
      {notes === null ? <p>{NOTES.noTour}</p> : null}
      {notes ? (
        <section aria-live="polite" aria-label={notes.tour}>
          <p className="notes-position">
            {TOUR.title(notes.tour)} · {TOUR.position(notes.step, notes.steps)}
            <strong>{notes.title}</strong>
          </p>
          <p className="notes-caption">
            <span className="notes-label">{NOTES.caption}: </span>
            {notes.caption}
          </p>
          <p className="notes-narration">{notes.narration}</p>
          {notes.reveal ? (
            <p className="notes-reveal" data-revealed={notes.revealed}>
              <span className="notes-label">{NOTES.afterReveal}: </span>
              {notes.reveal}
            </p>
          ) : null}
          <p className="notes-next">{notes.next ? NOTES.next(notes.next) : NOTES.last}</p>
        </section>
      ) : null}
      <p className="notes-keys">{NOTES.keys}</p>
    </main>
  );
}

export function mountNotes(container: Element): void {
  createRoot(container).render(
    <StrictMode>
      <Notes />
    </StrictMode>,
  );
}
