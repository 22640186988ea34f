// @vitest-environment happy-dom
/** The theme on the element it colours: a chosen one as it is, auto as the browser's, live. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyTheme, stopTheme } from "./theme";

/** A browser whose colour scheme the test sets; how many listeners it has. */
function browser(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: dark,
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  vi.stubGlobal("matchMedia", () => query);
  return {
    listeners,
    set(darkNow: boolean) {
      query.matches = darkNow;
      for (const fn of listeners) fn();
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("applyTheme", () => {
  it("sets a chosen theme as it is, whatever the browser's", () => {
    browser(true);
    const el = document.createElement("div");
    applyTheme(el, "light");
    expect(el.dataset.theme).toBe("light");
    applyTheme(el, "dark");
    expect(el.dataset.theme).toBe("dark");
  });

  it("auto follows the browser's colour scheme, and its changes", () => {
    const b = browser(true);
    const el = document.createElement("div");
    applyTheme(el, "auto");
    expect(el.dataset.theme).toBe("dark");
    b.set(false);
    expect(el.dataset.theme).toBe("light");
  });

  it("stops following once another theme is chosen, or the element is gone", () => {
    const b = browser(false);
    const el = document.createElement("div");
    applyTheme(el, "auto");
    applyTheme(el, "light");
    b.set(true);
    expect(el.dataset.theme).toBe("light");
    expect(b.listeners.size).toBe(0);
    applyTheme(el, "auto");
    stopTheme(el);
    expect(b.listeners.size).toBe(0);
  });
});
