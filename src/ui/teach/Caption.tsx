/**
 * Presenter mode's caption: the open tour step's one line (≤ 15 words, src/tours), large, on the
 * stage above the drawing, for the back of the room; the narration is the presenter's (the
 * speaker notes). On a prediction step it is the question, so it never gives the answer away.
 * Nothing while no tour is open.
 */
import { useTour } from "../app/useTour";

export default function Caption() {
  const caption = useTour((t) => (t.tour ? t.tour.steps[t.step]?.caption : undefined), undefined);
  if (caption === undefined) return null;
  return (
    <p className="stage-caption" aria-live="polite">
      {caption}
    </p>
  );
}
