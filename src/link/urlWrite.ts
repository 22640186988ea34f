/**
 * The URL written back in place as the user acts (the format: src/link/url.ts, which reads it;
 * every time written as the shortest text that reads back as the same double, so a link reopens
 * the very same instants), and what to say about a link before it is shared.
 * A module of its own so the first view does not load it: the page writes its URL only after the
 * user changed something.
 */
import { CONFIG_FIELDS, CONFIG_KEYS } from "../model/config";
import { paramText } from "../scenario/params";
import type { Op } from "../model/timeline";
import type { SessionConfig, SessionDoc } from "../scenario/session";
import { SHARE } from "../text/share";
import { isTourId } from "../tours/ids";
import { WRITE_LETTERS, WRITES_PARAM } from "./url";

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

/** The shortest text for `value` that reads back as it: `String`, without a leading zero. */
function shortest(value: number): string {
  return String(value).replace(/^(-?)0\./, "$1.");
}

/**
 * The shortest step `d` after `previous` for which `previous + Number(d)` (the reader's sum, in
 * floating point) is `atMs` exactly; null when even the exact difference is not (a large time
 * after a small one). A step rounded to fewer digits is taken when it lands on the same double:
 * 12.6 after 12.5 is "0.1", not the difference 0.10000000000000142. The digits are bisected
 * (more digits land at least as near), so a write costs a handful of tries.
 */
function shortestStep(previous: number, atMs: number): string | null {
  if (atMs === previous) return "";
  const step = atMs - previous;
  const lands = (digits: number) => previous + Number(step.toPrecision(digits)) === atMs;
  if (!lands(17)) return null;
  let [low, high] = [1, 17];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (lands(middle)) high = middle;
    else low = middle + 1;
  }
  return shortest(Number(step.toPrecision(high)));
}

function writeText({ kind, atMs }: Op, previous: number): string {
  const letter = WRITE_LETTERS[kind];
  const step = shortestStep(previous, atMs);
  const absolute = shortest(atMs);
  return step !== null && step.length <= absolute.length
    ? letter + step
    : letter.toUpperCase() + absolute;
}

/**
 * The last writes written, each's text: a click adds one write to the same list (the store
 * replaces the array, keeping its elements), so only the new one is written again.
 */
let last: { readonly ops: readonly Op[]; readonly texts: readonly string[] } = {
  ops: [],
  texts: [],
};

/** The fragment's writes (src/link/url.ts, `WRITE_LETTERS`). */
export function writesText(ops: readonly Op[]): string {
  let same = 0;
  while (same < ops.length && same < last.ops.length && ops[same] === last.ops[same]) same++;
  const texts = last.texts.slice(0, same);
  let previous = ops[same - 1]?.atMs ?? 0;
  for (const op of ops.slice(same)) {
    texts.push(writeText(op, previous));
    previous = op.atMs;
  }
  last = { ops, texts };
  return texts.join("");
}

/** A link's scenario part: the query (configuration, failure, moment) and the fragment (writes). */
export interface ScenarioLink {
  readonly search: string;
  readonly hash: string;
}

/**
 * The link for a scenario at `tMs`, and the open tour's step (0-based; 1-based in the link) if
 * any, keeping any other parameters of `search`: the query, with the failure's `@` kept
 * readable, and the fragment with the writes (src/link/url.ts says why there).
 */
export function writeUrlScenario(
  search: string,
  doc: SessionDoc,
  tMs: number,
  tour: { readonly id: string; readonly step: number } | null = null,
): ScenarioLink {
  const params = new URLSearchParams(writeUrlConfig(search, doc.config));
  // Only a shipped tour has a link (a prediction of the free view is not one).
  if (tour && isTourId(tour.id)) {
    params.set("tour", tour.id);
    params.set("step", String(tour.step + 1));
  } else {
    params.delete("tour");
    params.delete("step");
  }
  // A link made before the fragment held the writes: they move there.
  params.delete("ops");
  if (doc.crash) params.set("crash", `${doc.crash.kind}@${String(doc.crash.atMs)}`);
  else params.delete("crash");
  if (doc.ops.length > 0 && tMs > 0) params.set("t", String(tMs));
  else params.delete("t");
  return {
    search: `?${params.toString().replace(/%40/g, "@")}`,
    hash: doc.ops.length > 0 ? `#${WRITES_PARAM}=${writesText(doc.ops)}` : "",
  };
}

/**
 * The scenario as an element's attributes (docs/embedding.md), readable: the configuration,
 * `ops="osync@0,normal@12.5"`, the failure and the moment. HTML has no length limit to avoid.
 */
export function elementAttributes(doc: SessionDoc, tMs: number): URLSearchParams {
  const params = new URLSearchParams(writeUrlConfig("", doc.config));
  if (doc.ops.length > 0) {
    params.set("ops", doc.ops.map((op) => `${op.kind}@${String(op.atMs)}`).join(","));
  }
  const link = new URLSearchParams(writeUrlScenario("", doc, tMs).search);
  for (const [name, value] of link) if (name === "crash" || name === "t") params.set(name, value);
  return params;
}

/**
 * Past this many characters, not every program that passes a link on need keep it whole: RFC
 * 9110 §4.1 recommends supporting URIs of at least 8 000 octets, and no more. Browsers take far
 * longer ones (Chromium 2 MiB, `url::kMaxURLChars`; Firefox 1 MiB,
 * `network.standard-url.max-length`), and no server sees the fragment, where the writes are.
 */
export const SAFE_LINK_LENGTH = 8_000;

/** What to tell someone about to share `href`, when its length puts it at risk; null if fine. */
export function longLinkWarning(href: string): string | null {
  return href.length <= SAFE_LINK_LENGTH ? null : SHARE.longLink(Math.round(href.length / 1024));
}
