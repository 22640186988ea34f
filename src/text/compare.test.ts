/** The compare view's numbers in words: never "none" for a missing number, "none" is a cache mode. */
import { describe, expect, it } from "vitest";
import { SUMMARY } from "./compare";

describe("SUMMARY.spread", () => {
  it("says there are no writes yet, not 'median none'", () => {
    expect(SUMMARY.spread(null, null, 0)).toBe("no writes yet");
  });

  it("says when none of the writes got there", () => {
    expect(SUMMARY.spread(null, null, 3)).toBe("none of the writes");
  });

  it("gives the median and the max otherwise", () => {
    expect(SUMMARY.spread(14.1, 35_000, 2)).toBe("median 14.1 ms, max 35.0 s");
  });
});
