/** dist/embed.js: which frames it sizes, and from which messages. */
import { describe, expect, it } from "vitest";
import { isEmbed, reportedHeight } from "./host";

describe("isEmbed", () => {
  it.each([
    ["https://diagram.example.org/?embed=1&mode=none", true],
    ["https://docs.example.org/kcd/kvm-cache-diagram.html?embed=on", true],
    ["https://diagram.example.org/?mode=none", false],
    ["https://www.youtube.com/embed/xyz", false],
    ["", false],
  ])("%s: %s", (src, embed) => {
    expect(isEmbed({ src })).toBe(embed);
  });
});

describe("reportedHeight", () => {
  it.each([
    [{ type: "kvm-cache-diagram:resize", version: 1, height: 1180.2 }, 1181],
    [{ type: "kvm-cache-diagram:ready", version: 1, height: 900, tMs: 0 }, 900],
    [{ type: "kvm-cache-diagram:state", version: 1, height: 1e9 }, 20_000],
    [{ type: "kvm-cache-diagram:acked", version: 1, write: 1 }, null],
    [{ type: "kvm-cache-diagram:resize", version: 1, height: -3 }, null],
    [{ type: "kvm-cache-diagram:resize", version: 1, height: "900" }, null],
    [{ type: "other-widget:resize", height: 300 }, null],
    [null, null],
    ["kvm-cache-diagram:resize", null],
  ])("%j: %s", (data, height) => {
    expect(reportedHeight(data)).toBe(height);
  });
});
