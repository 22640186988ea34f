/**
 * The message API of an embed (`?embed=1` in an iframe; docs/embedding.md): commands from the
 * host page drive the store, events go back to it, and the frame reports its content height so
 * the host can size it. Commands are taken only from the origins the embed URL lists
 * (`origin=https://docs.example.org,…`, exact match; none by default). Anything malformed or
 * foreign is ignored with a console warning (at most MAX_WARNINGS of them), never an exception
 * and never a change of state.
 */
import type { DiagramStore } from "../store/store";
import { readable } from "../scenario/readable";
import { scenarioOf, watchDiagram } from "./events";
import { parseCommand, toMessage, type Command, type DiagramEvent } from "./protocol";

/** Enough to debug a host page, not enough to flood the console of a fuzzed one. */
export const MAX_WARNINGS = 10;

/** The allowed origins of `origin=`, each exactly as `new URL(x).origin` writes it. */
export function allowedOrigins(search: string): { origins: string[]; rejected: string[] } {
  const raw = new URLSearchParams(search).get("origin") ?? "";
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const item of raw.split(",").map((s) => s.trim())) {
    if (item === "") continue;
    // Only an item the URL parser writes back unchanged is an origin: "null" (an opaque
    // origin, which any sandboxed frame has) is not one a URL parses to, and neither is "*".
    let origin = "";
    try {
      origin = new URL(item).origin;
    } catch {
      // Not a URL: rejected below.
    }
    if (origin === item) origins.push(origin);
    else rejected.push(item);
  }
  return { origins, rejected };
}

/** Applies a valid command to the store. */
export function run(store: DiagramStore, command: Command): void {
  const s = store.getState();
  switch (command.name) {
    case "load":
      s.load(command.scenario, command.tMs);
      return;
    case "play":
      s.setPlaying(true);
      return;
    case "pause":
      s.setPlaying(false);
      return;
    case "seek":
      s.seek(command.tMs);
      return;
    case "issue":
      s.issue(command.kind);
      return;
    case "fail":
      s.fail(command.kind);
      return;
  }
}

/** What a command handler reads of a message: who sent it, from which origin, and what. */
export type Incoming = Pick<MessageEvent, "source" | "origin" | "data">;

/**
 * The embed's gate: a message is run only if it comes from the host page (the frame's parent),
 * from an origin listed exactly in `origin=`, and reads as a command through `parseCommand`;
 * anything else is warned about and changes nothing.
 */
export function commandHandler(
  store: DiagramStore,
  host: MessageEventSource,
  origins: readonly string[],
  warn: (text: string) => void,
): (event: Incoming) => void {
  return (event) => {
    try {
      if (event.source !== host) {
        warn("ignored a message not from the host page");
      } else if (!origins.includes(event.origin)) {
        warn(`ignored a message from ${readable(event.origin)}: not an allowed origin (origin=)`);
      } else {
        const parsed = parseCommand(event.data);
        if (parsed.ok) run(store, parsed.command);
        else warn(`ignored a message: ${parsed.error}`);
      }
    } catch (error) {
      warn(`ignored a message: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function connectFrame(store: DiagramStore, search: string): () => void {
  const host = window.parent;
  if (host === window) return () => undefined;
  let warnings = 0;
  const warn = (text: string) => {
    if (warnings >= MAX_WARNINGS) return;
    warnings++;
    const more = warnings === MAX_WARNINGS ? " (further ignored messages are not reported)" : "";
    console.warn(`kvm-cache-diagram: ${text}${more}`);
  };
  const { origins, rejected } = allowedOrigins(search);
  for (const item of rejected) {
    warn(`origin "${readable(item)}" is not an origin like https://example.org; not allowed`);
  }
  // Events carry nothing the embed URL does not: with no origin listed, any host may hear them.
  const targets = origins.length > 0 ? origins : ["*"];
  const post = (event: DiagramEvent) => {
    for (const target of targets) {
      try {
        host.postMessage(toMessage(event), target);
      } catch {
        // A host that went away: nothing to tell.
      }
    }
  };

  const onMessage = commandHandler(store, host, origins, warn);
  window.addEventListener("message", onMessage);
  const unwatch = watchDiagram(store, post);

  // The content's height, whenever it changes, so the host can size the frame to it (the body's,
  // not the document's: that one never shrinks below the frame's own height).
  let height = -1;
  const measure = () => {
    const next = Math.ceil(document.body.getBoundingClientRect().height);
    if (next === height) return;
    height = next;
    post({ name: "resize", height });
  };
  const resize = new ResizeObserver(measure);
  resize.observe(document.body);
  const s = store.getState();
  post({ name: "ready", scenario: scenarioOf(s), tMs: s.tMs });
  measure();
  return () => {
    window.removeEventListener("message", onMessage);
    unwatch();
    resize.disconnect();
  };
}
