// @vitest-environment happy-dom
/**
 * The moving marks, as drawn by React before the loop moves them: a token per write in its
 * kind's shape with its ledger number inside (while few enough to read), a cross on the writes a
 * failure destroyed, a "J" per journal commit block with reordering (docs/model.md §8.14), and an
 * "ack" mark per write, hidden until its call returns. Each node is handed to the loop's surface.
 */
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createSurface } from "../../anim/loop";
import { REST_SLOTS } from "../../geometry/layout";
import { OP_KINDS, type OpKind } from "../../model/timeline";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { createDiagramStore, struck, type DiagramStore } from "../../store/store";
import { Tokens } from "./Tokens";

afterEach(cleanup);

function storeWith(kinds: readonly OpKind[], config: Partial<SessionConfig> = {}) {
  const store = createDiagramStore({ ...DEFAULT_CONFIG, ...config });
  for (const kind of kinds) store.getState().issue(kind);
  return store;
}

function draw(store: DiagramStore, highlight: number | null = null) {
  const surface = { current: createSurface() };
  const s = store.getState();
  const { container } = render(
    <svg>
      <Tokens
        ops={s.timeline.ops}
        surface={surface}
        struck={struck(s)}
        highlight={highlight}
        journal={s.tokens.length - s.timeline.ops.length}
      />
    </svg>,
  );
  return { container, surface: surface.current, tokens: [...container.querySelectorAll(".token")] };
}

describe("Tokens", () => {
  it("draws a token per write, numbered as in the ledger, in its kind's shape", () => {
    const { tokens } = draw(storeWith(OP_KINDS));
    expect(tokens.map((t) => t.getAttribute("data-kind"))).toEqual([...OP_KINDS]);
    expect(tokens.map((t) => t.querySelector(".token-index")?.textContent)).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
    const shapes = new Set(tokens.map((t) => t.querySelector(".body")?.getAttribute("d")));
    expect(shapes.size).toBe(OP_KINDS.length);
  });

  it("hands every token and ack mark to the loop, the acks hidden until their call returns", () => {
    const { surface, container } = draw(storeWith(["osync", "normal"]));
    const acks = [...container.querySelectorAll(".ack")];
    expect(surface.tokens).toEqual([...container.querySelectorAll(".token")]);
    expect(surface.acks).toEqual(acks);
    expect(acks.map((a) => a.textContent)).toEqual(["ack", "ack"]);
    for (const ack of acks) expect((ack as SVGGElement).style.visibility).toBe("hidden");
  });

  it("stops numbering when the numbers would no longer be readable", () => {
    const many = Array.from({ length: REST_SLOTS * 2 + 1 }, () => "normal" as const);
    const { tokens } = draw(storeWith(many));
    expect(tokens).toHaveLength(many.length);
    expect(tokens.filter((t) => t.querySelector(".token-index"))).toHaveLength(0);
  });

  it("crosses out the writes a power cut destroyed, once the playhead is at the failure", () => {
    const store = storeWith(["osync", "normal"], {
      mode: "writeback",
      guestBarriers: false,
      diskCache: "volatile",
    });
    store.getState().seek(store.getState().timeline.ops[0]?.ackedAtMs ?? NaN);
    store.getState().fail("power");
    const { tokens } = draw(store);
    expect(tokens.map((t) => t.getAttribute("data-lost"))).toEqual(["true", "true"]);
    expect(tokens.every((t) => t.querySelector(".lost-mark"))).toBe(true);
    cleanup();
    // Scrubbed back before the failure: nothing is lost yet.
    store.getState().seek(0);
    expect(draw(store).tokens.filter((t) => t.querySelector(".lost-mark"))).toHaveLength(0);
  });

  it("with reordering, draws the journal commit block as a J", () => {
    const { container } = draw(
      storeWith(["normal", "barrier"], { mode: "writethrough", guestFs: "ext4", reorder: true }),
    );
    const journal = [...container.querySelectorAll(".journal-token")];
    expect(journal.map((j) => j.textContent)).toEqual(["J"]);
    expect(screen.queryAllByText("J")).toHaveLength(1);
  });

  it("draws attention to a tour step's write", () => {
    const { tokens } = draw(storeWith(["normal", "osync", "normal"]), 1);
    expect(tokens.map((t) => t.getAttribute("data-highlight"))).toEqual([null, "true", null]);
  });
});
