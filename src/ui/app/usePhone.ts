import { createContext, useContext, useSyncExternalStore } from "react";

/**
 * The box the layout follows: null for the window (the page, an iframe), or the element's root
 * for <kvm-cache-diagram>, whose styles ask its container for their breakpoints
 * (src/embed/containerQueries.ts) and whose drawing must ask the same box.
 */
export const LayoutBox = createContext<Element | null>(null);

/** The phone's width, where the drawing drops its label column (app.css uses the same 30rem). */
const PHONE_REM = 30;

function rootFontPx(): number {
  // rem in a media or container query is the document's root font size.
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** Whether the layout is a phone's: the window's width, or the layout box's, ≤ 30rem. */
export function usePhone(): boolean {
  const box = useContext(LayoutBox);
  return useSyncExternalStore(
    (notify) => {
      if (box) {
        const observer = new ResizeObserver(notify);
        observer.observe(box);
        return () => {
          observer.disconnect();
        };
      }
      const query = window.matchMedia(`(max-width: ${String(PHONE_REM)}rem)`);
      query.addEventListener("change", notify);
      return () => {
        query.removeEventListener("change", notify);
      };
    },
    () =>
      box
        ? box.clientWidth <= PHONE_REM * rootFontPx()
        : window.matchMedia(`(max-width: ${String(PHONE_REM)}rem)`).matches,
  );
}
