import { describe, expect, it } from "vitest";
import { sweepCrashes } from "./sweep";
import { run } from "./testing";

describe("sweepCrashes", () => {
  it("counts the writes each instant's power loss would destroy", () => {
    // Two O_SYNC writes under writethrough: each is at risk only until it reaches the platters.
    const timeline = run({ mode: "writethrough", barriers: false }, [
      { atMs: 0, kind: "osync" },
      { atMs: 5, kind: "osync" },
    ]);
    const { instantsMs, lost } = sweepCrashes(timeline, "power");
    const at = (t: number) => lost[instantsMs.indexOf(t)];
    expect(at(0)).toBe(1);
    expect(at(5)).toBe(2);
    expect(lost.at(-1)).toBe(0);
  });

  it("a guest crash spares what has left the guest", () => {
    const timeline = run({ mode: "writeback", barriers: false }, [{ atMs: 0, kind: "odirect" }]);
    const { lost } = sweepCrashes(timeline, "guest");
    expect(Math.max(...lost)).toBe(1);
    expect(lost.at(-1)).toBe(0);
  });
});
