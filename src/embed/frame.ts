/**
 * The message API of an embed (`?embed=1` in an iframe; docs/embedding.md): commands from the
 * host page drive the store, events go back to it, and the frame reports its content height so
 * the host can size it. Commands are taken only from the origins the embed URL lists
 * (`origin=https://docs.example.org,…`, exact match; none by default). Anything malformed or
 * foreign is ignored with a console warning (at most MAX_WARNINGS of them), never an exception
 * and never a change of state.
 */
import type { DiagramStore } from "../store/store";
import { tooManyWrites } from "../scenario/limit";
import { readable } from "../scenario/readable";
import { problemLine } from "../text/scenario";
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

/**
 * Applies a valid command to the store (`measure` is the frame's own to answer), or says why the
 * page refuses it: an `issue` once the scenario holds the most writes the page keeps.
 */
export function run(
  store: DiagramStore,
  command: Exclude<Command, { name: "measure" }>,
): string | null {
  const s = store.getState();
  switch (command.name) {
    case "load":
      s.load(command.scenario, command.tMs);
      return null;
    case "play":
      s.setPlaying(true);
      return null;
    case "pause":
      s.setPlaying(false);
      return null;
    case "seek":
      s.seek(command.tMs);
      return null;
    case "issue": {
      const over = tooManyWrites(s.ops.length + 1);
      if (over) return problemLine(over);
      s.issue(command.kind);
      return null;
    }
    case "fail":
      s.fail(command.kind);
      return null;
  }
}

/** The host page's origin, where the browser tells it (Chromium and Safari; else the referrer). */
function parentOrigin(): string | null {
  // Firefox has no ancestorOrigins (lib.dom types it as always there).
  if ("ancestorOrigins" in location && location.ancestorOrigins.length > 0) {
    return location.ancestorOrigins[0] ?? null;
  }
  try {
    return document.referrer === "" ? null : new URL(document.referrer).origin;
  } catch {
    return null;
  }
}

/** What to tell a host page that `origin=` leaves out, so its author knows what to add. */
export function unlistedWarning(parent: string, origins: readonly string[]): string {
  return (
    `the host page ${readable(parent)} is not in this embed's origin= (${origins.join(",")}): ` +
    `its commands are ignored and it hears only the frame's height. ` +
    `Add it: origin=${[...origins, parent].join(",")}`
  );
}

/** What a command handler reads of a message: who sent it, from which origin, and what. */
export type Incoming = Pick<MessageEvent, "source" | "origin" | "data">;

/**
 * The embed's gate: a message is run only if it comes from the host page (the frame's parent),
 * from an origin listed exactly in `origin=`, and reads as a command through `parseCommand`;
 * anything else is warned about and changes nothing. `measure` is answered to any origin (the
 * frame's height is how any host page sizes it); an `unlisted` host page was warned once already.
 */
export function commandHandler(
  store: DiagramStore,
  host: MessageEventSource,
  origins: readonly string[],
  warn: (text: string) => void,
  measure: (origin: string) => void = () => undefined,
  unlisted: (origin: string) => boolean = () => false,
): (event: Incoming) => void {
  return (event) => {
    try {
      if (event.source !== host) {
        warn("ignored a message not from the host page");
        return;
      }
      const parsed = parseCommand(event.data);
      const command = parsed.ok ? parsed.command : null;
      if (command?.name === "measure") {
        measure(event.origin);
      } else if (unlisted(event.origin)) {
        // Told once, when the frame connected.
      } else if (!origins.includes(event.origin)) {
        warn(`ignored a message from ${readable(event.origin)}: not an allowed origin (origin=)`);
      } else if (command) {
        const refused = run(store, command);
        if (refused !== null) warn(`ignored a message: ${refused}`);
      } else if (!parsed.ok) {
        warn(`ignored a message: ${parsed.error}`);
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
  // An unlisted host page is told once what to add (issue 17: it used to stop hearing silently).
  const told = new Set<string>();
  const unlisted = (parent: string | null) => {
    if (parent === null || parent === "null" || origins.length === 0) return false;
    if (origins.includes(parent)) return false;
    if (!told.has(parent)) {
      told.add(parent);
      warn(unlistedWarning(parent, origins));
    }
    return true;
  };
  const parent = parentOrigin();
  // Events carry nothing the embed URL does not: with no origin listed, any host may hear them.
  const targets = origins.length > 0 ? origins : ["*"];
  // The height alone goes to an unlisted host page too: it is how any page sizes the frame.
  const heightTargets = unlisted(parent) && parent !== null ? [...targets, parent] : targets;
  const send = (message: Record<string, unknown>, to: readonly string[]) => {
    for (const target of to) {
      try {
        host.postMessage(message, target);
      } catch {
        // A host that went away: nothing to tell.
      }
    }
  };
  // The content's height (the body's, not the document's: that one never shrinks below the
  // frame's own height), in `ready`, every `state` and `resize`, so a host that starts listening
  // late still sizes the frame from the next one, or asks with `measure` (dist/embed.js).
  const contentHeight = () => Math.ceil(document.body.getBoundingClientRect().height);
  const post = (event: DiagramEvent) => {
    const sized = event.name === "ready" || event.name === "state";
    send(sized ? { ...toMessage(event), height: contentHeight() } : toMessage(event), targets);
  };

  const onMessage = commandHandler(
    store,
    host,
    origins,
    warn,
    (origin) => {
      // The height only, to whoever asks.
      send(toMessage({ name: "resize", height: contentHeight() }), [
        origin === "null" ? "*" : origin,
      ]);
    },
    unlisted,
  );
  window.addEventListener("message", onMessage);
  const unwatch = watchDiagram(store, post);

  let height = -1;
  const measure = () => {
    const next = contentHeight();
    if (next === height) return;
    height = next;
    send(toMessage({ name: "resize", height }), heightTargets);
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
