/**
 * The ledger's words for a barrier whose flush never left the guest: what the data it covers
 * waits for depends on where the mode left it (docs/model.md §3; issue 18, item 10).
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../model/simulate";
import { DEFAULT_CONFIG, modelConfig, type SessionConfig } from "../scenario/session";
import { ledgerCells } from "./ledger";

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
  return ledgerCells(barrier, 50, null).durable;
}

describe("ledger: a barrier without guest barriers", () => {
  it("under none, the data stays in the drive's cache, not waiting for writeback", () => {
    expect(barrierDurable({ mode: "none" })).toBe(
      "not by this barrier: the guest sent no flush (the data stays in the drive's cache until the drive writes it out)",
    );
    expect(barrierDurable({ mode: "none", diskCache: "off" })).toBe(
      "not by this barrier: the guest sent no flush (no flush was needed: the data was on stable storage already)",
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
