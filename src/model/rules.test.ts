/** docs/model.md §2: each mode's arrow, and what becomes of a guest flush, mode by mode. */
import { describe, expect, it } from "vitest";
import { MODE_SWITCHES } from "./config";
import { flushOutcome, writeArrow } from "./rules";

const TABLE = [
  { mode: "writeback", arrow: "red", on: "passed" },
  { mode: "none", arrow: "gray", on: "passed" },
  { mode: "writethrough", arrow: "blue", on: "no-write-cache" },
  { mode: "directsync", arrow: "blue", on: "no-write-cache" },
  { mode: "unsafe", arrow: "red", on: "ignored-by-qemu" },
] as const;

describe("the decisions a configuration makes", () => {
  it.each(TABLE)(
    "$mode: writes take the $arrow arrow; a flush from a guest with barriers: $on",
    (row) => {
      const switches = MODE_SWITCHES[row.mode];
      expect(writeArrow(switches)).toBe(row.arrow);
      expect(flushOutcome(true, switches)).toBe(row.on);
      expect(flushOutcome(false, switches)).toBe("no-guest-barriers");
    },
  );
});
