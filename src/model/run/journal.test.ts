/**
 * docs/model.md §5 and §8.3: the flusher's and the journal's shared 5 s clock, from t = 0; §8.16:
 * the commits an fsync or an O_SYNC write forces at once.
 */
import { describe, expect, it } from "vitest";
import { makeConfig } from "../config";
import { markJournalDirty, scheduleWriteback, tickAtOrAfter } from "./journal";
import { createRun, newBlock } from "./run";
import { simulate } from "../simulate";
import { opOf, run } from "../testing";
import type { Op } from "../timeline";

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
    scheduleWriteback(run, newBlock(0, 0, "guest-page-cache", null), "guest-writeback", tMs);
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

describe("fsync and O_SYNC commit the journal at once (docs/model.md §8.16)", () => {
  // A normal write fsync'd at 1 s, or an O_SYNC write at 1 s, under none with barriers: each is
  // in the drive's cache 0.131 ms after it is issued, and its sync commits right then.
  it.each([
    ["ext3", "barrier", 1_000.131, 1],
    ["ext4", "barrier", 1_000.131, 1],
    ["ext3", "osync", 1_000.131, 0],
    ["ext4", "osync", 1_000.131, 0],
  ] as const)(
    "%s, %s: a commit at %s ms, forced by op %s, and none at the 5 s tick",
    (fs, kind, atMs, op) => {
      const ops: Op[] =
        kind === "barrier"
          ? [
              { atMs: 1_000, kind: "normal" },
              { atMs: 1_000, kind: "barrier" },
            ]
          : [{ atMs: 1_000, kind: "osync" }];
      const timeline = run({ mode: "none", barriers: true, fs }, ops);
      expect(timeline.journalCommits.map((c) => [c.atMs, c.forcedBy])).toEqual([[atMs, op]]);
      const commit = timeline.journalCommits[0];
      // The call's flush is the commit's, and the call returns when it completes.
      expect(opOf(timeline, op).flush).toEqual(commit?.flush);
      expect(opOf(timeline, op).ackedAtMs).toBe(commit?.flush?.doneAtMs);
    },
  );

  it("an fsync with nothing left to commit only flushes (ext4_sync_file's blkdev_issue_flush)", () => {
    const timeline = run({ mode: "none", barriers: true }, [
      { atMs: 0, kind: "normal" },
      { atMs: 1_000, kind: "barrier" },
      { atMs: 2_000, kind: "barrier" },
    ]);
    expect(timeline.journalCommits.map((c) => c.atMs)).toEqual([1_000.13]);
    expect(opOf(timeline, 2).flush).toMatchObject({ outcome: "passed", issuedAtMs: 2_000 });
  });

  it("ext3: an O_SYNC write's commit first writes out the earlier buffered writes (data=ordered)", () => {
    const timeline = run({ mode: "none", barriers: true, fs: "ext3" }, [
      { atMs: 0, kind: "normal" },
      { atMs: 1_000, kind: "osync" },
    ]);
    expect(timeline.journalCommits[0]).toMatchObject({ atMs: 1_000.131, wroteOut: [0] });
    expect(opOf(timeline, 0).hops.find((h) => h.route === "guest-writeback")?.startMs).toBe(
      1_000.131,
    );
    // ext4 leaves the buffered write to its flusher: the commit has nothing of it to write.
    const ext4 = run({ mode: "none", barriers: true, fs: "ext4" }, [
      { atMs: 0, kind: "normal" },
      { atMs: 1_000, kind: "osync" },
    ]);
    expect(ext4.journalCommits[0]).toMatchObject({ atMs: 1_000.131, wroteOut: [] });
  });

  it("an O_DIRECT write the virtual disk completes after a tick is recorded by the next commit", () => {
    // writethrough: on the platters 14 ms after it reaches the drive, so done past the 5 s tick.
    const timeline = run({ mode: "writethrough", barriers: true }, [
      { atMs: 4_990, kind: "odirect" },
    ]);
    expect(opOf(timeline).ackedAtMs).toBeGreaterThan(5_000);
    expect(timeline.journalCommits.map((c) => c.atMs)).toEqual([5_000, 10_000]);
  });

  it("with reordering, an O_SYNC write returns once the virtual disk has its commit block too", () => {
    const config = makeConfig({ cache: "writethrough", guestBarriers: true, reorder: true });
    const timeline = simulate({ config, ops: [{ atMs: 0, kind: "osync" }] });
    const block = timeline.journalCommits[0]?.block;
    // writethrough: the data and then the commit block each take a platter write.
    expect(opOf(timeline).ackedAtMs).toBe(block?.hops.at(-1)?.endMs);
    expect(opOf(timeline).ackedAtMs).toBeGreaterThan(2 * 14);
    expect(opOf(timeline).ackedAtMs).toBeLessThan(2 * 14 + 1);
  });
});
