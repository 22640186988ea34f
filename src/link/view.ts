/**
 * How the page is shown, apart from what it shows (the scenario): the full page, an embed in
 * someone's docs (docs/embedding.md), presenter mode for a projector, a guided tour open at a
 * step. Read from the URL's view parameters; none of them is part of the scenario, and a link
 * made from an embed ("Open full view") drops the embed's own.
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
  /** `present=1`: presenter mode (README, "Teach with it"). */
  readonly present: boolean;
  /**
   * `compare=<mode>&compareBarriers=&compareFs=&compareDisk=` (each field's `compare` parameter
   * in the configuration table): a second configuration beside the page's, as the link has them
   * (read when the comparison loads, src/ui/compare/Compare.tsx).
   */
  readonly compare: string | null;
  /** `tour=<id>&step=<n>`: a guided tour to open at step n (1-based), as the link has them. */
  readonly tour: { readonly id: string; readonly step: string | null } | null;
  /** `theme=light|dark|auto`: the colours; auto follows the browser's (docs/embedding.md, "Themes"). */
  readonly theme: Theme;
}

/** The colour themes a link or the element's `theme` attribute may ask for. */
export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** `raw` as a theme (any letter case), or null when it names none (src/link/url.ts says so). */
export function readTheme(raw: string | null): Theme | null {
  const value = raw?.trim().toLowerCase();
  return THEMES.find((theme) => theme === value) ?? null;
}

export const FULL_PAGE: View = {
  embed: false,
  ledger: true,
  fullView: null,
  present: false,
  compare: null,
  tour: null,
  theme: "auto",
};

const on = (value: string | null) => value === "1" || value === "on" || value === "true";

/** The view the page's address asks for (`href`: the address). */
export function readView(href: string): View {
  const params = new URL(href).searchParams;
  const embed = on(params.get("embed"));
  const tour = params.get("tour");
  return {
    embed,
    ledger: !embed || on(params.get("ledger")),
    fullView: embed ? href : null,
    present: on(params.get("present")),
    compare: params.has("compare") ? params.toString() : null,
    // Read when the tour loads (src/tours/index.ts, `readTourLink`): its code is not the first view's.
    tour: tour === null ? null : { id: tour, step: params.get("step") },
    theme: readTheme(params.get("theme")) ?? "auto",
  };
}

/** `play=1`: start playing as soon as the page is shown. */
export function readPlay(search: string): boolean {
  return on(new URLSearchParams(search).get("play"));
}

/** `notes=1`: presenter mode's speaker notes window (src/ui/teach/Notes.tsx), not the diagram. */
export function readNotes(search: string): boolean {
  return on(new URLSearchParams(search).get("notes"));
}
