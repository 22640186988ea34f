/** docs/model.md §5 and §8.3: the flusher's and the journal's shared 5 s clock, from t = 0. */
import { describe, expect, it } from "vitest";
import { makeConfig } from "../config";
import { markJournalDirty, scheduleWriteback, tickAtOrAfter } from "./journal";
import { createRun, newBlock } from "./run";

const fresh = () =>
  createRun(makeConfig({ cache: "writeback", guestBarriers: true }), [], Infinity);

describe("the writeback clock", () => {
  it.each([
    [0, 0],
    [0.001, 5_000],
    [5_000, 5_000],
    [30_000.5, 35_000],
  ])("the first 5 s tick at or after %s ms is %s ms", (tMs, tick) => {
    expect(tickAtOrAfter(tMs, 5_000)).toBe(tick);
  });

  it.each([
    [0, 30_000],
    [1, 35_000],
    [5_000, 35_000],
  ])("a page dirtied at %s ms is written back at %s ms (30 s expiry)", (tMs, due) => {
    const run = fresh();
    scheduleWriteback(run, newBlock(0, 0, "guest-page-cache", false), "guest-writeback", tMs);
    expect(run.queue.pop()?.tMs).toBe(due);
  });
});

describe("the journal", () => {
  it.each([
    [0, 5_000],
    [4_999, 5_000],
    [5_000, 10_000],
  ])("a change at %s ms makes a commit due at %s ms (the next tick strictly after)", (t, due) => {
    const run = fresh();
    markJournalDirty(run, t);
    expect(run.commitDueMs).toBe(due);
    expect(run.queue.length).toBe(1);
  });

  it("a change at the due commit's instant joins the transaction after it", () => {
    const run = fresh();
    markJournalDirty(run, 1_000);
    markJournalDirty(run, 4_000);
    expect(run.dirtyAfterCommit).toBe(false);
    markJournalDirty(run, 5_000);
    expect(run.dirtyAfterCommit).toBe(true);
    expect(run.queue.length).toBe(1);
  });
});
