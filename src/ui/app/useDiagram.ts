import { createContext, useContext, useDeferredValue } from "react";
import { useStore } from "zustand";
import type { DiagramActions, DiagramState, DiagramStore } from "../../store/store";

export const StoreContext = createContext<DiagramStore | null>(null);

/** Subscribes a component to a slice of the diagram store (re-renders only when it changes). */
export function useDiagram<T>(selector: (state: DiagramState & DiagramActions) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useDiagram needs a StoreContext provider");
  return useStore(store, selector);
}

/**
 * A slice for a panel that may lag the drawing a little: after a click, the browser typically
 * paints the drawing (the new token, the buttons) first, and the panel re-renders in the
 * background (React's useDeferredValue); bench:ui measures click to paint. The component's body must be a
 * memoized child of what this returns, so the urgent render costs a props comparison.
 */
export function useDiagramLater<T>(selector: (state: DiagramState & DiagramActions) => T): T {
  return useDeferredValue(useDiagram(selector));
}

export function useDiagramStore(): DiagramStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useDiagramStore needs a StoreContext provider");
  return store;
}
