/**
 * The colour theme (docs/embedding.md, "Themes"): `data-theme="light"` or `"dark"` on the element
 * whose subtree the theme colours (src/ui/theme.css holds the colours): the page's <html>, or the
 * <kvm-cache-diagram> element's root in its shadow tree. `auto` is resolved here, from the
 * browser's `prefers-color-scheme`, and followed live while it changes; so one block of dark
 * colours serves a chosen dark and an automatic one, and the token canvas (src/anim/canvas.ts)
 * repaints on the one attribute it watches.
 *
 * `page` (the element only) follows the host page's own CSS `color-scheme` where the element
 * stands: the docs tools' dark switches set it (VitePress `html.dark`, Docusaurus
 * `[data-theme=dark]`, Material for MkDocs `slate`, mdBook's dark themes), so the diagram turns
 * dark and light with the site, whatever the browser's setting.
 */
import type { Theme } from "../link/view";

const DARK = "(prefers-color-scheme: dark)";

/** What each themed element currently follows, so a new choice replaces the old listener. */
const following = new WeakMap<HTMLElement, () => void>();

/**
 * The scheme a page draws itself in where `el` stands, from its computed `color-scheme`: one
 * scheme named, that one; none (`normal`: the page has no dark colours), light; both, the
 * browser's (null).
 */
export function pageScheme(el: Element): "light" | "dark" | null {
  const named = getComputedStyle(el)
    .colorScheme.split(/\s+/)
    .filter((word) => word === "light" || word === "dark");
  if (named.length === 0) return "light";
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * Colours `target`'s subtree in `theme`, following the browser while it is auto; `page`: the
 * page's colour scheme at `place` (the element's parent), followed as the site switches it.
 */
export function applyTheme(target: HTMLElement, theme: Theme | "page", place?: Element): void {
  stopTheme(target);
  if (theme === "light" || theme === "dark") {
    target.dataset.theme = theme;
    return;
  }
  const query = typeof matchMedia === "function" ? matchMedia(DARK) : null;
  const browser = () => (query?.matches ? "dark" : "light");
  const follow = () => {
    target.dataset.theme = (theme === "page" && place ? pageScheme(place) : null) ?? browser();
  };
  follow();
  query?.addEventListener("change", follow);
  // A site's switch changes a class or attribute of <html> or <body> (or their style).
  const site = theme === "page" ? new MutationObserver(follow) : null;
  for (const el of [document.documentElement, document.body])
    site?.observe(el, { attributes: true });
  following.set(target, () => {
    query?.removeEventListener("change", follow);
    site?.disconnect();
  });
}

/** Stops following the browser for `target` (the element, when it leaves the page). */
export function stopTheme(target: HTMLElement): void {
  following.get(target)?.();
  following.delete(target);
}
