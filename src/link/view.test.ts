import { describe, expect, it } from "vitest";
import { readPlay, readView } from "./view";

const at = (search: string) => `https://docs.example.org/kvm/${search}`;

describe("readView", () => {
  it.each([
    ["", { embed: false, ledger: true, fullView: null }],
    ["?mode=none", { embed: false, ledger: true, fullView: null }],
    ["?embed=1", { embed: true, ledger: false, fullView: at("?embed=1") }],
    ["?embed=1&ledger=1", { embed: true, ledger: true, fullView: at("?embed=1&ledger=1") }],
    ["?embed=on&ledger=true", { embed: true, ledger: true, fullView: at("?embed=on&ledger=true") }],
    ["?embed=0", { embed: false, ledger: true, fullView: null }],
    ["?embed=yes", { embed: false, ledger: true, fullView: null }],
  ])("%s is %j", (search, view) => {
    expect(readView(at(search))).toEqual({
      ...view,
      present: false,
      compare: null,
      tour: null,
      theme: "auto",
    });
  });

  it("reads presenter mode and a tour's link as it is (the tour reads it when it loads)", () => {
    expect(readView(at("?present=1&tour=article&step=3"))).toMatchObject({
      present: true,
      tour: { id: "article", step: "3" },
    });
    expect(readView(at("?tour=beyond")).tour).toEqual({ id: "beyond", step: null });
  });

  it("reads the theme, auto when absent or not one (src/link/url.ts names a bad one)", () => {
    expect(readView(at("?theme=dark")).theme).toBe("dark");
    expect(readView(at("?embed=1&theme=LIGHT")).theme).toBe("light");
    expect(readView(at("?theme=auto")).theme).toBe("auto");
    expect(readView(at("")).theme).toBe("auto");
    expect(readView(at("?theme=purple")).theme).toBe("auto");
  });

  it("plays only when asked", () => {
    expect(readPlay("?embed=1&play=1")).toBe(true);
    expect(readPlay("?embed=1")).toBe(false);
  });
});
