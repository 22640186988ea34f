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
  // A shipped file is checked by its test (src/tours/tours.test.ts says the problem in words).
  if (!result.ok) throw new Error(`tour ${id}: ${JSON.stringify(result.problem)}`);
  if (result.tour.id !== id) throw new Error(`tour ${id}: the file's id is ${result.tour.id}`);
  return result.tour;
}

/**
 * What was wrong with a link's `tour` or `step`, as facts (src/text/url.ts says it): a tour that
 * is not one of `allowed` (none opens), or a step that is not a number from 1 (step 1 opens).
 */
export type TourLinkProblem =
  { readonly param: "tour"; readonly allowed: readonly TourId[] } | { readonly param: "step" };

/** A link's `tour` and `step` (1-based) read: the tour and its 0-based step, and what was wrong. */
export function readTourLink(
  id: string,
  step: string | null,
): {
  readonly tour: { readonly id: TourId; readonly step: number } | null;
  readonly problems: readonly TourLinkProblem[];
} {
  if (!isTourId(id)) return { tour: null, problems: [{ param: "tour", allowed: TOUR_IDS }] };
  const raw = step ?? "1";
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
  if (n >= 1) return { tour: { id, step: n - 1 }, problems: [] };
  return { tour: { id, step: 0 }, problems: [{ param: "step" }] };
}

/**
 * The 0-based `step` a link asks for, within `tour`: past its end it opens the last step, and
 * `pastEnd` gives the tour's length so the page says so (src/text/url.ts): a link written for a
 * longer tour, or a mistyped number, is never silently moved.
 */
export function stepInTour(
  tour: TourDoc,
  step: number,
): { readonly step: number; readonly pastEnd: number | null } {
  const last = tour.steps.length - 1;
  return step <= last ? { step, pastEnd: null } : { step: last, pastEnd: tour.steps.length };
}
