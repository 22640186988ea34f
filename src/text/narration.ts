/**
 * The caption: what a configuration means, in three plain sentences — where the virtual disk's
 * writes are acknowledged, what that means for synced data, and what becomes of buffered data —
 * each true to docs/model.md (§2, §3, §4, §6). The one duration it quotes comes from the model
 * (./verdict.ts), labelled as Linux's defaults.
 */
import { effectiveFault } from "../model/rules";
import type { DiskCache, GuestFs } from "../model/config";
import { modelConfig, type SessionConfig } from "../scenario/session";
import { about } from "./format";
import { legacyGuestFallback, verdict } from "./verdict";

/** Where a write that must be on stable storage ends up, with this drive (§8.11). */
const STABLE: Readonly<Record<DiskCache, string>> = {
  volatile: "on the platters",
  off: "on the platters (the drive's write cache is off)",
  battery: "in the drive's battery-backed cache (stable storage)",
};

/** Where `none`'s gray arrow ends, by disk cache (§6.1). */
const GRAY_END: Readonly<Record<DiskCache, string>> = {
  volatile: "in the drive's volatile write cache (gray) — “none” is not “no cache” —",
  off: "on the platters (gray), since the drive's write cache is off,",
  battery: "in the drive's battery-backed write cache (gray), which survives a power cut,",
};

/** Why this guest sends flushes (§3: ext4 by default, ext3 only with barrier=1). */
const SENDS_FLUSHES: Readonly<Record<GuestFs, string>> = {
  ext3: "ext3 mounted barrier=1 sends these flushes",
  ext4: "ext4 sends these flushes by default",
};

const USES_BARRIERS: Readonly<Record<GuestFs, string>> = {
  ext3: "ext3 mounted barrier=1",
  ext4: "ext4's default",
};

/** Why this guest sends none (§3). */
const NO_BARRIERS: Readonly<Record<GuestFs, string>> = {
  ext3: "ext3 as Debian 6 shipped it has none unless mounted barrier=1",
  ext4: "ext4 mounted barrier=0 or nobarrier",
};

/** A drive cache that is off or protected does not help data still in host RAM. */
const NO_HELP: Readonly<Record<DiskCache, string>> = {
  volatile: "",
  off: ", even with the drive's write cache off",
  battery: ", even with a battery-backed drive cache",
};

/** `none` keeps writethrough's promise on a drive whose cache is off or protected (model.md, item 1). */
const NONE_TOO: Readonly<Record<DiskCache, string>> = {
  volatile: " and under none on a drive whose cache is off or battery-backed",
  off: " and, with this drive's cache off, under none",
  battery: " and, with this battery-backed drive cache, under none",
};

/**
 * writethrough's cost beside none: with a volatile drive cache none acknowledges in that cache
 * (0.13 ms in the model) while writethrough waits for the platters (14 ms, §5). With the cache off
 * none waits for the platters too, and with a battery-backed one both acknowledge at 0.13 ms: no
 * price to name.
 */
const PRICE: Readonly<Record<DiskCache, string>> = {
  volatile: "; the price is speed, since every write-out waits for the platters",
  off: "",
  battery: "",
};

/**
 * The same cost for a guest with barriers: the article measured writethrough far slower than
 * writeback and none on its laptop drive, whose cache is volatile. With the cache off none's
 * write-outs wait for the platters too, and with a battery-backed cache every mode's wait ends in
 * that cache (0.13 ms in the model), so the article's contrast does not carry over.
 */
const PRICE_WITH_BARRIERS: Readonly<Record<DiskCache, string>> = {
  volatile:
    ", but every write-out waits for the disk, which made it far slower than writeback and none in the article's tests",
  off: ", but every write-out waits for the platters, as under none with this drive's cache off",
  battery: "",
};

/** Buffered data, in every mode (§3 "normal write()", §6.3, §6.11, §8.4). */
const BUFFERED: Readonly<Record<GuestFs, string>> = {
  ext3: "In every mode, writethrough included, a buffered write() returns once it is in guest RAM and is lost with it until the guest syncs it or ext3 (data=ordered) writes it out at the next 5 s journal commit.",
  ext4: "In every mode, writethrough included, a buffered write() returns once it is in guest RAM and is lost with it until the guest syncs it or the flusher writes it out, 30–35 s after it was dirtied (ext4's delayed allocation).",
};

