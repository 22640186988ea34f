/**
 * How the page is shown, apart from what it shows (the scenario): the full page, or an embed in
 * someone's docs (docs/embedding.md). Read from the URL's view parameters; none of them is part
 * of the scenario, and a link made from an embed ("Open full view") drops them.
 */
export interface View {
  /** `embed=1`: the stage and a compact strip, no page title, sized from the frame's width. */
  readonly embed: boolean;
  /** `ledger=1`: an embed that shows the ledger too (the full page always does). */
  readonly ledger: boolean;
  /**
   * Where an embed's "Open full view" link goes (the scenario is added to it): the frame's own
   * address, or for the element the page served beside its script. Null: no link.
   */
  readonly fullView: string | null;
}

export const FULL_PAGE: View = { embed: false, ledger: true, fullView: null };

/** The view parameters: never part of a scenario or a link to the full view. */
export const VIEW_PARAMS = ["embed", "ledger", "play", "origin"] as const;

const on = (value: string | null) => value === "1" || value === "on" || value === "true";

/** The view the page's address asks for (`href`: the address, whose search is read). */
export function readView(href: string): View {
  const params = new URL(href).searchParams;
  const embed = on(params.get("embed"));
  return { embed, ledger: !embed || on(params.get("ledger")), fullView: embed ? href : null };
}

/** `play=1`: start playing as soon as the page is shown. */
export function readPlay(search: string): boolean {
  return on(new URLSearchParams(search).get("play"));
}
