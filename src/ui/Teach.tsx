/**
 * For a classroom: the guided tours (src/tours) and presenter mode, one click each. Loaded after
 * the first view, beside the share buttons.
 */
import { TOUR_IDS, TOUR_TITLES, type TourId } from "../tours/ids";

interface TeachProps {
  readonly onTour: (id: TourId) => void;
  readonly onPresent: () => void;
}

export default function Teach({ onTour, onPresent }: TeachProps) {
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
    </div>
  );
}
