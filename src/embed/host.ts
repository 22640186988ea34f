/**
 * The host page's side of auto-height (issue 17, item 3; docs/embedding.md): dist/embed.js, one
 * classic script a docs page includes, sizes every iframe of the embed view on the page to the
 * height the embed reports. The embed puts its height in `ready`, every `state` and every
 * `resize`, and answers `measure`: this script asks each embed when it starts and whenever an
 * iframe loads, so it sizes frames that loaded before it ran (a script added late, a docs site
 * that hydrates after the frame loaded) and frames a client-side navigation adds later.
 */
import { readView } from "../link/view";
import { NAMESPACE, PROTOCOL_VERSION } from "./protocol";

/** No real stage is this tall: a bound on what a frame may make its host do. */
const MAX_HEIGHT = 20_000;

/** An iframe of the embed view (`embed=1` in its address: the site's or the single file's). */
export function isEmbed(frame: Pick<HTMLIFrameElement, "src">): boolean {
  try {
    return readView(frame.src).embed;
  } catch {
    return false; // no src yet, or not a URL
  }
}

/** The height, CSS px, a message from an embed carries; null for any other message. */
export function reportedHeight(data: unknown): number | null {
  if (typeof data !== "object" || data === null) return null;
  const { type, height } = data as Record<string, unknown>;
  if (typeof type !== "string" || !type.startsWith(`${NAMESPACE}:`)) return null;
  if (typeof height !== "number" || !Number.isFinite(height) || height <= 0) return null;
  return Math.min(Math.ceil(height), MAX_HEIGHT);
}

/** Sizes every embed in `win`'s document from now on; returns the way to stop. */
export function sizeEmbeds(win: Window): () => void {
  const doc = win.document;
  const measure = { type: `${NAMESPACE}:measure`, version: PROTOCOL_VERSION };
  const ask = (frame: HTMLIFrameElement) => {
    // "*": the embed may be sandboxed (an opaque origin no other target matches); a measure
    // request carries nothing.
    frame.contentWindow?.postMessage(measure, "*");
  };
  const onMessage = (event: MessageEvent) => {
    const height = reportedHeight(event.data);
    if (height === null) return;
    for (const frame of doc.querySelectorAll("iframe")) {
      if (frame.contentWindow !== event.source || !isEmbed(frame)) continue;
      // A theme that sizes border boxes would take the frame's borders out of its content.
      const style = win.getComputedStyle(frame);
      const borders =
        style.boxSizing === "border-box" ? frame.offsetHeight - frame.clientHeight : 0;
      frame.style.height = `${String(height + borders)}px`;
    }
  };
  // Load events do not bubble: caught on their way down, for every iframe, present or to come.
  const onLoad = (event: Event) => {
    if (event.target instanceof HTMLIFrameElement && isEmbed(event.target)) ask(event.target);
  };
  win.addEventListener("message", onMessage);
  doc.addEventListener("load", onLoad, true);
  for (const frame of doc.querySelectorAll("iframe")) if (isEmbed(frame)) ask(frame);
  return () => {
    win.removeEventListener("message", onMessage);
    doc.removeEventListener("load", onLoad, true);
  };
}
