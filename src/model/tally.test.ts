import { describe, expect, it } from "vitest";
import { run } from "./testing";
import { failureTally, promisedBy, tally } from "./tally";

describe("what a failure cost (docs/model.md §3, §4)", () => {
  // writeback without guest barriers: every call returns in a cache a power loss wipes.
  const setup = { mode: "writeback", barriers: false } as const;

  it.each([
    // [writes, failure instant, lost, of them returned, of them promised durable]
    ["a buffered write nobody synced", ["normal"], 10, [0], [0], []],
    ["an O_DIRECT write: its return promised nothing", ["odirect"], 10, [0], [0], []],
    ["an O_SYNC write that returned", ["osync"], 10, [0], [0], [0]],
    [
      "a buffered write covered by an fsync that returned",
      ["normal", "barrier"],
      10,
      [0],
      [0],
      [0],
    ],
  ] as const)("%s", (_name, kinds, atMs, lost, returned, promised) => {
    const timeline = run(setup, [...kinds], { kind: "power", atMs });
    expect(failureTally(timeline)).toEqual({ lost, returned, promised });
  });

  it("a barrier covers the writes issued before it or at the same instant, not after", () => {
    const timeline = run(setup, [
      { atMs: 0, kind: "normal" },
      { atMs: 1, kind: "barrier" },
      { atMs: 1, kind: "normal" },
      { atMs: 2, kind: "normal" },
    ]);
    const promised = promisedBy(timeline.ops, 100);
    expect(timeline.ops.map(promised)).toEqual([true, false, true, false]);
  });

  it("a call that returns at the very instant of the failure counts as returned (the tie rule)", () => {
    const calm = run(setup, ["osync"]);
    const ackedAt = calm.ops[0]?.ackedAtMs ?? NaN;
    expect(tally(calm.ops, [0], ackedAt)).toEqual({ lost: [0], returned: [0], promised: [0] });
    expect(tally(calm.ops, [0], ackedAt - 1e-6)).toEqual({ lost: [0], returned: [], promised: [] });
  });

  it("an fsync that had not returned promised nothing yet", () => {
    const calm = run({ mode: "writethrough", barriers: true }, ["normal", "barrier"]);
    const barrierReturns = calm.ops[1]?.ackedAtMs ?? NaN;
    expect(tally(calm.ops, [0], barrierReturns - 1e-6).promised).toEqual([]);
    expect(tally(calm.ops, [0], barrierReturns).promised).toEqual([0]);
  });

  it("counts nothing without a failure, and never a barrier", () => {
    expect(failureTally(run(setup, ["osync"]))).toEqual({ lost: [], returned: [], promised: [] });
    const calm = run(setup, ["normal", "barrier"]);
    expect(tally(calm.ops, [0, 1], 1e9).lost).toEqual([0]);
  });
});
