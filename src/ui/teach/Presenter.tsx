/**
 * Presenter mode's keys (README, "Teach with it"), as a presenter's clicker sends them: PageDown,
 * →, Space and "." go to the next step (the tour's, or else the next instant where anything
 * happens); PageUp and ← go back; "?" shows the keys; Escape leaves. Every other key that would
 * scroll the page or move a radio group's choice (the arrows, Home, End) does nothing here, so
 * nothing changes the configuration by accident and the page never scrolls.
 */
import { useContext, useEffect, useState } from "react";
import { useDiagramStore } from "../app/useDiagram";
import { TourContext } from "../app/useTour";
import { PRESENTER } from "../../text/teach";

const NEXT = new Set(["PageDown", "ArrowRight", " ", "."]);
const BACK = new Set(["PageUp", "ArrowLeft"]);
const SWALLOWED = new Set(["ArrowUp", "ArrowDown", "Home", "End"]);

interface PresenterProps {
  readonly onExit: () => void;
}

export default function Presenter({ onExit }: PresenterProps) {
  const store = useDiagramStore();
  const tours = useContext(TourContext);
  const [keysShown, setKeysShown] = useState(false);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add("presenting");
    window.scrollTo(0, 0);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const tour = tours?.getState().tour ? tours.getState() : null;
      let handled = true;
      if (NEXT.has(e.key)) {
        if (!tour?.next()) store.getState().step(1);
      } else if (BACK.has(e.key)) {
        if (!tour?.previous()) store.getState().step(-1);
      } else if (e.key === "?") {
        setKeysShown((shown) => !shown);
      } else if (e.key === "Escape") {
        onExit();
      } else {
        handled = SWALLOWED.has(e.key);
      }
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    // Capture: before a focused radio or button sees the key.
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      root.classList.remove("presenting");
    };
  }, [store, tours, onExit]);

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