const FLUSH_PASSED =
  "each guest flush becomes an fdatasync on the image (green) that puts every write the virtual disk had completed before the flush";

const SYNCED_SURVIVES = "O_SYNC writes and fsync'd data survive a power cut once the call returns";

function modeText(config: SessionConfig): string {
  const { mode, guestBarriers: barriers, guestFs: fs, diskCache: disk } = config;
  const window = `up to ${about(verdict(config).syncedWindowMs)} with Linux's default timers`;
  switch (mode) {
    case "writeback":
      return barriers
        ? `writeback: the virtual disk's writes are acknowledged once they reach the host page cache (red), and ${FLUSH_PASSED} ${STABLE[disk]}. Since ${SENDS_FLUSHES[fs]}, ${SYNCED_SURVIVES}.`
        : `writeback: the virtual disk's writes are acknowledged once they reach the host page cache (red), and this guest sends no flushes (${NO_BARRIERS[fs]}), so even O_SYNC and fsync'd data waits there for ${window}. A host crash or power cut in that window loses it${NO_HELP[disk]} and, since host writeback picks its own order, can leave the guest filesystem inconsistent.`;
    case "none":
      if (barriers)
        return `none: QEMU bypasses the host page cache, so the virtual disk's writes are acknowledged ${GRAY_END[disk]} and ${FLUSH_PASSED} ${disk === "volatile" ? STABLE[disk] : "on stable storage"}. Since ${SENDS_FLUSHES[fs]}, ${SYNCED_SURVIVES}.`;
      return disk === "volatile"
        ? `none: QEMU bypasses the host page cache, so the virtual disk's writes are acknowledged ${GRAY_END[disk]} and this guest sends no flushes (${NO_BARRIERS[fs]}). That is bare metal's exposure with this drive: synced data can be lost on a power cut while it sits in the drive's volatile cache, and the drive's own write order can leave the filesystem inconsistent, so it is unsafe for a database unless the drive's cache is turned off or battery-backed.`
        : `none: QEMU bypasses the host page cache, so the virtual disk's writes are acknowledged ${GRAY_END[disk]} and this guest sends no flushes (${NO_BARRIERS[fs]}). It needs none: as under writethrough and directsync, what the virtual disk acknowledges is already on stable storage, so ${SYNCED_SURVIVES}.`;
    case "writethrough":
      return barriers
        ? `writethrough: each write to the virtual disk passes through the host page cache (blue), leaving a clean copy there, and completes only once it is ${STABLE[disk]}; the guest sees no write cache, so it sends no flushes. ${SYNCED_SURVIVES}, as they would under writeback or none with this guest's barriers (${USES_BARRIERS[fs]})${PRICE_WITH_BARRIERS[disk]}.`
        : `writethrough: each write to the virtual disk passes through the host page cache (blue), leaving a clean copy there, and completes only once it is ${STABLE[disk]}; the guest sees no write cache, so it needs no flushes. ${SYNCED_SURVIVES}, although this guest has no barriers (${NO_BARRIERS[fs]}), as under directsync${NONE_TOO[disk]}${PRICE[disk]}.`;
    case "directsync":
      return barriers
        ? `directsync: each write to the virtual disk bypasses the host page cache (blue) and, as under writethrough, completes only once it is ${STABLE[disk]}; the guest sees no write cache, so it sends no flushes. ${SYNCED_SURVIVES}, as they would under writeback or none with this guest's barriers (${USES_BARRIERS[fs]}).`
        : `directsync: each write to the virtual disk bypasses the host page cache (blue) and, as under writethrough, completes only once it is ${STABLE[disk]}; the guest sees no write cache, so it needs no flushes. ${SYNCED_SURVIVES}, although this guest has no barriers (${NO_BARRIERS[fs]}), as under writethrough${NONE_TOO[disk]}.`;
    case "unsafe": {
      const fate = `What QEMU acknowledged survives a guest crash, and a QEMU kill with a raw image, but a host crash or power cut loses whatever is not yet on stable storage${disk === "volatile" ? " (the host page cache, and on a power cut the drive's volatile cache too" : " (the host page cache"}: ${window}${NO_HELP[disk]}) and can leave the guest filesystem inconsistent.`;
      return barriers
        ? `unsafe: the virtual disk's writes are acknowledged once they reach the host page cache (red), and on each guest flush QEMU hands its own caches to the host but skips the fdatasync (green refused). ${fate}`
        : `unsafe: the virtual disk's writes are acknowledged once they reach the host page cache (red); this guest sends no flushes (${NO_BARRIERS[fs]}), and QEMU would skip their fdatasync anyway. ${fate}`;
    }
  }
}

