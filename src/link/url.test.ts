/**
 * The configuration in the URL (`?mode=none&barriers=off&disk=volatile`). A bad parameter never
 * blanks the page: it yields a notice naming it and the default used, and the good ones are kept.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CACHE_MODES, CONFIG_FIELDS, CONFIG_KEYS, DISK_CACHES } from "../model/config";
import { ALL_CONFIGS } from "../model/testing";
import { FAILURE_KINDS, OP_KINDS } from "../model/timeline";
import { MAX_TIME_MS } from "../scenario/schema";
import { MAX_WRITES } from "../scenario/limit";
import { DEFAULT_CONFIG, type SessionDoc } from "../scenario/session";
import { carriesScenario, readUrlConfig, readUrlScenario, startingScenario } from "./url";
import { writeUrlScenario } from "./urlWrite";

/** A link as the page writes it, read back. */
const roundTrip = (doc: SessionDoc, tMs: number) => {
  const { search, hash } = writeUrlScenario("", doc, tMs);
  return readUrlScenario(search, hash);
};

describe("readUrlConfig", () => {
  it("without parameters gives the default configuration and no notice", () => {
    expect(readUrlConfig("")).toEqual({ config: DEFAULT_CONFIG, notices: [] });
    expect(readUrlConfig("?")).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });

  it("reads valid parameters, with or without the leading ?", () => {
    const expected = {
      ...DEFAULT_CONFIG,
      mode: "none",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "battery",
    };
    expect(readUrlConfig("?mode=none&barriers=off&disk=battery")).toEqual({
      config: expected,
      notices: [],
    });
    expect(readUrlConfig("disk=battery&barriers=off&mode=none").config).toEqual(expected);
  });

  it.each(CACHE_MODES)("accepts mode=%s", (mode) => {
    expect(readUrlConfig(`?mode=${mode}`)).toEqual({
      config: { ...DEFAULT_CONFIG, mode },
      notices: [],
    });
  });

  it.each(DISK_CACHES)("accepts disk=%s", (diskCache) => {
    expect(readUrlConfig(`?disk=${diskCache}`)).toEqual({
      config: { ...DEFAULT_CONFIG, diskCache },
      notices: [],
    });
  });

  it("barriers=on and barriers=off set whether the guest issues barriers", () => {
    expect(readUrlConfig("?barriers=on").config.guestBarriers).toBe(true);
    expect(readUrlConfig("?barriers=off").config.guestBarriers).toBe(false);
  });

  it("fills a missing parameter with its default", () => {
    expect(readUrlConfig("?barriers=off")).toEqual({
      config: { ...DEFAULT_CONFIG, guestBarriers: false },
      notices: [],
    });
  });

  it("ignores parameters it does not own", () => {
    expect(readUrlConfig("?embed=1&mode=unsafe&t=3")).toEqual({
      config: { ...DEFAULT_CONFIG, mode: "unsafe" },
      notices: [],
    });
  });

  it("a bad mode yields a notice naming it and the default used; the good parameters are kept", () => {
    const { config, notices } = readUrlConfig("?mode=writebak&barriers=off&disk=off");
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      mode: "writeback",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "off",
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“mode”");
    expect(notices[0]).toContain('"writebak"');
    expect(notices[0]).toContain("using writeback instead");
  });

  it("a bad barriers value yields a notice in the URL's own words (on or off)", () => {
    const { config, notices } = readUrlConfig("?mode=none&barriers=maybe&disk=battery");
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      mode: "none",
      guestBarriers: true,
      guestFs: "ext4",
      diskCache: "battery",
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“barriers”");
    expect(notices[0]).toContain("on or off");
    expect(notices[0]).not.toContain("true or false");
    expect(notices[0]).toContain("using on instead");
  });

  it("a bad disk yields a notice naming it and the default used", () => {
    const { config, notices } = readUrlConfig("?mode=directsync&barriers=off&disk=ssd");
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      mode: "directsync",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "volatile",
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“disk”");
    expect(notices[0]).toContain("using volatile instead");
  });

  it("says in full which parameter is bad, why, and what is used instead", () => {
    expect(readUrlConfig("?mode=writebak").notices).toEqual([
      'The URL parameter “mode” is not valid (expected one of writeback, none, writethrough, directsync, unsafe, got "writebak"); using writeback instead.',
    ]);
  });

  it("with every parameter of the table bad, gives one notice each and the defaults", () => {
    const search = CONFIG_KEYS.map((key) => `${CONFIG_FIELDS[key].param}=zz`).join("&");
    const { config, notices } = readUrlConfig(`?${search}`);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toHaveLength(CONFIG_KEYS.length);
  });

  it("names the values a parameter allows", () => {
    const [notice] = readUrlConfig("?disk=ssd").notices;
    for (const value of DISK_CACHES) expect(notice).toContain(value);
  });

  it("with every parameter bad, gives one notice per parameter and the defaults", () => {
    const { config, notices } = readUrlConfig("?mode=x&barriers=y&fs=xfs&disk=z");
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toHaveLength(4);
    expect(notices.map((n) => /“(\w+)”/.exec(n)?.[1]).sort()).toEqual([
      "barriers",
      "disk",
      "fs",
      "mode",
    ]);
  });

  it.each(["ext3", "ext4"] as const)("accepts fs=%s; a link without fs= means ext4", (guestFs) => {
    expect(readUrlConfig(`?fs=${guestFs}`).config.guestFs).toBe(guestFs);
    expect(readUrlConfig("?mode=none").config.guestFs).toBe("ext4");
    const { notices } = readUrlConfig("?fs=btrfs");
    expect(notices[0]).toContain("“fs”");
    expect(notices[0]).toContain("ext3, ext4");
  });

  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ] as const)("barriers=%s reads as %s", (value, expected) => {
    expect(readUrlConfig(`?barriers=${value}`)).toEqual({
      config: { ...DEFAULT_CONFIG, guestBarriers: expected },
      notices: [],
    });
  });

  it("reads a field without an alias from its own parameter only", () => {
    expect(readUrlConfig("?undefined=off&null=off")).toEqual({
      config: DEFAULT_CONFIG,
      notices: [],
    });
  });

  it("accepts QEMU's own spelling, cache=", () => {
    expect(readUrlConfig("?cache=directsync").config.mode).toBe("directsync");
  });

  it.each(["yes", "", "on ", "2"])(
    "barriers accepts on/off (or true/false, 1/0) only, not %j",
    (value) => {
      const { config, notices } = readUrlConfig(`?mode=none&barriers=${encodeURIComponent(value)}`);
      expect(config).toEqual({ ...DEFAULT_CONFIG, mode: "none" });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain("“barriers”");
    },
  );

  it("an empty mode is a bad mode, not a missing one", () => {
    const { notices } = readUrlConfig("?mode=");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“mode”");
  });

  it("forgives letter case: a hand-typed link still works", () => {
    expect(readUrlConfig("?mode=None&barriers=OFF&disk=Battery")).toEqual({
      config: {
        ...DEFAULT_CONFIG,
        mode: "none",
        guestBarriers: false,
        guestFs: "ext4",
        diskCache: "battery",
      },
      notices: [],
    });
  });
});

