// @vitest-environment happy-dom
/**
 * The four arrows, as seen: the mode's arrow drawn active with its label saying where writes
 * stop, QEMU's switch closed on that lane, the green arrow's label saying what became of a guest
 * flush (docs/model.md §2, §3), and a mark where a flush that does not pass stops.
 */
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_MODES, MODE_SWITCHES } from "../../model/config";
import { writeArrow } from "../../model/rules";
import type { Arrow } from "../../model/timeline";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { stageFacts } from "../../store/stage";
import { Arrows, NeutralLanes } from "./Arrows";

afterEach(cleanup);

const ARROWS = ["red", "gray", "blue", "green"] as const;
const markerId = (name: string) => `test-${name}`;

function draw(change: Partial<SessionConfig>, labels = true, highlight: Arrow | null = null) {
  const config = { ...DEFAULT_CONFIG, ...change };
  const { container } = render(
    <svg>
      <Arrows
        facts={stageFacts(config)}
        markerId={markerId}
        labels={labels}
        highlight={highlight}
      />
    </svg>,
  );
  const one = (selector: string) => {
    const el = container.querySelector(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    return el;
  };
  return {
    container,
    active: ARROWS.filter(
      (a) => one(`path[data-path="${a}"]`).getAttribute("data-active") === "true",
    ),
    closed: ARROWS.filter((a) => one(`.switch-${a}`).getAttribute("data-closed") === "true"),
    label: (a: Arrow) => container.querySelector(`.arrow-${a} .arrow-label`)?.textContent ?? null,
    stop: container.querySelector(".flush-stop"),
  };
}

describe("Arrows", () => {
  it.each(CACHE_MODES)(
    "%s: its writes' arrow is drawn active, QEMU's switch closed on it",
    (mode) => {
      const arrow = writeArrow(MODE_SWITCHES[mode]);
      const drawn = draw({ mode, guestBarriers: false });
      expect(drawn.active).toEqual([arrow]);
      expect(drawn.closed).toEqual([arrow]);
    },
  );

  it("labels the active arrow with where writes stop; the others only by colour", () => {
    const writeback = draw({ mode: "writeback", diskCache: "volatile" });
    expect(ARROWS.map(writeback.label)).toEqual([
      "red: host page cache",
      "gray",
      "blue",
      "green: flush passed",
    ]);
    cleanup();
    expect(draw({ mode: "none", diskCache: "volatile" }).label("gray")).toBe("gray: disk's cache");
    cleanup();
    expect(draw({ mode: "none", diskCache: "off" }).label("gray")).toBe("gray: to the platters");
    cleanup();
    expect(draw({ mode: "writethrough" }).label("blue")).toBe("blue: write-through");
  });

  it("a flush that passes: green drawn active, its switch closed, no stop mark", () => {
    const drawn = draw({ mode: "writeback", guestBarriers: true });
    expect(drawn.active).toContain("green");
    expect(drawn.closed).toContain("green");
    expect(drawn.stop).toBeNull();
  });

  it.each([
    [{ mode: "writeback", guestBarriers: false }, "green: never sent", true],
    [{ mode: "unsafe", guestBarriers: true }, "green: ignored", true],
    [{ mode: "writethrough", guestBarriers: true }, "green: not needed", false],
  ] as const)("%j: %s, and a stop mark (refused: %s)", (change, label, refused) => {
    const drawn = draw(change);
    expect(drawn.label("green")).toBe(label);
    expect(drawn.active).not.toContain("green");
    // A refused flush is crossed out where it stops; one not needed gets a dash.
    const mark = drawn.stop?.querySelector("path")?.getAttribute("d") ?? "";
    expect(mark.includes("L"), mark).toBe(refused);
  });

  it("leaves the labels out on the phone (they are written under the drawing there)", () => {
    const drawn = draw({ mode: "writeback" }, false);
    expect(drawn.container.querySelectorAll(".arrow-label")).toHaveLength(0);
  });

  it("draws attention to a tour step's arrow", () => {
    const { container } = draw({ mode: "writeback" }, true, "red");
    const highlighted = [...container.querySelectorAll('[data-highlight="true"]')];
    expect(highlighted.map((el) => el.getAttribute("class"))).toEqual(["arrow arrow-red"]);
  });
});

describe("NeutralLanes", () => {
  it("says when the guest writes buffered data back: ext3's 5 s commit, ext4's flusher", () => {
    render(
      <svg>
        <NeutralLanes fs="ext3" markerId={markerId} />
      </svg>,
    );
    expect(screen.getByText("commit (≤ 5 s)")).toBeTruthy();
    expect(screen.getAllByText("writeback (30–35 s)")).toHaveLength(1);
    cleanup();
    render(
      <svg>
        <NeutralLanes fs="ext4" markerId={markerId} />
      </svg>,
    );
    expect(screen.queryByText("commit (≤ 5 s)")).toBeNull();
    // The guest's flusher and the host's.
    expect(screen.getAllByText("writeback (30–35 s)")).toHaveLength(2);
    expect(screen.getByText("destage (est.)")).toBeTruthy();
  });
});
