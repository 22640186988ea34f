/** docs/model.md §8.1: the platters serve one write at a time, in the order they were booked. */
import { describe, expect, it } from "vitest";
import { makeConfig } from "../config";
import { bookPlatters } from "./disk";
import { createRun } from "./run";

/** 14 ms writes (§5), booked in this order: one ready while the platters are busy waits. */
const BOOKINGS = [
  { readyMs: 0, startMs: 0, endMs: 14 },
  { readyMs: 5, startMs: 14, endMs: 28 },
  { readyMs: 100, startMs: 100, endMs: 114 },
  { readyMs: 100, startMs: 114, endMs: 128 },
];

describe("bookPlatters", () => {
  it("serves one write at a time", () => {
    const run = createRun(makeConfig({ cache: "none", guestBarriers: true }), [], Infinity);
    for (const { readyMs, startMs, endMs } of BOOKINGS) {
      expect(bookPlatters(run, readyMs, 14)).toEqual({ startMs, endMs });
    }
  });
});
