import { createContext, useContext, useSyncExternalStore } from "react";

/** Where the layout's width comes from: whether it is a phone's, and when that may change. */
export interface LayoutWidth {
  readonly phone: () => boolean;
  readonly subscribe: (notify: () => void) => () => void;
}

/** The phone's width, where the drawing drops its label column (app.css uses the same 30rem). */
export const PHONE_REM = 30;

const PHONE = `(max-width: ${String(PHONE_REM)}rem)`;

/** The window's width, as app.css's media queries read it (the page, an iframe). */
export const WINDOW_WIDTH: LayoutWidth = {
  phone: () => window.matchMedia(PHONE).matches,
  subscribe: (notify) => {
    const query = window.matchMedia(PHONE);
    query.addEventListener("change", notify);
    return () => {
      query.removeEventListener("change", notify);
    };
  },
};

/**
 * The window's, or for <kvm-cache-diagram> its own box's (src/embed/element.ts): its styles ask
 * their container for their breakpoints (src/embed/containerQueries.ts), and the drawing must ask
 * the same box.
 */
export const LayoutWidthContext = createContext<LayoutWidth>(WINDOW_WIDTH);

/** Whether the layout is a phone's: its width ≤ 30rem. */
export function usePhone(): boolean {
  const width = useContext(LayoutWidthContext);
  return useSyncExternalStore(width.subscribe, width.phone);
}