/**
 * The ✔ of writethrough and directsync for a guest without barriers assumes it reads the cache
 * mode; a virtio driver without CONFIG_WCE (Debian 6's 2.6.32) gets the fallback mode's exposure
 * on machine types newer than 4.2 (docs/model.md §2; the verdict says it in full).
 */
function legacyCaveat(config: SessionConfig, text: string): string {
  const fallback = legacyGuestFallback(config);
  if (fallback === null || fallback.verdict.synced === "safe") return text;
  // It names what it withdraws (synced writes' safety): a bare "except" after the ✔ sentence's
  // last clause (writethrough's price, or none's drive cache) would qualify that clause instead.
  return `${text.slice(0, -1)}; on a virtio disk whose guest driver knows FLUSH but not CONFIG_WCE (such as Debian 6's 2.6.32), though, synced writes are not safe: on machine types newer than pc-*-4.2 QEMU turns its write cache on, so ${config.mode} behaves as ${fallback.mode}.`;
}

/** Why QEMU's flushes leave the drive's volatile cache full (docs/model.md §4). */
const FAULT_CAUSE: Readonly<Record<"no-host-barriers" | "ignored-by-drive", string>> = {
  "no-host-barriers":
    "the host filesystem holding the image is mounted without barriers, so QEMU's writes and its fdatasync leave the data in the drive's volatile cache and no flush is sent to the drive",
  "ignored-by-drive":
    "this drive ignores cache flushes: it reports them done and keeps the data in its volatile cache",
};

/**
 * The mode's text under a fault that matters (docs/model.md §4, §8.9): what the arrow is meant to
 * do, and where it ends instead. The sound texts above would promise stable storage.
 */
function faultText(config: SessionConfig, fault: keyof typeof FAULT_CAUSE): string {
  const lost = `O_SYNC writes and fsync'd data can be lost to a power cut after the call returns, until the drive destages them (${about(verdict(config).syncedWindowMs)} in the model, an estimate)`;
  switch (config.mode) {
    case "writeback":
      return `writeback: the virtual disk's writes are acknowledged once they reach the host page cache (red), and each guest flush becomes an fdatasync on the image (green) meant to put them on the platters. But ${FAULT_CAUSE[fault]}: the green flush ends there, like gray, so ${lost}.`;
    case "none":
      return `none: QEMU bypasses the host page cache, so the virtual disk's writes are acknowledged in the drive's volatile write cache (gray), and each guest flush (green) is meant to put them on the platters. But ${FAULT_CAUSE[fault]}: the green flush ends there too, so ${lost}.`;
    case "writethrough":
    case "directsync":
      return `${config.mode}: each write to the virtual disk ${config.mode === "writethrough" ? "passes through" : "bypasses"} the host page cache (blue) and is meant to complete only once it is on the platters. But ${FAULT_CAUSE[fault]}: the blue arrow ends there, like gray, so a write returns once it is in the drive's cache, and ${lost}.`;
    case "unsafe":
      // QEMU sends nothing down under unsafe: effectiveFault() is never set here.
      return modeText(config);
  }
}

/** Three sentences: the mode's arrow, what it means for synced data, and buffered data. */
export function caption(config: SessionConfig): string {
  const fault = effectiveFault(modelConfig(config));
  const text = fault ? faultText(config, fault) : legacyCaveat(config, modeText(config));
  return `${text} ${BUFFERED[config.guestFs]}`;
}
