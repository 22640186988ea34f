/**
 * The guided tours, lazy-loaded: each JSON file becomes its own chunk, fetched when the tour is
 * opened, and validated on load like any scenario document.
 */
import { validateTour, type TourDoc } from "./schema";

import { isTourId, TOUR_IDS, type TourId } from "./ids";

export { isTourId, TOUR_IDS, TOUR_TITLES, type TourId } from "./ids";

/** One dynamic import per tour: Vite splits each file into a chunk of its own. */
const LOADERS: Readonly<Record<TourId, () => Promise<{ default: unknown }>>> = {
  article: () => import("./article.json"),
  beyond: () => import("./beyond.json"),
};

export async function loadTour(id: TourId): Promise<TourDoc> {
  const { default: value } = await LOADERS[id]();
  const result = validateTour(value);
  if (!result.ok) throw new Error(`tour ${id}: ${result.error}`);
  if (result.tour.id !== id) throw new Error(`tour ${id}: the file's id is ${result.tour.id}`);
  return result.tour;
}

/** A link's `tour` and `step` (1-based) read: the tour and its 0-based step, and what was wrong. */
export function readTourLink(
  id: string,
  step: string | null,
): {
  readonly tour: { readonly id: TourId; readonly step: number } | null;
  readonly notices: string[];
} {
  if (!isTourId(id)) {
    return {
      tour: null,
      notices: [
        `The URL parameter “tour” is not valid (expected one of ${TOUR_IDS.join(", ")}); no tour was opened.`,
      ],
    };
  }
  const raw = step ?? "1";
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
  if (n >= 1) return { tour: { id, step: n - 1 }, notices: [] };
  return {
    tour: { id, step: 0 },
    notices: [
      "The URL parameter “step” is not valid (expected a step number from 1); starting at step 1.",
    ],
  };
}

/**
 * The 0-based `step` a link asks for, within `tour`: past its end it opens the last step, and says
 * so (a link written for a longer tour, or a mistyped number, is never silently moved).
 */
export function stepInTour(
  tour: TourDoc,
  step: number,
): { readonly step: number; readonly notices: string[] } {
  const last = tour.steps.length - 1;
  if (step <= last) return { step, notices: [] };
  const count = String(tour.steps.length);
  return {
    step: last,
    notices: [
      `The URL parameter “step” is not valid (the tour has ${count} steps); opening step ${count}.`,
    ],
  };
}
