import { describe, expect, it } from "vitest";
import { listOf } from "./sentences";

describe("listOf", () => {
  it.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
  ])("lists %j as %j", (items, expected) => {
    expect(listOf(items)).toBe(expected);
  });
});
