// @vitest-environment happy-dom
/**
 * An embed wired to its host page (connectFrame): whom it tells what happens, how much it warns,
 * and that it stops listening when disconnected. The host page is a stand-in for `window.parent`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_CONFIG } from "../scenario/session";
import { createDiagramStore } from "../store/store";
import { connectFrame as connectFrameOf, MAX_WARNINGS } from "./frame";

const ISSUE = { type: "kvm-cache-diagram:issue", version: 1, kind: "osync" };

let posted: { message: Record<string, unknown>; target: string }[];
let warned: string[];
let disconnects: (() => void)[];
let host: { postMessage: (message: Record<string, unknown>, target: string) => void };

beforeEach(() => {
  posted = [];
  warned = [];
  disconnects = [];
  host = { postMessage: (message, target) => posted.push({ message, target }) };
  Object.defineProperty(window, "parent", { value: host, configurable: true });
  vi.spyOn(console, "warn").mockImplementation((text: string) => warned.push(text));
});

afterEach(() => {
  for (const disconnect of disconnects) disconnect();
  Object.defineProperty(window, "parent", { value: window, configurable: true });
  vi.restoreAllMocks();
});

/** Connects, and disconnects after the test: a listener left behind would hear the next one. */
function connectFrame(...args: Parameters<typeof connectFrameOf>) {
  const disconnect = connectFrameOf(...args);
  disconnects.push(disconnect);
  return disconnect;
}

function message(data: unknown, origin: string, source: unknown = host) {
  window.dispatchEvent(
    new MessageEvent("message", { data, origin, source: source as MessageEventSource }),
  );
}

describe("connectFrame", () => {
  it("is not an embed outside a frame: it takes no commands", () => {
    Object.defineProperty(window, "parent", { value: window, configurable: true });
    const store = createDiagramStore(DEFAULT_CONFIG);
    connectFrame(store, "?origin=https://a.example");
    message(ISSUE, "https://a.example", window);
    expect(store.getState().ops).toHaveLength(0);
    expect(posted).toEqual([]);
  });

  it("tells only the listed origins it is ready, and runs their commands until disconnected", () => {
    const store = createDiagramStore(DEFAULT_CONFIG);
    const disconnect = connectFrame(store, "?origin=https://a.example,https://b.example");
    const ready = posted.filter((p) => p.message.type === "kvm-cache-diagram:ready");
    expect(ready.map((p) => p.target)).toEqual(["https://a.example", "https://b.example"]);
    expect(ready[0]?.message).toMatchObject({ version: 1, tMs: 0 });
    expect(posted.some((p) => p.message.type === "kvm-cache-diagram:resize")).toBe(true);
    message(ISSUE, "https://b.example");
    expect(store.getState().ops).toHaveLength(1);
    disconnect();
    message(ISSUE, "https://b.example");
    expect(store.getState().ops).toHaveLength(1);
    // Disconnected, it tells nothing more either.
    const before = posted.length;
    store.getState().issue("normal");
    expect(posted).toHaveLength(before);
  });

  it("with no origin listed, any host may hear it (events carry nothing the URL does not)", () => {
    connectFrame(createDiagramStore(DEFAULT_CONFIG), "?embed=1");
    expect(posted.map((p) => p.target)).toEqual(["*", "*"]);
  });

  it("warns about each rejected origin= item, and about ignored messages up to a cap", () => {
    const store = createDiagramStore(DEFAULT_CONFIG);
    connectFrame(store, "?origin=*");
    expect(warned[0]).toBe(
      'kvm-cache-diagram: origin "*" is not an origin like https://example.org; not allowed',
    );
    for (let i = 0; i < MAX_WARNINGS * 2; i++) message(ISSUE, "https://a.example");
    expect(warned).toHaveLength(MAX_WARNINGS);
    expect(warned.at(-2)).toBe(
      "kvm-cache-diagram: ignored a message from https://a.example: not an allowed origin (origin=)",
    );
    expect(warned.at(-1)).toBe(
      "kvm-cache-diagram: ignored a message from https://a.example: not an allowed origin (origin=) (further ignored messages are not reported)",
    );
    expect(store.getState().ops).toHaveLength(0);
  });

  it("a host that went away (postMessage throws) breaks nothing", () => {
    host.postMessage = () => {
      throw new Error("gone");
    };
    const store = createDiagramStore(DEFAULT_CONFIG);
    expect(() => connectFrame(store, "?origin=https://a.example")).not.toThrow();
    message(ISSUE, "https://a.example");
    expect(store.getState().ops).toHaveLength(1);
  });
});
