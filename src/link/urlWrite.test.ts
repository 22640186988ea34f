/** Writing the URL back: every configuration round-trips, and other parameters are kept. */
import { describe, expect, it } from "vitest";
import { ALL_CONFIGS } from "../model/testing";
import { DEFAULT_CONFIG, type SessionConfig } from "../scenario/session";
import { readUrlConfig } from "./url";
import { longLinkWarning, SAFE_LINK_LENGTH, writeUrlConfig, writeUrlScenario } from "./urlWrite";

describe("writeUrlConfig", () => {
  it("round-trips every configuration through readUrlConfig", () => {
    for (const config of ALL_CONFIGS) {
      expect(readUrlConfig(writeUrlConfig("", config))).toEqual({ config, notices: [] });
    }
  });

  it("names a fault only when it is present", () => {
    expect(writeUrlConfig("", DEFAULT_CONFIG)).not.toMatch(/flush|hostbarriers/);
    const search = writeUrlConfig("", {
      ...DEFAULT_CONFIG,
      diskFlush: "ignored",
      hostBarriers: false,
    });
    expect(search).toMatch(/&flush=ignored&hostbarriers=off$/);
    expect(writeUrlConfig("", { ...DEFAULT_CONFIG, reorder: true })).toMatch(/&reorder=on$/);
  });

  it("writes the URL's own vocabulary", () => {
    expect(
      writeUrlConfig("", {
        mode: "none",
        guestBarriers: false,
        guestFs: "ext4",
        diskCache: "volatile",
        diskFlush: "honoured",
        hostBarriers: true,
        reorder: false,
      }),
    ).toBe("?mode=none&barriers=off&fs=ext4&disk=volatile");
  });

  it("keeps unrelated parameters and replaces its own in place", () => {
    const config: SessionConfig = {
      mode: "writethrough",
      guestBarriers: true,
      guestFs: "ext4",
      diskCache: "off",
      diskFlush: "honoured",
      hostBarriers: true,
      reorder: false,
    };
    const search = writeUrlConfig("?embed=1&mode=unsafe&lang=en", config);
    const params = new URLSearchParams(search);
    expect(params.get("embed")).toBe("1");
    expect(params.get("lang")).toBe("en");
    expect(params.getAll("mode")).toEqual(["writethrough"]);
    expect(search.startsWith("?")).toBe(true);
    expect(readUrlConfig(search).config).toEqual(config);
  });

  it("replaces a bad parameter by a good one", () => {
    const search = writeUrlConfig("?barriers=maybe", DEFAULT_CONFIG);
    expect(readUrlConfig(search)).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });
});

describe("longLinkWarning", () => {
  it("says nothing about an ordinary link, and warns past what servers commonly accept", () => {
    expect(longLinkWarning("https://example.org/?mode=none&ops=osync@0")).toBeNull();
    const long = `https://example.org/?ops=${"osync@12.5,".repeat(SAFE_LINK_LENGTH / 10)}`;
    expect(longLinkWarning(long)).toMatch(/KiB long: some web servers refuse links over 8 KiB/);
    expect(longLinkWarning(long)).toMatch(/Export scenario/);
  });

  it("warns from the first character past the limit, giving the length in KiB", () => {
    expect(longLinkWarning("x".repeat(SAFE_LINK_LENGTH))).toBeNull();
    expect(longLinkWarning("x".repeat(SAFE_LINK_LENGTH + 1))).toMatch(/^This link is 8 KiB long/);
    expect(longLinkWarning("x".repeat(20 * 1024))).toMatch(/^This link is 20 KiB long/);
  });
});

describe("writeUrlScenario", () => {
  const doc = { config: DEFAULT_CONFIG, ops: [{ atMs: 0, kind: "normal" }], crash: null } as const;

  it("names a shipped tour and its step, 1-based", () => {
    const params = new URLSearchParams(writeUrlScenario("", doc, 0, { id: "article", step: 2 }));
    expect(params.get("tour")).toBe("article");
    expect(params.get("step")).toBe("3");
  });

  it("drops the tour and step of a link when no shipped tour is open", () => {
    for (const tour of [null, { id: "prediction", step: 0 }]) {
      const params = new URLSearchParams(writeUrlScenario("?tour=beyond&step=2", doc, 0, tour));
      expect(params.has("tour") || params.has("step")).toBe(false);
    }
  });

  it("writes t only past 0 and only with writes to place it among", () => {
    const t = (d: typeof doc | { config: SessionConfig; ops: []; crash: null }, tMs: number) =>
      new URLSearchParams(writeUrlScenario("?t=9", d, tMs)).get("t");
    expect(t(doc, 5)).toBe("5");
    expect(t(doc, 0)).toBeNull();
    expect(t({ config: DEFAULT_CONFIG, ops: [], crash: null }, 5)).toBeNull();
  });
});
