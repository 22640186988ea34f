// @vitest-environment happy-dom
/**
 * The tab's kept scenario: stored per page address, read back, forgotten; and when the browser
 * refuses storage (a private window, a full quota, storage blocked), nothing throws.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { forget, keep, keepOnLeave, readKept } from "./kept";

afterEach(() => {
  vi.restoreAllMocks();
  window.sessionStorage.clear();
});

describe("the kept scenario", () => {
  it("is kept for the page's address, read back, and forgotten", () => {
    expect(readKept()).toBeNull();
    keep("?mode=none#writes=s0");
    expect(readKept()).toBe("?mode=none#writes=s0");
    expect(window.sessionStorage.getItem(`kvm-cache-diagram:${window.location.pathname}`)).toBe(
      "?mode=none#writes=s0",
    );
    forget();
    expect(readKept()).toBeNull();
  });

  it("keeps the address bar's link when the page is left or hidden; an empty one is nothing", () => {
    keepOnLeave();
    window.history.replaceState(null, "", "/app/?mode=none&t=2#writes=sn1.5");
    window.dispatchEvent(new Event("pagehide"));
    expect(readKept()).toBe("?mode=none&t=2#writes=sn1.5");
    window.history.replaceState(null, "", "/app/?mode=unsafe");
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(readKept()).toBe("?mode=unsafe");
    window.history.replaceState(null, "", "/app/");
    window.dispatchEvent(new Event("pagehide"));
    expect(readKept()).toBeNull();
  });

  it("degrades without an error when storage is refused or full", () => {
    const refuse = () => {
      throw new DOMException("refused", "QuotaExceededError");
    };
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(refuse);
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(refuse);
    vi.spyOn(Storage.prototype, "removeItem").mockImplementation(refuse);
    expect(() => {
      keep("?mode=none");
      forget();
    }).not.toThrow();
    expect(readKept()).toBeNull();
  });

  it("degrades without an error when the page may not touch storage at all", () => {
    vi.spyOn(window, "sessionStorage", "get").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    expect(() => {
      keep("?mode=none");
      forget();
    }).not.toThrow();
    expect(readKept()).toBeNull();
  });
});
