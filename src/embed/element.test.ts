// @vitest-environment happy-dom
/**
 * `<kvm-cache-diagram>` (docs/embedding.md): what it reads from its attributes and its JSON child,
 * and what it tells the page. The drawing itself is checked in a real browser (e2e/embed.spec.ts).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_WRITES } from "../scenario/limit";
import "./element";

const CONFIG = { mode: "none", guestBarriers: false, guestFs: "ext4", diskCache: "off" };

afterEach(() => {
  document.body.replaceChildren();
});

interface Ready {
  readonly scenario: {
    readonly config: Record<string, unknown>;
    readonly ops: readonly unknown[];
    readonly crash?: unknown;
  };
  readonly tMs: number;
}

/** A new element with `attributes` (and a JSON child), shown; every `ready` it fired. */
function show(attributes: Record<string, string>, json?: string) {
  const element = document.createElement("kvm-cache-diagram");
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (json !== undefined) {
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = json;
    element.append(script);
  }
  const ready: Ready[] = [];
  const heard: string[] = [];
  element.addEventListener("kvm-cache-diagram:ready", (e) => {
    ready.push((e as CustomEvent<Ready>).detail);
  });
  for (const name of ["state", "ready"]) {
    element.addEventListener(`kvm-cache-diagram:${name}`, () => heard.push(name));
  }
  document.body.append(element);
  return { element, ready, heard };
}

describe("<kvm-cache-diagram>", () => {
  it("reads its scenario and moment from attributes named like the URL's parameters", () => {
    const { ready } = show({ mode: "none", barriers: "off", ops: "osync@0,normal@2", t: "1" });
    expect(ready).toEqual([
      {
        scenario: {
          version: 1,
          config: { mode: "none", guestBarriers: false, guestFs: "ext4", diskCache: "volatile" },
          ops: [
            { at: 0, kind: "osync" },
            { at: 2, kind: "normal" },
          ],
        },
        tMs: 1,
      },
    ]);
  });

  it("takes a whole scenario from a JSON child over its attributes", () => {
    const scenario = {
      version: 1,
      config: { mode: "writethrough", guestBarriers: true },
      ops: [{ at: 0, kind: "barrier" }],
      crash: { at: 5, kind: "host" },
    };
    const { ready } = show({ mode: "none" }, JSON.stringify(scenario));
    expect(ready[0]?.scenario).toMatchObject({
      config: { mode: "writethrough" },
      ops: scenario.ops,
      crash: scenario.crash,
    });
  });

  it("a bad JSON child changes nothing and says why, in the element", async () => {
    const { element, ready } = show({ mode: "none" }, '{"version": 1, "ops": 3}');
    expect(ready[0]?.scenario).toMatchObject({ config: { mode: "none" }, ops: [] });
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toContain(
        "The scenario in the element is not valid (config: expected an object",
      );
    });
  });

  it("a JSON child with more writes than the page keeps is refused, saying so, in the element", async () => {
    const ops = Array.from({ length: MAX_WRITES + 1 }, (_, i) => ({ at: i, kind: "normal" }));
    const json = JSON.stringify({ version: 1, config: CONFIG, ops });
    const { element, ready } = show({ mode: "none" }, json);
    expect(ready[0]?.scenario).toMatchObject({ config: { mode: "none" }, ops: [] });
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toContain(
        "The scenario in the element is not valid (ops: at most 5000 writes in the page, got 5001",
      );
    });
  });

  it("an ops attribute with more writes than the page keeps is refused, saying so", async () => {
    const ops = Array.from({ length: MAX_WRITES + 1 }, () => "normal@0").join(",");
    const { element, ready } = show({ ops });
    expect(ready[0]?.scenario.ops).toEqual([]);
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toMatch(/at most \d+ writes/);
    });
  });

  it("shows a new scenario when an attribute changes, and not when it is set to the same", () => {
    const { element, ready } = show({ mode: "none" });
    element.setAttribute("mode", "none");
    expect(ready).toHaveLength(1);
    element.setAttribute("mode", "unsafe");
    expect(ready).toHaveLength(2);
    expect(ready[1]?.scenario.config.mode).toBe("unsafe");
  });

  it("an attribute left out is not a bad one: no notice", async () => {
    const { element } = show({});
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toContain("Cache mode");
    });
    expect(element.shadowRoot?.textContent).not.toContain("is not valid");
  });

  it("takes its colours from its theme attribute, recoloured in place when the attribute changes", () => {
    const { element, ready } = show({ theme: "dark" });
    const root = () => element.shadowRoot?.querySelector<HTMLElement>(".element-root");
    expect(root()?.dataset.theme).toBe("dark");
    element.setAttribute("theme", "light");
    expect(root()?.dataset.theme).toBe("light");
    // Nothing shown was replaced: no new scenario.
    expect(ready).toHaveLength(1);
  });

  it("a bad theme attribute is named, and the browser's colours followed", async () => {
    const { element } = show({ theme: "purple" });
    expect(element.shadowRoot?.querySelector<HTMLElement>(".element-root")?.dataset.theme).toMatch(
      /^(light|dark)$/,
    );
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toContain("The URL parameter “theme” is not valid");
    });
  });

  it("its events reach the page: they bubble", () => {
    const told: string[] = [];
    document.addEventListener("kvm-cache-diagram:ready", (e) => told.push(e.type), { once: true });
    show({});
    expect(told).toEqual(["kvm-cache-diagram:ready"]);
  });

  it("keeps its styles in an open shadow root", () => {
    const { element } = show({});
    expect(element.shadowRoot?.mode).toBe("open");
    expect(element.shadowRoot?.adoptedStyleSheets).toHaveLength(1);
  });

  it("tells nothing once removed from the page", () => {
    const { element, heard } = show({ mode: "none" });
    element.remove();
    heard.length = 0;
    element.setAttribute("mode", "unsafe");
    expect(heard).toEqual([]);
  });
});
