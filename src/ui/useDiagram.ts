import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { DiagramActions, DiagramState, DiagramStore } from "../store/store";

export const StoreContext = createContext<DiagramStore | null>(null);

/** Subscribes a component to a slice of the diagram store (re-renders only when it changes). */
export function useDiagram<T>(selector: (state: DiagramState & DiagramActions) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useDiagram needs a StoreContext provider");
  return useStore(store, selector);
}

export function useDiagramStore(): DiagramStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useDiagramStore needs a StoreContext provider");
  return store;
}
