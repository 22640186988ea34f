// @vitest-environment happy-dom
/**
 * The event line, as a screen reader hears it (a polite live region): how to start, then the
 * news at the playhead's latest instant, and after a failure its verdict first.
 */
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { providers } from "../app/testing";
import { EventLine } from "./EventLine";

afterEach(cleanup);

function setup(config: Partial<SessionConfig> = {}) {
  const store = createDiagramStore({ ...DEFAULT_CONFIG, ...config });
  render(<EventLine />, { wrapper: providers(store) });
  return store;
}

const line = () => screen.getByRole("status");

/** Waits until the line says something matching `pattern` (its words load after the first view). */
async function says(pattern: RegExp) {
  await screen.findByText(pattern, undefined, { timeout: 2000 });
  expect(line().textContent).toMatch(pattern);
}

describe("EventLine", () => {
  it("before any write, says how to start, politely", () => {
    setup();
    expect(line().getAttribute("aria-live")).toBe("polite");
    expect(line().textContent).toBe(
      "Issue a write (an O_SYNC write shows the mode's arrow best), then press Play.",
    );
  });

  it("names the write just issued, and asks for Play", async () => {
    const store = setup();
    act(() => {
      store.getState().issue("osync");
    });
    await says(/^#1 O_SYNC write issued\. Press Play to watch\.$/);
  });

  it("follows the playhead: where the write is when its call returns", async () => {
    const store = setup({ mode: "writeback", guestBarriers: false });
    act(() => {
      store.getState().issue("osync");
    });
    await says(/issued/);
    act(() => {
      store.getState().seek(store.getState().timeline.ops[0]?.ackedAtMs ?? NaN);
    });
    await says(/#1 O_SYNC write returned: its data is in the host page cache\./);
  });

  it("after a power loss, says what was lost, first", async () => {
    const store = setup({ mode: "writeback", guestBarriers: false, diskCache: "volatile" });
    act(() => {
      store.getState().issue("osync");
      store.getState().seek(store.getState().timeline.ops[0]?.ackedAtMs ?? NaN);
      store.getState().fail("power");
    });
    await says(/^Power lost\. Lost: .*#1.* One had been promised durable/);
  });

  it("says once that the writes were run again after the configuration changed", async () => {
    const store = setup();
    act(() => {
      store.getState().issue("normal");
      store.getState().setConfig({ mode: "none" });
    });
    expect(
      await screen.findByText("The same writes were run again under the new configuration."),
    ).toBeTruthy();
    act(() => {
      store.getState().issue("normal");
    });
    expect(screen.queryByText(/run again under the new configuration/)).toBeNull();
  });
});
