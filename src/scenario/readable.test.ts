/** Untrusted text as a message shows it: visible control characters, cut by characters. */
import { describe, expect, it } from "vitest";
import { readable } from "./readable";

/** Every bidirectional control (Unicode TR #9): embeddings, overrides, isolates and marks. */
const BIDI = [
  ...Array.from({ length: 5 }, (_, i) => 0x202a + i),
  ...Array.from({ length: 4 }, (_, i) => 0x2066 + i),
  0x200e,
  0x200f,
].map((code) => String.fromCodePoint(code));
const HIDDEN = new RegExp(`[${BIDI.join("")}]`, "u");

describe("readable", () => {
  it("shows each bidi control by its code point instead of obeying it", () => {
    expect(readable("\u202Egpj.exe")).toBe("<U+202E>gpj.exe");
    expect(readable("a\u2066b\u2069\u200e\u200f")).toBe("a<U+2066>b<U+2069><U+200E><U+200F>");
    for (const control of BIDI) expect(readable(`x${control}y`)).not.toMatch(HIDDEN);
  });

  it("shows control characters as their pictures and cuts by characters", () => {
    expect(readable("a\nb\u007f")).toBe("a\u240Ab\u2421");
    expect(readable("a\u0000\u001b\u007fb")).toBe("a\u2400\u241b\u2421b");
    expect(readable("😀".repeat(3), 2)).toBe("😀😀…");
  });

  it("keeps text of up to 40 characters whole, and cuts longer text there with an ellipsis", () => {
    expect(readable("x".repeat(40))).toBe("x".repeat(40));
    expect(readable("x".repeat(41))).toBe(`${"x".repeat(40)}…`);
    expect(readable("abcdef", 3)).toBe("abc…");
  });
});
