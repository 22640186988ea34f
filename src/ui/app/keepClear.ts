/**
 * Beside the stage the event line and the verdict stay at the column's foot, over the controls
 * that scroll under them (app.css, `.pinned`). The column's bottom scroll padding is kept as tall
 * as they are, so a control that takes the focus is scrolled clear of them, not hidden behind
 * them (WCAG 2.2, 2.4.11 Focus Not Obscured). Where the column does not scroll (a phone), the
 * padding does nothing.
 *
 * A callback ref for the pinned block; its return value is React's cleanup.
 */
export function keepClear(pinned: HTMLElement | null): (() => void) | undefined {
  const column = pinned?.parentElement;
  if (!pinned || !column || typeof ResizeObserver === "undefined") return undefined;
  const observer = new ResizeObserver(() => {
    column.style.scrollPaddingBottom = `${String(pinned.offsetHeight)}px`;
  });
  observer.observe(pinned);
  return () => {
    observer.disconnect();
    column.style.scrollPaddingBottom = "";
  };
}
