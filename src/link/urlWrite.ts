/**
 * The URL written back in place as the user acts (the format: src/link/url.ts, which reads it),
 * and what to say about a link before it is shared.
 * A module of its own so the first view does not load it: the page writes its URL only after the
 * user changed something.
 */
import { CONFIG_FIELDS, CONFIG_KEYS } from "../model/config";
import { paramText } from "../scenario/params";
import type { SessionConfig, SessionDoc } from "../scenario/session";
import { isTourId } from "../tours/ids";

/**
 * The query string for `config`, keeping any other parameters of `search`: each field by its
 * parameter in the configuration table; one written "unlessDefault" (the faults) only when it is
 * not the default, so ordinary links stay short (docs/model.md §4).
 */
export function writeUrlConfig(search: string, config: SessionConfig): string {
  const params = new URLSearchParams(search);
  for (const key of CONFIG_KEYS) {
    const { param, written, default: fallback } = CONFIG_FIELDS[key];
    if (written === "unlessDefault" && config[key] === fallback) params.delete(param);
    else params.set(param, paramText(config[key]));
  }
  return `?${params.toString()}`;
}

/** A number as the link writes it: short, and exact enough to restore the same instant. */
function ms(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * The query string for a scenario at `tMs`, and the open tour's step (0-based; 1-based in the
 * link) if any, keeping any other parameters of `search`. `@` and `,` are legal in a query and
 * kept readable.
 */
export function writeUrlScenario(
  search: string,
  doc: SessionDoc,
  tMs: number,
  tour: { readonly id: string; readonly step: number } | null = null,
): string {
  const params = new URLSearchParams(writeUrlConfig(search, doc.config));
  // Only a shipped tour has a link (a prediction of the free view is not one).
  if (tour && isTourId(tour.id)) {
    params.set("tour", tour.id);
    params.set("step", String(tour.step + 1));
  } else {
    params.delete("tour");
    params.delete("step");
  }
  if (doc.ops.length > 0)
    params.set("ops", doc.ops.map((op) => `${op.kind}@${ms(op.atMs)}`).join(","));
  else params.delete("ops");
  if (doc.crash) params.set("crash", `${doc.crash.kind}@${ms(doc.crash.atMs)}`);
  else params.delete("crash");
  if (doc.ops.length > 0 && tMs > 0) params.set("t", ms(tMs));
  else params.delete("t");
  return `?${params.toString().replace(/%40/g, "@").replace(/%2C/g, ",")}`;
}

/**
 * Many web servers refuse a request line longer than 8 KiB (nginx's default buffer, for one):
 * a link longer than this may not open everywhere, and a scenario file is the safer way to share.
 */
export const SAFE_LINK_LENGTH = 8_000;

/** What to tell someone about to share `href`, when its length puts it at risk; null if fine. */
export function longLinkWarning(href: string): string | null {
  if (href.length <= SAFE_LINK_LENGTH) return null;
  const kib = (href.length / 1024).toFixed(0);
  return `This link is ${kib} KiB long: some web servers refuse links over 8 KiB. For this many writes, Export scenario is safer to share.`;
}
