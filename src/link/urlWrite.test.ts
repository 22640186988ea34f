/**
 * Writing the URL back: every configuration round-trips, other parameters are kept, and the
 * writes go to the fragment in the compact form src/link/url.ts reads.
 */
import { describe, expect, it } from "vitest";
import { ALL_CONFIGS } from "../model/testing";
import { DEFAULT_CONFIG, type SessionConfig } from "../scenario/session";
import { readUrlConfig } from "./url";
import {
  elementAttributes,
  longLinkWarning,
  SAFE_LINK_LENGTH,
  writesText,
  writeUrlConfig,
  writeUrlScenario,
} from "./urlWrite";

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
  it("says nothing up to the length every program should keep whole, and the KiB past it", () => {
    expect(longLinkWarning("x".repeat(SAFE_LINK_LENGTH))).toBeNull();
    expect(longLinkWarning("x".repeat(SAFE_LINK_LENGTH + 1))).toMatch(/^It is 8 KiB long/);
    expect(longLinkWarning("x".repeat(90 * 1024))).toBe(
      "It is 90 KiB long: browsers open it, but not every app that passes links on keeps one over 8 000 characters whole; Export scenario gives a file instead.",
    );
  });
});

describe("writesText", () => {
  const at = (...times: number[]) => times.map((atMs) => ({ atMs, kind: "normal" as const }));

  it("writes each kind's letter and the step after the previous write, nothing for none", () => {
    expect(
      writesText([
        { atMs: 0, kind: "osync" },
        { atMs: 12.5, kind: "normal" },
        { atMs: 12.5, kind: "barrier" },
        { atMs: 12.501, kind: "odirect" },
      ]),
    ).toBe("sn12.5bd.001");
  });

  it("takes the shortest step that adds back to the time exactly, not the double difference", () => {
    expect(12.6 - 12.5).not.toBe(0.1);
    expect(writesText(at(12.5, 12.6))).toBe("n12.5n.1");
    expect(writesText(at(5, 4.5))).toBe("n5n-.5");
    // A step back as long as the time itself: the time.
    expect(writesText(at(5, 2))).toBe("n5N2");
  });

  it("writes a time from 0, in capitals, when no step is as short", () => {
    // After 1e12, no step lands exactly on 0.1: the time is written whole.
    expect(writesText(at(1e12, 0.1))).toBe("n1000000000000N.1");
  });

  it("is made once per list of writes", () => {
    const ops = at(1, 2);
    expect(writesText(ops)).toBe(writesText(ops));
  });
});

describe("writeUrlScenario", () => {
  const doc = { config: DEFAULT_CONFIG, ops: [{ atMs: 0, kind: "normal" }], crash: null } as const;

  const query = (...args: Parameters<typeof writeUrlScenario>) =>
    new URLSearchParams(writeUrlScenario(...args).search);

  it("puts the writes in the fragment, and takes a link's old ops out of the query", () => {
    const link = writeUrlScenario("?ops=osync@0&mode=none", doc, 0);
    expect(link).toEqual({
      search: "?mode=writeback&barriers=on&fs=ext4&disk=volatile",
      hash: "#writes=n",
    });
    expect(writeUrlScenario("", { ...doc, ops: [] }, 0).hash).toBe("");
  });

  it("names a shipped tour and its step, 1-based", () => {
    const params = query("", doc, 0, { id: "article", step: 2 });
    expect(params.get("tour")).toBe("article");
    expect(params.get("step")).toBe("3");
  });

  it("drops the tour and step of a link when no shipped tour is open", () => {
    for (const tour of [null, { id: "prediction", step: 0 }]) {
      const params = query("?tour=beyond&step=2", doc, 0, tour);
      expect(params.has("tour") || params.has("step")).toBe(false);
    }
  });

  it("writes t only past 0 and only with writes to place it among", () => {
    const t = (d: typeof doc | { config: SessionConfig; ops: []; crash: null }, tMs: number) =>
      query("?t=9", d, tMs).get("t");
    expect(t(doc, 5)).toBe("5");
    expect(t(doc, 0)).toBeNull();
    expect(t({ config: DEFAULT_CONFIG, ops: [], crash: null }, 5)).toBeNull();
  });
});

describe("elementAttributes", () => {
  it("gives the element its readable ops, whose times read back exactly", () => {
    const attributes = elementAttributes(
      {
        config: DEFAULT_CONFIG,
        ops: [
          { atMs: 0, kind: "osync" },
          { atMs: 0.1 + 0.2, kind: "normal" },
        ],
        crash: null,
      },
      0.1 + 0.2,
    );
    expect(attributes.get("ops")).toBe("osync@0,normal@0.30000000000000004");
    expect(attributes.get("t")).toBe("0.30000000000000004");
  });
});
