// @vitest-environment happy-dom
/**
 * The verdict beside the diagram, as read: a region named Verdict that says ✔ or ✘ in words for
 * synced writes (never by colour alone), what happens to buffered data, and the assumptions one
 * click away; it follows the configuration in the store.
 */
import { act, cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { configLabel, EVERY_CONFIG } from "../../store/testing";
import { verdict } from "../../text/verdict";
import { providers } from "../app/testing";
import { PROMISE } from "../../text/vocabulary";
import { Verdict, VerdictView } from "./Verdict";

afterEach(cleanup);

describe("VerdictView", () => {
  it.each(EVERY_CONFIG.map((c) => [configLabel(c), c] as const))(
    "%s: ✔/✘ and words, the buffered risk, the assumptions behind a summary",
    (_, config) => {
      render(<VerdictView config={config} />);
      const region = screen.getByRole("region", { name: "Verdict" });
      const v = verdict(config);
      const synced = within(region).getByText((_, el) => el?.hasAttribute("data-verdict") === true);
      expect(synced.getAttribute("data-verdict")).toBe(v.synced);
      expect(synced.textContent.startsWith(v.synced === "safe" ? "✔ " : "✘ ")).toBe(true);
      expect(within(region).getByText(v.bufferedText)).toBeTruthy();
      // The database warning stands out (strong) exactly when synced writes are unsafe.
      const strong = region.querySelector("strong");
      expect(strong?.textContent ?? null).toBe(v.databaseText);
      const details = region.querySelector("details");
      expect(details?.open).toBe(false);
      expect(within(region).getByText("Why, and what this assumes").tagName).toBe("SUMMARY");
      expect(within(region).getAllByRole("listitem")).toHaveLength(v.assumptions.length);
      // A region inside the page's own sections: no heading of its own.
      expect(within(region).queryByRole("heading")).toBeNull();
    },
  );
});

describe("Verdict", () => {
  it("reads ✔ for writeback with barriers and ✘ once the guest stops sending them", () => {
    const store = createDiagramStore({
      ...DEFAULT_CONFIG,
      mode: "writeback",
      guestBarriers: true,
      diskCache: "volatile",
    });
    render(<Verdict />, { wrapper: providers(store) });
    const region = screen.getByRole("region", { name: "Verdict" });
    expect(within(region).getByText(/^✔ Writes promised durable/)).toBeTruthy();
    act(() => {
      store.getState().setConfig({ guestBarriers: false });
    });
    expect(within(region).getByText(/^✘ Writes promised durable/)).toBeTruthy();
    expect(within(region).getByText(/^Unsafe for a database/).tagName).toBe("STRONG");
  });

  it("states the tie rule with what it assumes: a power cut at the instant of a return counts after it", () => {
    render(<Verdict />, { wrapper: providers(createDiagramStore()) });
    const why = screen.getByText("Why, and what this assumes").closest("details");
    expect(within(why ?? document.body).getByText(PROMISE.tie)).toBeTruthy();
  });

  it("reads ✔ for writethrough, with or without barriers", () => {
    const store = createDiagramStore({ ...DEFAULT_CONFIG, mode: "writethrough" });
    render(<Verdict />, { wrapper: providers(store) });
    for (const guestBarriers of [true, false]) {
      act(() => {
        store.getState().setConfig({ guestBarriers });
      });
      expect(screen.getByText(/^✔ Writes promised durable/)).toBeTruthy();
    }
  });
});
