/**
 * The verdict is the model's, in words: for every configuration its "safe/unsafe" is the safety
 * matrix's O_SYNC cell, its durations are the matrix's windows, and every duration is labelled as
 * an estimate or a Linux default (docs/model.md §3, §5).
 */
import { describe, expect, it } from "vitest";
import { matrixRow } from "../model/matrix";
import { DEFAULT_CONFIG, type SessionConfig } from "../scenario/session";
import { configLabel, EVERY_CONFIG } from "../store/testing";
import { about } from "./format";
import { verdict } from "./verdict";

const cases = EVERY_CONFIG.map((c) => [configLabel(c), c] as const);

const row = (c: SessionConfig, kind: "normal" | "osync" | "barrier") =>
  matrixRow(c.mode, c.guestBarriers, kind, { diskCache: c.diskCache, guestFs: c.guestFs });

describe("verdict, for every mode × barriers × disk cache × filesystem", () => {
  it.each(cases)("%s: synced is the matrix's O_SYNC cell (and its fsync cell)", (_, config) => {
    const v = verdict(config);
    const osync = row(config, "osync");
    expect(v.synced).toBe(osync.safeOnPowerLoss ? "safe" : "unsafe");
    expect(row(config, "barrier").safeOnPowerLoss).toBe(osync.safeOnPowerLoss);
  });

  it.each(cases)("%s: the windows are the matrix's", (_, config) => {
    const v = verdict(config);
    const osync = row(config, "osync");
    const normal = row(config, "normal");
    expect(v.bufferedWindowMs).toBeCloseTo(normal.durableAfterMs - normal.ackedAfterMs, 6);
    if (v.synced === "safe") expect(v.syncedWindowMs).toBe(0);
    else {
      expect(v.syncedWindowMs).toBeGreaterThanOrEqual(osync.durableAfterMs - osync.ackedAfterMs);
      expect(v.syncedWindowMs).toBeGreaterThan(0);
    }
  });

  it.each(cases)("%s: says it with ✔/✘ and words, and labels every duration", (_, config) => {
    const v = verdict(config);
    if (v.synced === "safe") {
      expect(v.syncedText).toMatch(
        /^✔ Writes promised durable \(O_SYNC, fsync\) survive a power cut/,
      );
      expect(v.databaseText).toBeNull();
      expect(v.syncedReason).toBeNull();
    } else {
      expect(v.syncedText).toMatch(/^✘ Writes promised durable \(O_SYNC, fsync\) can be lost/);
      // Seconds from Linux's timers, or the drive's destage delay, which is labelled an assumption.
      expect(v.syncedText).toMatch(
        /(for up to about \d+ s after the call returns \(Linux's default timers\)|no vendor says how long; the model assumes about [\d.]+ s\))\.$/,
      );
      expect(v.syncedReason).toMatch(
        /they wait in (the host page cache|the drive's volatile write cache)\.$/,
      );
      expect(v.databaseText).toMatch(/^Unsafe for a database/);
    }
    expect(v.bufferedText).toMatch(/^Buffered write\(\) data that nobody syncs is at risk/);
    expect(v.bufferedText).toMatch(
      /for up to about \d+ s here \(Linux's default timers, worst case\)/,
    );
    // Where syncing does not make it safe, it says what syncing does do (issue 18, item 4).
    expect(v.bufferedText).not.toContain("does not help");
    expect(v.bufferedText.includes(`cuts that to ${about(v.syncedWindowMs)}`)).toBe(
      v.synced === "unsafe",
    );
    expect(v.windowText).toContain("guest RAM");
    expect(v.windowText.startsWith(`${config.guestFs}:`)).toBe(true);
    for (const text of [
      v.syncedText,
      v.syncedReason ?? ".",
      v.bufferedText,
      v.windowText,
      v.databaseText ?? ".",
    ]) {
      expect(text).not.toMatch(/ {2}/);
      expect(text.endsWith("."), text).toBe(true);
    }
  });

  it.each(cases)("%s: a buffered write is never safe", (_, config) => {
    expect(row(config, "normal").safeOnPowerLoss).toBe(false);
    expect(verdict(config).bufferedWindowMs).toBeGreaterThan(1000);
  });
});

describe("verdict, spot checks", () => {
  const base: SessionConfig = {
    ...DEFAULT_CONFIG,
    mode: "writeback",
    guestBarriers: true,
    guestFs: "ext4",
    diskCache: "volatile",
  };

  it("writeback without barriers: synced data unsafe for ~35 s, unsafe for a database", () => {
    const v = verdict({ ...base, guestBarriers: false });
    expect(v.synced).toBe("unsafe");
    expect(v.syncedText).toContain("about 35 s after the call returns (Linux's default timers)");
    expect(v.syncedReason).toBe("The guest sends no flush, so they wait in the host page cache.");
    expect(v.databaseText).toContain("database");
    expect(v.databaseText).toContain("inconsistent");
  });

  it("writeback with barriers: synced data safe", () => {
    const v = verdict(base);
    expect(v.synced).toBe("safe");
    expect(v.databaseText).toBeNull();
  });

  it("unsafe with barriers: the flush is answered without fdatasync", () => {
    const v = verdict({ ...base, mode: "unsafe" });
    expect(v.synced).toBe("unsafe");
    expect(v.syncedReason).toContain("without calling fdatasync");
  });

  it("none without barriers: safe on a drive whose cache is off or battery-backed", () => {
    for (const diskCache of ["off", "battery"] as const) {
      const v = verdict({ ...base, mode: "none", guestBarriers: false, diskCache });
      expect(v.synced).toBe("safe");
      expect(v.databaseText).toBeNull();
    }
  });

  it("none without barriers on a volatile drive cache: unsafe, a short estimated window", () => {
    const v = verdict({ ...base, mode: "none", guestBarriers: false });
    expect(v.synced).toBe("unsafe");
    expect(v.syncedWindowMs).toBeLessThan(1000);
    expect(v.syncedText).toContain("no vendor says how long; the model assumes");
    expect(v.syncedReason).toContain("the drive's volatile write cache");
    expect(v.databaseText).toContain("database");
  });

  it("writethrough and directsync: synced data safe whatever the guest does", () => {
    for (const mode of ["writethrough", "directsync"] as const)
      for (const guestBarriers of [true, false])
        expect(verdict({ ...base, mode, guestBarriers }).synced).toBe("safe");
  });

  it.each(["none", "writethrough", "directsync"] as const)(
    "%s: buffered data waits about 5 s under ext3, about 35 s under ext4",
    (mode) => {
      for (const guestBarriers of [true, false]) {
        const ext3 = verdict({ ...base, mode, guestBarriers, guestFs: "ext3" });
        const ext4 = verdict({ ...base, mode, guestBarriers, guestFs: "ext4" });
        expect(ext3.bufferedWindowMs).toBeGreaterThanOrEqual(5000);
        expect(ext3.bufferedWindowMs).toBeLessThan(5500);
        expect(ext4.bufferedWindowMs).toBeGreaterThanOrEqual(35_000);
        expect(ext4.bufferedWindowMs).toBeLessThan(35_500);
        expect(ext3.bufferedText).toContain("up to about 5 s");
        expect(ext4.bufferedText).toContain("up to about 35 s");
        expect(ext3.windowText).toContain("next journal commit (every 5 s, data=ordered)");
        expect(ext4.windowText).toContain("30–35 s after it was dirtied");
      }
    },
  );

  it("writeback: buffered data then waits in the host page cache for a flush or the host's flusher", () => {
    const flushed = verdict({ ...base, guestFs: "ext4" });
    expect(flushed.bufferedText).toContain("up to about 40 s");
    expect(flushed.windowText).toContain("host page cache, until the next journal commit's flush");
    const unflushed = verdict({ ...base, guestBarriers: false, guestFs: "ext3" });
    expect(unflushed.bufferedText).toContain("up to about 40 s");
    expect(unflushed.windowText).toContain("host page cache, until the host's flusher");
    const ext3Flushed = verdict({ ...base, guestFs: "ext3" });
    expect(ext3Flushed.windowText).not.toContain("host page cache");
  });

  it("unsafe: syncing cuts the exposure, computed by the model (issue 18, item 4)", () => {
    const none = verdict({ ...base, mode: "none", guestBarriers: false, guestFs: "ext3" });
    expect(none.bufferedText).toContain("up to about 5 s");
    expect(none.bufferedText).toContain(
      "syncing it does not make it safe, but cuts that to about 0.1 s and moves it out of guest RAM",
    );
    const writeback = verdict({ ...base, guestBarriers: false, guestFs: "ext4" });
    expect(writeback.bufferedText).toContain("up to about 70 s");
    expect(writeback.bufferedText).toContain("cuts that to about 35 s");
  });

  // Issue 18, item 2: a virtio driver without CONFIG_WCE (Debian 6's 2.6.32) gets QEMU's write
  // cache back on machine types newer than 4.2 (docs/model.md §2).
  it("the Debian 6 guest under writethrough and directsync: the ✔ carries the CONFIG_WCE caveat", () => {
    const debian6 = { ...base, guestFs: "ext3", guestBarriers: false } as const;
    const wt = verdict({ ...debian6, mode: "writethrough" });
    expect(wt.synced).toBe("safe");
    expect(wt.legacyGuestText).toContain("CONFIG_WCE");
    expect(wt.legacyGuestText).toContain("Debian 6's 2.6.32");
    // Only a driver that accepts FLUSH turns the cache on; one without FLUSH keeps writethrough.
    expect(wt.legacyGuestText).toContain("guest driver knows FLUSH but not CONFIG_WCE");
    expect(wt.legacyGuestText).toContain("newer than pc-*-4.2");
    expect(wt.legacyGuestText).toContain(
      `writethrough behaves as writeback, and, since this guest sends no flushes, synced writes can be lost for up to ${about(verdict({ ...debian6, mode: "writeback" }).syncedWindowMs)}`,
    );
    const ds = verdict({ ...debian6, mode: "directsync" });
    expect(ds.legacyGuestText).toContain("directsync behaves as none");
    expect(verdict({ ...debian6, mode: "directsync", diskCache: "off" }).legacyGuestText).toContain(
      "still keeps synced writes safe",
    );
  });

  it("no CONFIG_WCE caveat where the verdict does not rest on the guest seeing no write cache", () => {
    for (const mode of ["writeback", "none", "unsafe"] as const)
      expect(verdict({ ...base, mode, guestBarriers: false }).legacyGuestText).toBeNull();
    // A guest with barriers flushes whatever it sees: writeback and none keep its synced data.
    for (const mode of ["writethrough", "directsync"] as const)
      expect(verdict({ ...base, mode, guestBarriers: true }).legacyGuestText).toBeNull();
  });

  it("tells qcow2 (a QEMU kill loses too) from a sparse raw file (host failures only)", () => {
    const image = verdict(base).assumptions[1] ?? "";
    expect(image).toMatch(/With qcow2[^;]*a QEMU kill or a host failure/);
    expect(image).toMatch(/sparse raw file[^.]*only a host crash or power cut can/);
  });

  // Issue 18, item 19: no source for Debian 6's ext3 data mode, so it is labelled an assumption.
  it("an ext3 guest: data=ordered is listed as assumed; an ext4 guest has no such line", () => {
    const ext3 = verdict({ ...base, guestFs: "ext3" }).assumptions.join("\n");
    expect(ext3).toContain("data=ordered mode, assumed for the article's Debian 6 guest");
    expect(ext3).toContain("CONFIG_EXT3_DEFAULTS_TO_ORDERED");
    expect(verdict(base).assumptions.join("\n")).not.toContain("data=ordered");
  });

  it("lists the assumptions every “safe” rests on", () => {
    const text = verdict(base).assumptions.join("\n");
    for (const needle of [
      "raw image fully written at creation",
      "qcow2",
      "every mode but writethrough and directsync",
      "nobarrier",
      "barrier=0",
      "honours flushes",
      "consumer drives",
      "RAID firmware",
      "30 s",
      "every 5 s",
      "Estimates",
      "CONFIG_WCE",
    ])
      expect(text).toContain(needle);
  });
});
