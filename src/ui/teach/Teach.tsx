/**
 * For a classroom: the guided tours (src/tours) and presenter mode, one click each. Loaded after
 * the first view, beside the share buttons.
 */
import { useId } from "react";
import { TOUR_IDS, TOUR_TITLES, type TourId } from "../../tours/ids";
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
    <div className="buttons teach" role="group" aria-label="Teach">
      {TOUR_IDS.map((id) => (
        <button
          key={id}
          type="button"
          onClick={() => {
            onTour(id);
          }}
        >
          Tour: {TOUR_TITLES[id]}
        </button>
      ))}
      <button type="button" onClick={onPresent}>
        Presenter mode
      </button>
      <button type="button" onClick={onCompare}>
        Compare
      </button>
      <Check
        id={`${id}-predict`}
        label="Predict before a failure"
        checked={predictFirst}
        onChange={onPredictFirst}
      />
    </div>
  );
}
