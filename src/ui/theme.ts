/**
 * The colour theme (docs/embedding.md, "Themes"): `data-theme="light"` or `"dark"` on the element
 * whose subtree the theme colours (src/ui/theme.css holds the colours): the page's <html>, or the
 * <kvm-cache-diagram> element's root in its shadow tree. `auto` is resolved here, from the
 * browser's `prefers-color-scheme`, and followed live while it changes; so one block of dark
 * colours serves a chosen dark and an automatic one, and the token canvas (src/anim/canvas.ts)
 * repaints on the one attribute it watches.
 */
import type { Theme } from "../link/view";

const DARK = "(prefers-color-scheme: dark)";

/** What each themed element currently follows, so a new choice replaces the old listener. */
const following = new WeakMap<HTMLElement, () => void>();

/** Colours `target`'s subtree in `theme`, following the browser while it is auto. */
export function applyTheme(target: HTMLElement, theme: Theme): void {
  stopTheme(target);
  if (theme !== "auto") {
    target.dataset.theme = theme;
    return;
  }
  const query = typeof matchMedia === "function" ? matchMedia(DARK) : null;
  const follow = () => {
    target.dataset.theme = query?.matches ? "dark" : "light";
  };
  follow();
  query?.addEventListener("change", follow);
  following.set(target, () => {
    query?.removeEventListener("change", follow);
  });
}

/** Stops following the browser for `target` (the element, when it leaves the page). */
export function stopTheme(target: HTMLElement): void {
  following.get(target)?.();
  following.delete(target);
}
