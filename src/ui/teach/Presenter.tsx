/**
 * Presenter mode's bar and keys (./presenterKeys.ts; README, "Teach with it"): the clicker and
 * the keyboard step the tour (a prediction reveals first), play and pause, issue writes, cut the
 * power and change the speed; "?" lists the keys, Escape leaves, and "Speaker notes" (N) opens
 * the narration in a second window that follows the step (./notesChannel.ts).
 */
import { useCallback, useContext, useEffect, useState } from "react";
import { useDiagramStore } from "../app/useDiagram";
import { TourContext } from "../app/useTour";
import { FailureGate } from "../controls/failureGate";
import { PRESENTER } from "../../text/teach";
import { act, presenterAction, type PresenterAction } from "./presenterKeys";
import { notesChannel, notesOf, notesUrl, type NotesMessage, type ToNotes } from "./notesChannel";

interface PresenterProps {
  readonly onExit: () => void;
}

export default function Presenter({ onExit }: PresenterProps) {
  const store = useDiagramStore();
  const tours = useContext(TourContext);
  const gate = useContext(FailureGate);
  const [keysShown, setKeysShown] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const openNotes = useCallback(() => {
    const opened = window.open(notesUrl(window.location.href), "kvm-cache-diagram-notes", "popup");
    setBlocked(opened === null);
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add("presenting");
    window.scrollTo(0, 0);
    const run = (action: PresenterAction) => {
      if (action.does === "keys") setKeysShown((shown) => !shown);
      else if (action.does === "exit") onExit();
      else if (action.does === "notes") openNotes();
      else act(action, store, tours, gate);
    };
    const onKey = (e: KeyboardEvent) => {
      const action = presenterAction(e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      run(action);
    };
    // Capture: before a focused radio or button sees the key.
    window.addEventListener("keydown", onKey, true);

    // The speaker notes window: told where the tour stands, and its keys obeyed.
    const channel = notesChannel();
    const tell = () => {
      const message: ToNotes = { kind: "notes", notes: tours ? notesOf(tours.getState()) : null };
      channel.postMessage(message);
    };
    channel.onmessage = (e: MessageEvent<NotesMessage>) => {
      if (e.data.kind === "hello") tell();
      else if (e.data.kind === "action") run(e.data.action);
    };
    tell();
    const unsubscribe = tours?.subscribe((state, prev) => {
      if (state.tour !== prev.tour || state.step !== prev.step || state.revealed !== prev.revealed)
        tell();
    });
    return () => {
      window.removeEventListener("keydown", onKey, true);
      unsubscribe?.();
      channel.close();
      root.classList.remove("presenting");
    };
  }, [store, tours, gate, onExit, openNotes]);

  return (
    <div className="presenter-bar">
      <button type="button" onClick={onExit}>
        {PRESENTER.exit}
      </button>
      <button
        type="button"
        aria-expanded={keysShown}
        onClick={() => {
          setKeysShown((shown) => !shown);
        }}
      >
        {PRESENTER.keys}
      </button>
      <button type="button" onClick={openNotes}>
        {PRESENTER.notes}
      </button>
      {blocked ? (
        <p className="presenter-blocked" role="alert">
          {PRESENTER.notesBlocked}
        </p>
      ) : null}
      {keysShown ? (
        <dl className="presenter-keys">
          {PRESENTER.keyList.map(([keys, does]) => (
            <div key={keys}>
              <dt>{keys}</dt>
              <dd>{does}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
