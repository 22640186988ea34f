// @vitest-environment happy-dom
/**
 * The key: it names each of the article's four arrows with what it means, and for each cache mode
 * the arrow the model sends its writes down names that mode; each token's shape is named by its
 * kind of write.
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_MODES, MODE_SWITCHES, type DiskCache } from "../../model/config";
import { writeArrow } from "../../model/rules";
import { OP_KINDS } from "../../model/timeline";
import { KIND_NAME } from "../../text/vocabulary";
import { LegendView as Legend } from "./Legend";

afterEach(cleanup);

/** Each item of the arrows' list, by the arrow it names first. */
function arrowItems(diskCache: DiskCache = "volatile"): Map<string, string> {
  render(<Legend diskCache={diskCache} />);
  const list = screen.getByRole("list", { name: "Arrows" });
  return new Map(
    within(list)
      .getAllByRole("listitem")
      .map((item) => {
        const [arrow = "", meaning = ""] = item.textContent.trim().split(": ");
        return [arrow, meaning];
      }),
  );
}

describe("Legend", () => {
  it("names each arrow with what it means", () => {
    const items = arrowItems();
    expect([...items.keys()]).toEqual(["red", "gray", "blue", "green"]);
    expect(items.get("red")).toContain("host page cache");
    expect(items.get("gray")).toContain("host page cache bypassed");
    expect(items.get("blue")).toContain("stable storage");
    expect(items.get("green")).toMatch(/flush passed down as fdatasync/);
  });

  // Issue 18, item 9: with the drive cache off gray ends on stable storage, not in a cache.
  it.each([
    ["volatile", /drive's volatile write cache/],
    ["off", /stable storage \(platters or flash\), since the drive's write cache is off/],
    ["battery", /battery-backed write cache \(stable storage\)/],
  ] as const)("with the drive cache %s, gray says where none's writes end", (diskCache, end) => {
    const gray = arrowItems(diskCache).get("gray") ?? "";
    expect(gray).toMatch(end);
    if (diskCache !== "volatile") expect(gray).not.toMatch(/volatile/);
  });

  it.each(CACHE_MODES)("%s: the arrow its writes take names it", (mode) => {
    const arrow = writeArrow(MODE_SWITCHES[mode]);
    expect(arrowItems().get(arrow)).toMatch(new RegExp(`\\b${mode}\\b`));
  });

  it("names each token's kind of write, and the ack mark", () => {
    render(<Legend diskCache="volatile" />);
    const items = within(screen.getByRole("list", { name: "Tokens" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent.trim())).toEqual([
      ...OP_KINDS.map((kind) => KIND_NAME[kind]),
      "ack the call returns to the application",
    ]);
  });

  it("draws each token's shape whole: its outline inside the key's box", () => {
    const { container } = render(<Legend diskCache="volatile" />);
    const keys = Array.from(container.querySelectorAll("svg.token-key"));
    expect(keys).toHaveLength(OP_KINDS.length);
    for (const svg of keys) {
      const [x = 0, y = 0, width = 0, height = 0] = (svg.getAttribute("viewBox") ?? "")
        .split(" ")
        .map(Number);
      const path = svg.querySelector("path");
      const half = Number(path?.getAttribute("stroke-width") ?? 0) / 2;
      // The shapes are drawn with absolute coordinates (M, L, H, V, A): their extent is
      // bounded by the largest coordinate (an arc's radius is one too).
      const numbers = (path?.getAttribute("d") ?? "").match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      const reach = Math.max(...numbers.map(Math.abs)) + half;
      expect(half).toBeGreaterThan(0);
      expect(reach).toBeLessThanOrEqual(-x);
      expect(reach).toBeLessThanOrEqual(-y);
      expect(reach).toBeLessThanOrEqual(x + width);
      expect(reach).toBeLessThanOrEqual(y + height);
    }
  });

  it("says screen time is compressed and the clock shows model time", () => {
    render(<Legend diskCache="volatile" />);
    expect(screen.getByText(/^Screen time is compressed/).textContent).toMatch(
      /The clock and the table show model time/,
    );
  });
});
