/**
 * The guided tours, lazy-loaded: each JSON file becomes its own chunk, fetched when the tour is
 * opened, and validated on load like any scenario document.
 */
import { validateTour, type TourDoc } from "./schema";

export const TOUR_IDS = ["article", "beyond"] as const;
export type TourId = (typeof TOUR_IDS)[number];

export function isTourId(value: string): value is TourId {
  return (TOUR_IDS as readonly string[]).includes(value);
}

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
