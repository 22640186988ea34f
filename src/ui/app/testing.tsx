/**
 * What a component under test needs around it: the diagram's store and, when a tour is open, the
 * tour's (as App provides them). Tests drive the real stores; nothing of ours is mocked.
 */
import type { ReactNode } from "react";
import type { DiagramStore } from "../../store/store";
import type { TourStore } from "../../store/tour";
import { StoreContext } from "./useDiagram";
import { TourContext } from "./useTour";

/** A `wrapper` for @testing-library/react's render. */
export function providers(store: DiagramStore, tours: TourStore | null = null) {
  return function Providers({ children }: { readonly children: ReactNode }) {
    return (
      <StoreContext.Provider value={store}>
        <TourContext.Provider value={tours}>{children}</TourContext.Provider>
      </StoreContext.Provider>
    );
  };
}

/**
 * happy-dom lays nothing out (every box measures 0 × 0), and a virtualized table renders no row
 * in a box of no height: this gives the scroll boxes (`.table-scroll`) a height, as a browser's
 * layout would. Returns the undo.
 */
export function layOutScrollBoxes(heightPx = 600): () => void {
  const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
  Object.defineProperty(HTMLElement.prototype, "clientHeight", {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains("table-scroll") ? heightPx : 0;
    },
  });
  return () => {
    if (own) Object.defineProperty(HTMLElement.prototype, "clientHeight", own);
    else Reflect.deleteProperty(HTMLElement.prototype, "clientHeight");
  };
}
