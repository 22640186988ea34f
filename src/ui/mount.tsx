/**
 * The one way the diagram starts (docs/embedding.md): the page, an embed and the
 * <kvm-cache-diagram> element all call `mountDiagram` with a scenario and a view, and get back
 * the store to drive and listen to. Syncing the address bar and the message API for host pages
 * are adapters around the store (src/link/urlSync.ts, src/embed), not part of the React tree.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { toScenarioDoc, type SessionDoc } from "../scenario/session";
import { createDiagramStore, type DiagramStore } from "../store/store";
import type { TourStore } from "../store/tour";
import { App } from "./app/App";
import { LayoutWidthContext, WINDOW_WIDTH, type LayoutWidth } from "./app/usePhone";
import { FULL_PAGE, type View } from "../link/view";

export interface MountOptions {
  /** What to show; an empty session under the default configuration when absent. */
  readonly doc?: SessionDoc;
  /** Where the playhead starts, in model ms (clamped to what can be shown). */
  readonly tMs?: number;
  /** Said once above the diagram (for instance, a bad URL parameter and the default used). */
  readonly notices?: readonly string[];
  readonly view?: View;
  /** Start playing at once. */
  readonly play?: boolean;
  /** Told when the tour store is created (the first time a tour opens): the URL follows it. */
  readonly onTours?: (tours: TourStore) => void;
  /** Where the layout's width comes from, when not the window (the element's own box). */
  readonly layoutWidth?: LayoutWidth;
}

export interface MountedDiagram {
  readonly store: DiagramStore;
  readonly unmount: () => void;
}

export function mountDiagram(element: Element | DocumentFragment, options: MountOptions = {}) {
  const { doc, tMs = 0, notices = [], view = FULL_PAGE, play = false, onTours } = options;
  const { layoutWidth = WINDOW_WIDTH } = options;
  const store = createDiagramStore(doc?.config);
  if (doc && (doc.ops.length > 0 || doc.crash)) store.getState().load(toScenarioDoc(doc), tMs);
  if (play) store.getState().setPlaying(true);
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <LayoutWidthContext.Provider value={layoutWidth}>
        <App store={store} view={view} initialNotices={notices} onTours={onTours} />
      </LayoutWidthContext.Provider>
    </StrictMode>,
  );
  return {
    store,
    unmount: () => {
      root.unmount();
    },
  } satisfies MountedDiagram;
}
