/** Untrusted text as a message shows it: visible control characters, cut by characters. */
import { describe, expect, it } from "vitest";
import { readable } from "./readable";

describe("readable", () => {
  it("keeps text of up to 40 characters whole, and cuts longer text there with an ellipsis", () => {
    expect(readable("x".repeat(40))).toBe("x".repeat(40));
    expect(readable("x".repeat(41))).toBe(`${"x".repeat(40)}…`);
    expect(readable("abcdef", 3)).toBe("abc…");
  });

  it("shows control characters as their pictures", () => {
    expect(readable("a\u0000\u001b\u007fb")).toBe("a\u2400\u241b\u2421b");
  });
});
