/**
 * The ledger's words. A lost write's verdict says what its return had promised
 * (src/model/tally.ts), not what kind of write it was (issue 18, item 3); writes are numbered from
 * 1 (issue 17, item 8). A barrier whose flush never left the guest: what the data it covers waits
 * for depends on where the mode left it (docs/model.md §3; issue 18, item 10).
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../model/simulate";
import { run } from "../model/testing";
import type { Crash, OpKind, Timeline } from "../model/timeline";
import { DEFAULT_CONFIG, modelConfig, type SessionConfig } from "../scenario/session";
import { ledgerRows } from "./ledger";

/** The failure column's words for every write of `timeline`, struck by `crash`. */
function survival(timeline: Timeline, crash: Crash): (string | null)[] {
  const cells = ledgerRows(timeline.ops, crash.atMs, crash, timeline.config.diskCache);
  return timeline.ops.map((op) => cells(op).survival);
}

describe("the ledger after a failure", () => {
  // writeback without guest barriers: every call returns in a cache a power loss wipes.
  const setup = { mode: "writeback", barriers: false } as const;
  const power = { kind: "power", atMs: 10 } as const;
  const struck = (kinds: OpKind[]) => survival(run(setup, kinds, power), power);

  it("a lost buffered write an fsync had covered reads as a broken promise", () => {
    expect(struck(["normal", "barrier"])[0]).toBe(
      "✘ lost, though promised durable (an fsync covering it had returned)",
    );
  });

  it("a lost O_DIRECT write nobody synced had returned, and was promised nothing", () => {
    const [odirect] = struck(["odirect"]);
    expect(odirect).toMatch(/^✘ lost; its call had returned, but it was not promised durable/);
    expect(odirect).not.toContain("though");
  });

  it("a lost buffered write nobody synced: the same words as any other unpromised write", () => {
    expect(struck(["normal"])).toEqual(struck(["odirect"]));
  });

  it("a lost O_SYNC write that returned was promised durable by its own call", () => {
    expect(struck(["osync"])[0]).toBe(
      "✘ lost, though promised durable (its O_SYNC call had returned)",
    );
  });

  it("a failure at the very instant a call returns counts as after the return (the tie rule)", () => {
    const ackedAt = run(setup, ["osync"]).ops[0]?.ackedAtMs ?? NaN;
    const at = (atMs: number) => {
      const crash = { kind: "power", atMs } as const;
      return survival(run(setup, ["osync"], crash), crash)[0];
    };
    expect(at(ackedAt)).toMatch(/^✘ lost, though promised durable/);
    expect(at(ackedAt / 2)).toBe("✘ lost before its call returned");
  });
});

describe("the ledger's numbers", () => {
  it("count from 1 for a reader, while the index stays 0-based underneath", () => {
    const timeline = run({ mode: "none", barriers: true }, ["osync", "normal"]);
    const cells = ledgerRows(timeline.ops, 0, null, timeline.config.diskCache);
    expect(timeline.ops.map((op) => [cells(op).index, cells(op).number])).toEqual([
      [0, "1"],
      [1, "2"],
    ]);
  });
});

function barrierDurable(config: Partial<SessionConfig>): string {
  const timeline = simulate({
    config: modelConfig({ ...DEFAULT_CONFIG, guestBarriers: false, ...config }),
    ops: [
      { atMs: 0, kind: "odirect" },
      { atMs: 10, kind: "barrier" },
    ],
  });
  const barrier = timeline.ops[1];
  if (barrier === undefined) throw new Error("no barrier");
  return ledgerRows(timeline.ops, 50, null, timeline.config.diskCache)(barrier).durable;
}

describe("ledger: a barrier without guest barriers", () => {
  it("under none, the data stays in the drive's cache, not waiting for writeback", () => {
    expect(barrierDurable({ mode: "none" })).toBe(
      "not by this barrier: the guest sent no flush (the data stays in the drive's cache until the drive writes it out)",
    );
    expect(barrierDurable({ mode: "none", diskCache: "off" })).toBe(
      "not by this barrier: the guest sent no flush (no flush was needed: the data was on stable storage already)",
    );
    // A battery-backed drive cache is stable storage (src/model/failure.ts): the data left there
    // is safe already, not only waiting (second review of issue 18).
    expect(barrierDurable({ mode: "none", diskCache: "battery" })).toBe(
      "not by this barrier: the guest sent no flush (no flush was needed: the drive's cache is battery-backed, so the data there is on stable storage already)",
    );
    // Review of issue 18: "none was needed" read as the cache mode's name under cache=none.
    expect(barrierDurable({ mode: "none", diskCache: "off" })).not.toMatch(/\bnone\b/);
  });

  it.each(["writeback", "unsafe"] as const)(
    "under %s, it waits for the host's writeback",
    (mode) => {
      expect(barrierDurable({ mode })).toBe(
        "not by this barrier: the guest sent no flush (the data waits for the host's writeback)",
      );
    },
  );
});
