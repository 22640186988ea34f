import { describe, expect, it } from "vitest";
import { problemLine } from "../text/scenario";
import { MAX_OPS, parseScenario, validateScenario } from "./schema";

const valid = {
  version: 1,
  config: { mode: "none", guestBarriers: true },
  ops: [{ at: 0, kind: "osync" }],
};

function errorOf(value: unknown): string {
  const result = validateScenario(value);
  if (result.ok) throw new Error("expected an error");
  return problemLine(result.problem);
}

describe("parseScenario", () => {
  it("accepts a minimal document and keeps optional fields optional", () => {
    expect(validateScenario(valid)).toEqual({ ok: true, scenario: valid });
    const full = {
      ...valid,
      config: { ...valid.config, diskCache: "battery" },
      crash: { at: 5, kind: "power" },
    };
    expect(validateScenario(full)).toEqual({ ok: true, scenario: full });
  });

  it.each([
    ["not JSON", "{", /^document: not valid JSON/],
    ["a list", "[]", /^document: expected an object with version, config, ops, crash, got a list$/],
  ])("rejects %s", (_, text, message) => {
    const result = parseScenario(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(problemLine(result.problem)).toMatch(message);
  });

  it.each([
    [{ ...valid, version: 2 }, "version: expected 1, got 2"],
    [{ ...valid, version: undefined }, "version: expected 1, got nothing"],
    [
      { ...valid, config: undefined },
      "config: expected an object with mode, guestBarriers, guestFs, diskCache, diskFlush, hostBarriers, reorder, got nothing",
    ],
    [
      { ...valid, config: { mode: "nocache", guestBarriers: true } },
      'config.mode: expected one of writeback, none, writethrough, directsync, unsafe, got "nocache"',
    ],
    [
      { ...valid, config: { mode: "none", guestBarriers: "yes" } },
      'config.guestBarriers: expected true or false, got "yes"',
    ],
    [
      { ...valid, config: { mode: "none", guestBarriers: true, diskCache: "ssd" } },
      'config.diskCache: expected one of volatile, off, battery, got "ssd"',
    ],
    [
      { ...valid, config: { mode: "none", guestBarriers: true, barriers: 1 } },
      "config.barriers: unknown field (allowed: mode, guestBarriers, guestFs, diskCache, diskFlush, hostBarriers, reorder)",
    ],
    [{ ...valid, extra: 1 }, "extra: unknown field (allowed: version, config, ops, crash)"],
    [{ ...valid, ops: "x" }, 'ops: expected a list of { at, kind }, got "x"'],
    [
      { ...valid, ops: [{ at: -1, kind: "osync" }] },
      "ops[0].at: expected a number of milliseconds from 0 to 1e12, got -1",
    ],
    [
      {
        ...valid,
        ops: [
          { at: 0, kind: "osync" },
          { at: "1", kind: "osync" },
        ],
      },
      'ops[1].at: expected a number of milliseconds from 0 to 1e12, got "1"',
    ],
    [
      { ...valid, ops: [{ at: 0, kind: "fsync" }] },
      'ops[0].kind: expected one of normal, osync, barrier, odirect, got "fsync"',
    ],
    [
      { ...valid, ops: [{ kind: "osync" }] },
      "ops[0].at: expected a number of milliseconds from 0 to 1e12, got nothing",
    ],
    [
      { ...valid, crash: { at: 1, kind: "meteor" } },
      'crash.kind: expected one of guest, qemu, host, power, got "meteor"',
    ],
    [
      { ...valid, crash: { at: Infinity, kind: "power" } },
      "crash.at: expected a number of milliseconds from 0 to 1e12, got Infinity",
    ],
  ])("names the field and the allowed values: %j", (doc, message) => {
    expect(errorOf(doc)).toBe(message);
  });

  it("rejects times past 1e12 ms, where microseconds would round away", () => {
    expect(errorOf({ ...valid, ops: [{ at: 1e20, kind: "normal" }] })).toBe(
      "ops[0].at: expected a number of milliseconds from 0 to 1e12, got 100000000000000000000",
    );
    expect(validateScenario({ ...valid, ops: [{ at: 1e12, kind: "normal" }] }).ok).toBe(true);
  });

  it("rejects NaN from JSON-like input and more than 100 000 ops", () => {
    expect(errorOf({ ...valid, ops: [{ at: NaN, kind: "normal" }] })).toMatch(/^ops\[0\]\.at: /);
    const ops = Array.from({ length: MAX_OPS + 1 }, () => ({ at: 0, kind: "normal" }));
    expect(errorOf({ ...valid, ops })).toBe("ops: at most 100000 operations, got 100001");
  });

  it("every error is one line", () => {
    expect(
      errorOf({ ...valid, config: { mode: "x".repeat(500), guestBarriers: true } }),
    ).not.toContain("\n");
  });
});

describe("the validator's words and edges", () => {
  it.each([
    [{ ...valid, version: 2 }, "version: expected 1, got 2"],
    [{ ...valid, version: true }, "version: expected 1, got true"],
    [{ ...valid, version: Symbol("v") }, "version: expected 1, got symbol"],
    [{ ...valid, ops: [5] }, "ops[0]: expected an object with at, kind, got 5"],
    [{ ...valid, crash: "power" }, 'crash: expected an object with at, kind, got "power"'],
  ])("%j: %s", (value, message) => {
    expect(errorOf(value)).toBe(message);
  });

  it("quotes the JSON parser's reason as one line of words", () => {
    const result = parseScenario("{\n");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(problemLine(result.problem)).toMatch(/^document: not valid JSON \(\S+ \S+.*\)$/);
  });

  it(`takes exactly ${String(MAX_OPS)} operations`, () => {
    const ops = Array.from({ length: MAX_OPS }, () => ({ at: 0, kind: "normal" }));
    expect(validateScenario({ ...valid, ops }).ok).toBe(true);
  });

  it("does not pass off another fault (here a hostile object's) as a bad field: it is thrown", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    );
    expect(() => validateScenario(hostile)).toThrow("boom");
  });
});
