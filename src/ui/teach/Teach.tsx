/**
 * For a classroom: the guided tours (src/tours) and presenter mode, one click each. Loaded after
 * the first view, beside the share buttons.
 */
import { useId } from "react";
import { TOUR_IDS, TOUR_TITLES, type TourId } from "../../tours/ids";
import { TEACH } from "../../text/teach";
import { Check } from "../controls/Check";

interface TeachProps {
  readonly onTour: (id: TourId) => void;
  readonly onPresent: () => void;
  /** Opens a second configuration beside this one. */
  readonly onCompare: () => void;
  /** Whether a failure button asks for a prediction before it strikes. */
  readonly predictFirst: boolean;
  readonly onPredictFirst: (on: boolean) => void;
}

export default function Teach({
  onTour,
  onPresent,
  onCompare,
  predictFirst,
  onPredictFirst,
}: TeachProps) {
  const id = useId();
  return (
    <div className="buttons teach" role="group" aria-label={TEACH.group}>
      {TOUR_IDS.map((id) => (
        <button
          key={id}
          type="button"
          onClick={() => {
            onTour(id);
          }}
        >
          {TEACH.tour(TOUR_TITLES[id])}
        </button>
      ))}
      <button type="button" onClick={onPresent}>
        {TEACH.present}
      </button>
      <button type="button" onClick={onCompare}>
        {TEACH.compare}
      </button>
      <Check
        id={`${id}-predict`}
        label={TEACH.predictFirst}
        checked={predictFirst}
        onChange={onPredictFirst}
      />
    </div>
  );
}