describe("readUrlScenario and writeUrlScenario", () => {
  const doc = {
    config: {
      ...DEFAULT_CONFIG,
      mode: "none",
      guestBarriers: false,
      guestFs: "ext3",
      diskCache: "volatile",
    },
    ops: [
      { atMs: 0, kind: "osync" },
      { atMs: 12.5, kind: "normal" },
      { atMs: 0.001, kind: "barrier" },
    ],
    crash: { atMs: 0.08, kind: "power" },
  } as const;

  it("writes a readable query, the writes in the fragment, and reads back the same scenario and moment", () => {
    const link = writeUrlScenario("", doc, 0.05);
    expect(link).toEqual({
      search: "?mode=none&barriers=off&fs=ext3&disk=volatile&crash=power@0.08&t=0.05",
      hash: "#writes=sn12.5B.001",
    });
    expect(readUrlScenario(link.search, link.hash)).toEqual({ doc, tMs: 0.05, notices: [] });
  });

  it("round-trips instants that are sums of small constants exactly", () => {
    const t = 0.001 + 0.03 + 0.1 + 14;
    const ops = [0.1, 0.1 + 0.2, t, t + 1e-7].map((atMs) => ({ atMs, kind: "normal" as const }));
    const crash = { atMs: t + 0.2, kind: "host" as const };
    expect(roundTrip({ ...doc, ops, crash }, t)).toEqual({
      doc: { ...doc, ops, crash },
      tMs: t,
      notices: [],
    });
  });

  it("any scenario the page can hold comes back exactly, times included (property)", () => {
    const time = fc.oneof(
      fc.double({ min: 0, max: MAX_TIME_MS, noNaN: true }),
      fc.double({ min: 0, max: 1e3, noNaN: true }),
      fc.integer({ min: 0, max: 1e6 }),
    );
    const scenario = fc.record({
      config: fc.constantFrom(...ALL_CONFIGS),
      ops: fc.array(fc.record({ atMs: time, kind: fc.constantFrom(...OP_KINDS) }), {
        maxLength: 60,
      }),
      crash: fc.option(fc.record({ atMs: time, kind: fc.constantFrom(...FAILURE_KINDS) })),
    });
    fc.assert(
      fc.property(scenario, time, (d, tMs) => {
        // -0 is 0 to every reader (the validator, the model): it comes back as 0.
        const plus = (t: number) => t + 0;
        const held: SessionDoc = {
          config: d.config,
          ops: d.ops.map((op) => ({ ...op, atMs: plus(op.atMs) })),
          crash: d.crash && { ...d.crash, atMs: plus(d.crash.atMs) },
        };
        const back = roundTrip(held, plus(tMs));
        expect(back.notices).toEqual([]);
        expect(back.doc).toEqual(held);
        expect(back.tMs).toBe(held.ops.length > 0 && tMs > 0 ? plus(tMs) : null);
      }),
      { numRuns: 500 },
    );
  });

  it("carries MAX_WRITES writes of fractional times, exactly, in a fragment of about 90 KB", () => {
    // Times as the playhead gives them: doubles of full precision, a few ms apart.
    let atMs = 0;
    const random = fc.sample(fc.double({ min: 0, max: 40, noNaN: true }), {
      numRuns: MAX_WRITES,
      seed: 20,
    });
    const ops = random.map((step, i) => ({
      atMs: (atMs += step),
      kind: OP_KINDS[i % 4] ?? "normal",
    }));
    const held = { ...doc, ops, crash: null };
    const link = writeUrlScenario("", held, 0);
    expect(link.hash.length).toBeLessThan(100_000);
    expect(link.search.length).toBeLessThan(100);
    expect(readUrlScenario(link.search, link.hash).doc).toEqual(held);
  });

  it("opens a link made before the writes moved to the fragment (today's query format)", () => {
    // Written by writeUrlScenario as it was before the fragment held the writes.
    const old =
      "?tour=article&step=3&mode=none&barriers=off&fs=ext3&disk=volatile&flush=ignored&hostbarriers=off&reorder=on&ops=osync@0,normal@12.3456789012346,barrier@14.1,odirect@0.5&crash=power@20.25&t=15.5";
    expect(carriesScenario(old, "")).toBe(true);
    expect(readUrlScenario(old)).toEqual({
      doc: {
        config: {
          mode: "none",
          guestBarriers: false,
          guestFs: "ext3",
          diskCache: "volatile",
          diskFlush: "ignored",
          hostBarriers: false,
          reorder: true,
        },
        ops: [
          { atMs: 0, kind: "osync" },
          { atMs: 12.3456789012346, kind: "normal" },
          { atMs: 14.1, kind: "barrier" },
          { atMs: 0.5, kind: "odirect" },
        ],
        crash: { atMs: 20.25, kind: "power" },
      },
      tMs: 15.5,
      notices: [],
    });
    // Rewritten, it says the same in the new form.
    const read = readUrlScenario(old);
    const again = writeUrlScenario(old, read.doc, read.tMs ?? 0, { id: "article", step: 2 });
    expect(again.search).not.toContain("ops=");
    expect(again.search).toContain("tour=article&step=3");
    expect(readUrlScenario(again.search, again.hash)).toEqual(read);
  });

  it("a configuration-only link (the old kind) still opens, with no writes", () => {
    expect(readUrlScenario("?mode=none&barriers=off&disk=volatile")).toEqual({
      doc: {
        config: { ...DEFAULT_CONFIG, mode: "none", guestBarriers: false },
        ops: [],
        crash: null,
      },
      tMs: null,
      notices: [],
    });
  });

  it("drops ops, crash and t from a link without writes or failure", () => {
    const { search, hash } = writeUrlScenario(
      "?ops=normal@1&crash=power@2&t=3",
      { ...doc, ops: [], crash: null },
      0,
    );
    expect(hash).toBe("");
    const params = new URLSearchParams(search);
    expect(params.has("ops") || params.has("crash") || params.has("t")).toBe(false);
  });

  it.each([
    ["ops=fsync@0", "ops", "write 1 (“fsync@0”) is not kind@ms"],
    ["ops=osync@-1", "ops", "write 1"],
    ["ops=osync@0,normal", "ops", "write 2 (“normal”)"],
    ["ops=osync@1@2", "ops", "write 1"],
    ["ops=%00%01", "ops", "(“␀␁”)"],
    ["crash=meteor@5", "crash", "“meteor@5” is not kind@ms"],
    ["crash=power@1e13", "crash", "is not kind@ms"],
    ["t=soon", "t", "got “soon”"],
    ["t=-3", "t", "got “-3”"],
  ])("a hostile %s gets a notice naming “%s”, and the rest still loads", (param, name, words) => {
    const { doc: read, notices } = readUrlScenario(`?mode=directsync&${param}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`“${name}”`);
    expect(notices[0]).toContain(words);
    expect(read.config.mode).toBe("directsync");
  });

  it.each(["Infinity", "-Infinity", "NaN", "-0.001", "1000000000001", "1e300", "", " ", "5ms"])(
    "t=%s is outside 0 to 1e12 ms: a notice, and the playhead starts at 0",
    (t) => {
      const { tMs, notices } = readUrlScenario(`?ops=normal@0&t=${encodeURIComponent(t)}`);
      expect(tMs).toBeNull();
      expect(notices).toEqual([
        `The URL parameter “t” is not valid (expected a time in ms from 0 to 1e12, got “${t}”); starting at 0.`,
      ]);
    },
  );

  it.each([
    ["0", 0],
    ["1e12", 1e12],
    ["0.001", 0.001],
  ])("t=%s is inside the bounds", (t, expected) => {
    expect(readUrlScenario(`?ops=normal@0&t=${t}`)).toMatchObject({ tMs: expected, notices: [] });
  });

  it.each([
    "normal@Infinity",
    "normal@NaN",
    "normal@-0.001",
    "normal@1000000000001",
    "normal@",
    "normal",
    "@5",
    "normal@5@",
  ])("ops=%s is refused whole: no writes, and a notice naming the write", (item) => {
    const { doc: read, notices } = readUrlScenario(`?ops=osync@0,${encodeURIComponent(item)}`);
    expect(read.ops).toEqual([]);
    expect(notices).toEqual([
      `The URL parameter “ops” is not valid (write 2 (“${item}”) is not kind@ms, kind one of normal, osync, barrier, odirect); no writes were loaded.`,
    ]);
  });

  it("takes a write at the last instant a scenario may hold (1e12 ms)", () => {
    expect(readUrlScenario("?ops=normal@1e12&crash=power@1e12")).toMatchObject({
      doc: { ops: [{ atMs: 1e12, kind: "normal" }], crash: { atMs: 1e12, kind: "power" } },
      notices: [],
    });
  });

  it.each([
    "power@Infinity",
    "power@NaN",
    "power@-1",
    "power@1000000000001",
    "power@",
    "power",
    "power@1@2",
    "@1",
  ])("crash=%s is refused: no failure, and a notice", (raw) => {
    const { doc: read, notices } = readUrlScenario(`?crash=${encodeURIComponent(raw)}`);
    expect(read.crash).toBeNull();
    expect(notices).toEqual([
      `The URL parameter “crash” is not valid (“${raw}” is not kind@ms, kind one of guest, qemu, host, power); no failure was loaded.`,
    ]);
  });

  it("names the bad write by its place, past the ninth too", () => {
    const ops = [...Array.from({ length: 10 }, () => "normal@0"), "fsync@0"].join(",");
    expect(readUrlScenario(`?ops=${ops}`).notices[0]).toContain("write 11 (“fsync@0”)");
  });

  it("a bad configuration parameter's notice comes with the scenario's", () => {
    expect(readUrlScenario("?mode=x&t=soon").notices.map((n) => /“(\w+)”/.exec(n)?.[1])).toEqual([
      "mode",
      "t",
    ]);
  });

  it("a theme that is not one is named, with the themes allowed and auto used instead", () => {
    expect(readUrlScenario("?theme=purple").notices).toEqual([
      "The URL parameter “theme” is not valid (expected one of auto, light, dark, got “purple”); following the browser's light or dark setting (auto) instead.",
    ]);
    for (const theme of ["light", "dark", "auto", "Dark"])
      expect(readUrlScenario(`?theme=${theme}`).notices).toEqual([]);
  });

  it("an empty ops= is no writes, not a bad one", () => {
    expect(readUrlScenario("?ops=")).toMatchObject({ doc: { ops: [] }, notices: [] });
  });

  it("takes exactly as many writes as a scenario may hold, in the query or the fragment", () => {
    const ops = Array.from({ length: MAX_WRITES }, () => "normal@0").join(",");
    expect(readUrlScenario(`?ops=${ops}`).doc.ops).toHaveLength(MAX_WRITES);
    const writes = `#writes=${"n".repeat(MAX_WRITES)}`;
    expect(readUrlScenario("", writes).doc.ops).toHaveLength(MAX_WRITES);
  });

  it("refuses more writes than a scenario may hold, naming the limit", () => {
    const ops = Array.from({ length: MAX_WRITES + 1 }, () => "normal@0").join(",");
    const { doc: read, notices } = readUrlScenario(`?ops=${ops}`);
    expect(read.ops).toEqual([]);
    expect(notices).toEqual([
      `The URL parameter “ops” is not valid (at most ${String(MAX_WRITES)} writes in a link, got ${String(MAX_WRITES + 1)}); no writes were loaded.`,
    ]);
    const fragment = readUrlScenario("", `#writes=${"s".repeat(MAX_WRITES + 1)}`);
    expect(fragment.doc.ops).toEqual([]);
    expect(fragment.notices).toEqual([
      `The URL parameter “writes” is not valid (at most ${String(MAX_WRITES)} writes in a link, got ${String(MAX_WRITES + 1)}); no writes were loaded.`,
    ]);
  });

  it("never shows half an emoji or a raw escape", () => {
    const { notices } = readUrlScenario(`?t=${encodeURIComponent("😀".repeat(50))}`);
    expect(notices[0]).toContain(`${"😀".repeat(40)}…`);
    expect(notices[0]).not.toMatch(/\\u/);
  });
});

describe("the fragment's writes", () => {
  const read = (writes: string) => readUrlScenario("", `#writes=${writes}`);

  it("reads steps after the previous write, capitals from 0, and nothing as no step", () => {
    expect(read("s5n.5bB1d-.5D1e-7").doc.ops).toEqual([
      { atMs: 5, kind: "osync" },
      { atMs: 5.5, kind: "normal" },
      { atMs: 5.5, kind: "barrier" },
      { atMs: 1, kind: "barrier" },
      { atMs: 0.5, kind: "odirect" },
      { atMs: 1e-7, kind: "odirect" },
    ]);
  });

  it("wins over the query's ops, and an empty one is no writes", () => {
    expect(readUrlScenario("?ops=normal@3", "#writes=s1").doc.ops).toEqual([
      { atMs: 1, kind: "osync" },
    ]);
    expect(read("")).toMatchObject({ doc: { ops: [] }, notices: [] });
  });

  it.each([
    ["x1", 1, "x1"],
    ["s1n-2", 2, "n-2"],
    ["s1n1e13", 2, "n1e13"],
    ["s1n1.2.3", 3, ".3"],
    ["s1 n2", 2, " n2"],
    ["s1n%00", 3, "␀"],
  ])("%s is refused whole: no writes, and a notice naming write %i", (writes, index, shown) => {
    const { doc, notices } = readUrlScenario("?mode=none", `#writes=${writes}`);
    expect(doc.ops).toEqual([]);
    expect(doc.config.mode).toBe("none");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("The URL parameter “writes” is not valid (write");
    expect(notices[0]).toContain(`write ${String(index)} (“`);
    expect(notices[0]).toContain(shown);
    expect(notices[0]).toContain("no writes were loaded.");
  });
});

describe("startingScenario", () => {
  const kept = "?mode=none&barriers=off&fs=ext4&disk=volatile&t=2#writes=s0n1.5";

  it("opens the tab's kept scenario when the address names none", () => {
    expect(startingScenario("", "", kept)).toEqual({
      doc: {
        config: { ...DEFAULT_CONFIG, mode: "none", guestBarriers: false },
        ops: [
          { atMs: 0, kind: "osync" },
          { atMs: 1.5, kind: "normal" },
        ],
        crash: null,
      },
      tMs: 2,
      notices: [],
      from: "kept",
    });
    // A tour or presenter link names no scenario: the kept one opens under it.
    expect(startingScenario("?present=1&tour=article", "", kept).from).toBe("kept");
  });

  it.each([
    ["?mode=unsafe", ""],
    ["?ops=normal@0", ""],
    ["?cache=none", ""],
    ["?t=1", ""],
    ["", "#writes=d"],
  ])("the address wins when it names a scenario (%s%s)", (search, hash) => {
    const start = startingScenario(search, hash, kept);
    expect(start.from).toBe("address");
    expect(start).toMatchObject(readUrlScenario(search, hash));
  });

  it("drops a kept scenario that does not read back whole, with a notice, and opens the address", () => {
    for (const bad of ["?mode=bogus#writes=s0", "#writes=s0q", "?t=soon", "?ops=x"]) {
      const start = startingScenario("?present=1", "#other", bad);
      expect(start.from).toBe("dropped");
      expect(start.doc).toEqual({ config: DEFAULT_CONFIG, ops: [], crash: null });
      expect(start.notices).toEqual([
        "The scenario this tab kept could not be read back, so it was dropped: the page opens as its address says.",
      ]);
    }
  });

  it("without anything kept, is the address's scenario", () => {
    expect(startingScenario("?mode=none", "", null)).toMatchObject({
      doc: { config: { mode: "none" } },
      from: "address",
    });
  });
});
