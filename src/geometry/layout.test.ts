/**
 * The layout: the stack in order, QEMU spanning the lanes, trays right of the titles, and the one
 * rule for where a flush ends.
 */
import { describe, expect, it } from "vitest";
import { FLUSH_OUTCOMES } from "../model/timeline";
import { BOXES, flushEnd, LABEL_X, LANE_X, restPoint, VIEW } from "./layout";

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
