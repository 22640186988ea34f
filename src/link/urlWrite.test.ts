/** Writing the URL back: every configuration round-trips, and other parameters are kept. */
import { describe, expect, it } from "vitest";
import { ALL_CONFIGS } from "../model/testing";
import { DEFAULT_CONFIG, type SessionConfig } from "../scenario/session";
import { readUrlConfig } from "./url";
import { longLinkWarning, SAFE_LINK_LENGTH, writeUrlConfig } from "./urlWrite";

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
});
