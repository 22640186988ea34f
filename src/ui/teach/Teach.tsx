/**
 * For a classroom: the guided tours (src/tours), presenter mode and Compare, in the page's top
 * bar (issue 17: a first-time visitor sees them without scrolling); and "Predict before a
 * failure", beside the failure buttons it changes. Loaded after the first view.
 *
 * The tours are one button that opens their list (a native popover: Escape or a click elsewhere
 * closes it), so the top bar fits beside the title at 1024 px.
 */
import { useId, useRef } from "react";
import { TOUR_IDS, TOUR_TITLES, type TourId } from "../../tours/ids";
import { TEACH } from "../../text/teach";
import { Check } from "../controls/Check";

interface TeachProps {
  readonly onTour: (id: TourId) => void;
  readonly onPresent: () => void;
  /** Opens a second configuration beside this one. */
  readonly onCompare: () => void;
}

export default function Teach({ onTour, onPresent, onCompare }: TeachProps) {
  const listId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // A popover sits in the top layer, placed by the window: under its button, inside the window.
  const place = () => {
    const at = opener.current?.getBoundingClientRect();
    const el = list.current;
    if (!at || !el) return;
    const room = document.documentElement.clientWidth - el.offsetWidth - 4;
    el.style.top = `${String(at.bottom + 4)}px`;
    el.style.left = `${String(Math.max(4, Math.min(at.left, room)))}px`;
  };
  return (
    <div className="buttons teach" role="group" aria-label={TEACH.group}>
      <button ref={opener} type="button" popoverTarget={listId}>
        {TEACH.tours} <span aria-hidden="true">▾</span>
      </button>
      <div ref={list} id={listId} popover="auto" className="tour-list" onToggle={place}>
        {TOUR_IDS.map((id) => (
          <button
            key={id}
            type="button"
            onClick={() => {
              list.current?.hidePopover();
              onTour(id);
            }}
          >
            {TEACH.tour(TOUR_TITLES[id])}
          </button>
        ))}
      </div>
      <button type="button" onClick={onPresent}>
        {TEACH.present}
      </button>
      <button type="button" onClick={onCompare}>
        {TEACH.compare}
      </button>
    </div>
  );
}

interface PredictFirstProps {
  /** Whether a failure button asks for a prediction before it strikes. */
  readonly on: boolean;
  readonly onChange: (on: boolean) => void;
}

export function PredictFirst({ on, onChange }: PredictFirstProps) {
  const id = useId();
  return <Check id={`${id}-predict`} label={TEACH.predictFirst} checked={on} onChange={onChange} />;
}
