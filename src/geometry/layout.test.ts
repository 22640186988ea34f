/**
 * The layout: the stack in order, QEMU spanning the lanes, trays right of the titles, and the one
 * rule for where a flush ends.
 */
import { describe, expect, it } from "vitest";
import { FLUSH_OUTCOMES } from "../model/timeline";
import { BOXES, FRAMES, flushEnd, LABEL_X, LANE_X, restPoint, VIEW, type Box } from "./layout";

describe("the stack", () => {
  it("draws the layers top to bottom in the order of docs/model.md §1, without overlap", () => {
    const order = [
      "guest-app",
      "guest-page-cache",
      "guest-block-layer",
      "virtual-disk",
      "qemu",
      "host-page-cache",
      "disk-cache",
      "platters",
    ] as const;
    order.slice(1).forEach((id, i) => {
      const above = BOXES[order[i] ?? "guest-app"];
      expect(BOXES[id].y).toBeGreaterThan(above.y + above.height);
    });
    const last = BOXES.platters;
    expect(last.y + last.height).toBeLessThan(VIEW.height);
  });

  it("lays each machine's boxes inside its frame, below its label, equally tall and evenly spaced", () => {
    const machines: Record<string, readonly Box[]> = {
      guest: [
        BOXES["guest-app"],
        BOXES["guest-page-cache"],
        BOXES["guest-block-layer"],
        BOXES["virtual-disk"],
      ],
      host: [BOXES.qemu, BOXES["host-page-cache"], BOXES["disk-cache"], BOXES.platters],
    };
    for (const frame of FRAMES) {
      const boxes = machines[frame.id] ?? [];
      const first = boxes[0];
      const last = boxes.at(-1);
      if (!first || !last) throw new Error(`no boxes in ${frame.id}`);
      // Room for the frame's label (14-unit type) above the first box, and a margin below the last.
      expect(first.y - frame.y).toBeGreaterThanOrEqual(20);
      expect(last.y + last.height).toBeLessThan(frame.y + frame.height);
      expect(new Set(boxes.map((b) => b.height)).size).toBe(1);
      const gaps = boxes.slice(1).map((b, i) => b.y - (boxes[i]?.y ?? 0));
      expect(new Set(gaps).size).toBe(1);
    }
    expect(FRAMES.at(-1)?.y).toBeGreaterThan((FRAMES[0]?.y ?? 0) + (FRAMES[0]?.height ?? 0));
  });

  it("QEMU spans every coloured lane, so each arrow passes through it; labels start past them", () => {
    for (const arrow of ["red", "gray", "blue", "green"] as const) {
      expect(LANE_X[arrow]).toBeGreaterThan(BOXES.qemu.x);
      expect(LANE_X[arrow]).toBeLessThan(BOXES.qemu.x + BOXES.qemu.width);
      expect(LANE_X[arrow]).toBeLessThan(LABEL_X);
    }
  });

  it("resting tokens stay inside their box, in its right half (titles are on the left)", () => {
    for (const box of Object.values(BOXES)) {
      for (let slot = 0; slot < 12; slot++) {
        const p = restPoint(box.id, slot);
        expect(p.x - 14).toBeGreaterThan(box.x + 150);
        expect(p.x + 14).toBeLessThan(BOXES.platters.x + BOXES.platters.width);
        expect(p.y - 14).toBeGreaterThanOrEqual(box.y);
        expect(p.y + 14).toBeLessThanOrEqual(box.y + box.height + 4);
      }
    }
  });
});

describe("flushEnd", () => {
  it.each(FLUSH_OUTCOMES)("%s ends where docs/model.md §2–§4 says", (outcome) => {
    const expected = {
      passed: "disk-cache",
      "ignored-by-qemu": "qemu",
      "no-guest-barriers": "guest-block-layer",
      "no-write-cache": "guest-block-layer",
      "no-host-barriers": "disk-cache",
      "ignored-by-drive": "disk-cache",
    }[outcome];
    // A battery-backed cache as stable storage: a passed flush ends there.
    expect(flushEnd(outcome, "disk-cache")).toBe(expected);
    // With the platters as stable storage, a faulty flush still stops in the drive's cache (§4).
    if (outcome === "no-host-barriers" || outcome === "ignored-by-drive") {
      expect(flushEnd(outcome, "platters")).toBe("disk-cache");
    }
  });
});
