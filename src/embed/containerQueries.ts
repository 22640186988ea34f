/**
 * The page lays itself out by the window (src/ui/app.css: `@media (max-width: 52rem)`, …); an
 * element in someone's docs column must lay itself out by its own width, or a 688 px column in a
 * 1440 px window gets the two-column desktop layout and a 288 px drawing (issue 17). A shadow
 * root still reads media queries from the window, so the element's sheet is the page's with
 * every width-only media query turned into a container query on the element's root (same
 * breakpoints, one set of rules). The page keeps its media queries: its breakpoints stay where
 * they were, scrollbar included.
 *
 * Queries on anything besides width (reduced motion, the projector's width *and* height) stay
 * media queries: a container of `container-type: inline-size` has no height to ask about.
 */

/** `(max-width: 52rem)` as written in app.css, or `(width<=52rem)` as the minifier writes it. */
const WIDTH_ONLY =
  /@media\s*(\(\s*(?:(?:max|min)-width\s*:|width\s*[<>]=?)\s*[\d.]+(?:rem|em|px)\s*\))\s*\{/g;

export function containerQueries(css: string): string {
  return css.replace(WIDTH_ONLY, "@container $1 {");
}
