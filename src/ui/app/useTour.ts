import { createContext, useContext, useSyncExternalStore } from "react";
import type { TourActions, TourState, TourStore } from "../../store/tour";

/**
 * The guided tour beside the diagram (src/store/tour.ts), one per mounted diagram: null until a
 * tour is first opened (its code is not part of the first view).
 */
export const TourContext = createContext<TourStore | null>(null);

const never = () => () => undefined;

/**
 * Subscribes a component to a slice of the tour, or `fallback` while there is none. The selector
 * must return values that stay identical while unchanged (fields, not new objects).
 */
export function useTour<T>(selector: (state: TourState & TourActions) => T, fallback: T): T {
  const store = useContext(TourContext);
  return useSyncExternalStore(store ? store.subscribe : never, () =>
    store ? selector(store.getState()) : fallback,
  );
}

/** The tour's store, for a component that exists only while a tour does. */
export function useTourStore(): TourStore {
  const store = useContext(TourContext);
  if (!store) throw new Error("useTourStore needs an open tour");
  return store;
}
