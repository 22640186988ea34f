// @vitest-environment happy-dom
/**
 * The ledger, as a reader sees it: a row per write saying, at the playhead, where its data is,
 * when it was acknowledged and made durable, and after a failure whether it survived
 * (docs/model.md §3, §4). Driven by the real store and model.
 */
import { act, cleanup, render, screen, within } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { createDiagramStore, type DiagramStore } from "../../store/store";
import { layOutScrollBoxes, providers } from "../app/testing";
import { Ledger } from "./Ledger";

afterAll(layOutScrollBoxes());
afterEach(cleanup);

async function show(store: DiagramStore, name?: string) {
  render(<Ledger name={name} />, { wrapper: providers(store) });
  await settle();
}

/** The ledger follows the drawing in a deferred render: let it land. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Column header → cell text, for the row of write `index`. */
function row(index: number): Record<string, string> {
  const table = screen.getByRole("table");
  const headers = within(table)
    .getAllByRole("columnheader")
    .map((h) => h.textContent);
  const found = within(table)
    .getAllByRole("row")
    .find((r) => r.getAttribute("aria-rowindex") === String(index + 2));
  if (!found) throw new Error(`no row for write #${String(index)}`);
  const cells = within(found)
    .getAllByRole("cell")
    .map((c) => c.textContent);
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ""]));
}

const config = (change: Partial<SessionConfig>) => ({ ...DEFAULT_CONFIG, ...change });

describe("Ledger", () => {
  it("says how to start while there are no writes, in a scrollable region of its name", async () => {
    await show(createDiagramStore(), "Compared: cache=none");
    expect(screen.getByRole("region", { name: "Compared: cache=none, scrollable" })).toBeTruthy();
    const table = screen.getByRole("table", { name: "Compared: cache=none" });
    expect(
      within(table).getByText("No writes yet: issue one with the buttons above."),
    ).toBeTruthy();
  });

  it("tells an O_SYNC write's story as the playhead moves (writethrough, drive cache off)", async () => {
    const store = createDiagramStore(config({ mode: "writethrough", diskCache: "off" }));
    store.getState().issue("osync");
    await show(store);
    expect(row(0)).toMatchObject({
      // Numbered from 1 for a reader (issue 17, item 8).
      "#": "1",
      "Issued at": "0 µs",
      Returned: "not yet",
      Durable: "not yet",
    });
    act(() => {
      store.getState().seek(store.getState().endMs);
    });
    await settle();
    const end = row(0);
    // Writethrough: the call returns only once the data is on stable storage (§3).
    expect(end["Data now"]).toBe("on the platters");
    expect(end.Returned).toMatch(/^returned at .+, on the platters$/);
    expect(end.Durable).toMatch(/^durable at /);
    expect(end.Returned).toContain(end.Durable?.replace("durable at ", "") ?? "?");
  });

  it("after a power loss, adds what survived: a write promised durable, lost under writeback without barriers", async () => {
    const store = createDiagramStore(
      config({ mode: "writeback", guestBarriers: false, diskCache: "volatile" }),
    );
    store.getState().issue("osync");
    const acked = store.getState().timeline.ops[0]?.ackedAtMs ?? NaN;
    store.getState().seek(acked);
    store.getState().fail("power");
    await show(store);
    expect(screen.getByRole("columnheader", { name: "After the power loss" })).toBeTruthy();
    expect(row(0)).toMatchObject({
      Returned: expect.stringMatching(/, in the host page cache$/) as unknown,
      "Data now": "lost with the host page cache",
      // Struck at the instant its call returned: the tie counts as returned, hence promised.
      "After the power loss": "✘ lost, though promised durable (its O_SYNC call had returned)",
    });
    // Scrubbed back before the failure, the world before it shows.
    act(() => {
      store.getState().seek(0);
    });
    await settle();
    expect(screen.queryByRole("columnheader", { name: "After the power loss" })).toBeNull();
  });

  it("says by what was promised, not by the kind of write: an fsync'd buffered write, an unsynced O_DIRECT one", async () => {
    const store = createDiagramStore(
      config({ mode: "writeback", guestBarriers: false, diskCache: "volatile" }),
    );
    const returnOf = (index: number) => store.getState().timeline.ops[index]?.ackedAtMs ?? NaN;
    store.getState().issue("normal");
    store.getState().issue("barrier");
    // After the fsync returned: it does not cover this write.
    store.getState().seek(returnOf(1));
    store.getState().issue("odirect");
    store.getState().seek(returnOf(2));
    store.getState().fail("power");
    await show(store);
    expect(row(0)["After the power loss"]).toBe(
      "✘ lost, though promised durable (an fsync covering it had returned)",
    );
    expect(row(2)["After the power loss"]).toMatch(
      /^✘ lost; its call had returned, but it was not promised durable/,
    );
  });

  it("counts every write for assistive technology, however few rows it renders", async () => {
    const store = createDiagramStore();
    store.getState().burst("normal", 5);
    await show(store);
    expect(screen.getByRole("table").getAttribute("aria-rowcount")).toBe("6");
  });
});
