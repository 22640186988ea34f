import { describe, expect, it } from "vitest";
import { MAX_VM_CONFIG_CHARS, tooLong } from "./size";

describe("tooLong", () => {
  it("takes text up to the limit exactly", () => {
    expect(tooLong("")).toBeNull();
    expect(tooLong("x".repeat(MAX_VM_CONFIG_CHARS))).toBeNull();
  });

  it("says how long text over the limit is, rounded up", () => {
    expect(tooLong("x".repeat(MAX_VM_CONFIG_CHARS + 1))).toBe(
      "The configuration is 1.1 million characters long; the limit is 1 million.",
    );
  });
});
