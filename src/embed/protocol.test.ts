/**
 * The embed's message protocol: every command a host may send, read through the scenario
 * validator; anything else is refused with a reason, never thrown.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommand, toMessage } from "./protocol";

const type = (name: string) => `kvm-cache-diagram:${name}`;
const SCENARIO = {
  version: 1,
  config: { mode: "writeback", guestBarriers: false },
  ops: [{ at: 0, kind: "osync" }],
  crash: { at: 5, kind: "power" },
};

describe("parseCommand", () => {
  it.each([
    [{ type: type("play"), version: 1 }, { name: "play" }],
    [{ type: type("pause"), version: 1 }, { name: "pause" }],
    [{ type: type("measure"), version: 1 }, { name: "measure" }],
    [
      { type: type("seek"), version: 1, tMs: 12.5 },
      { name: "seek", tMs: 12.5 },
    ],
    [
      { type: type("issue"), version: 1, kind: "odirect" },
      { name: "issue", kind: "odirect" },
    ],
    [
      { type: type("fail"), version: 1, kind: "qemu" },
      { name: "fail", kind: "qemu" },
    ],
    [
      { type: type("load"), version: 1, scenario: SCENARIO },
      { name: "load", scenario: SCENARIO, tMs: 0 },
    ],
    [
      { type: type("load"), version: 1, scenario: SCENARIO, tMs: 3 },
      { name: "load", scenario: SCENARIO, tMs: 3 },
    ],
  ])("reads %j", (message, command) => {
    expect(parseCommand(message)).toEqual({ ok: true, command });
  });

  it.each([
    [null, "not an object"],
    [[], "not an object"],
    ["kvm-cache-diagram:play", "not an object"],
    [{ type: "play", version: 1 }, 'type: expected "kvm-cache-diagram:<command>"'],
    [{ type: type("format"), version: 1 }, 'type: unknown command "format"'],
    [{ type: type("play") }, "version: expected 1"],
    [{ type: type("play"), version: 2 }, "version: expected 1"],
    [{ type: type("play"), version: 1, kind: "x" }, "kind: unknown field"],
    [{ type: type("seek"), version: 1 }, "tMs: expected a number of milliseconds"],
    [{ type: type("seek"), version: 1, tMs: -1 }, "tMs: expected a number of milliseconds"],
    [{ type: type("seek"), version: 1, tMs: "5" }, "tMs: expected a number of milliseconds"],
    [{ type: type("issue"), version: 1, kind: "fsync" }, "kind: expected one of normal"],
    [{ type: type("fail"), version: 1, kind: "normal" }, "kind: expected one of guest"],
    [{ type: type("fail"), version: 1 }, "kind: expected one of guest"],
    [{ type: type("load"), version: 1 }, "scenario.document: expected an object"],
    [
      { type: type("load"), version: 1, scenario: { ...SCENARIO, config: { mode: "fast" } } },
      "scenario.config.mode: expected one of",
    ],
  ])("refuses %j with a reason", (message, reason) => {
    const parsed = parseCommand(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });

  it("never throws, and accepts only messages of its own namespace", () => {
    fc.assert(
      fc.property(fc.anything(), (message) => {
        const parsed = parseCommand(message);
        if (parsed.ok) {
          expect((message as { type: string }).type.startsWith("kvm-cache-diagram:")).toBe(true);
        } else {
          expect(parsed.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on near-miss commands", () => {
    const names = fc.constantFrom("load", "play", "pause", "seek", "issue", "fail", "x");
    fc.assert(
      fc.property(
        names,
        fc.dictionary(fc.constantFrom("tMs", "kind", "scenario", "version", "x"), fc.anything()),
        (name, fields) => {
          const parsed = parseCommand({ version: 1, ...fields, type: type(name) });
          expect(typeof parsed.ok).toBe("boolean");
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("toMessage", () => {
  it("namespaces and versions an event", () => {
    expect(toMessage({ name: "resize", height: 640 })).toEqual({
      type: "kvm-cache-diagram:resize",
      version: 1,
      height: 640,
    });
  });
});
