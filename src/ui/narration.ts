/**
 * The caption: what the current configuration means, in one or two plain sentences — the
 * article's claims in our words, with the subtleties of domain.md §6.
 */
import type { SessionConfig } from "../store/session";

const MODE_TEXT: Readonly<Record<SessionConfig["mode"], { on: string; off: string }>> = {
  writeback: {
    on: "writeback: writes are acknowledged once they reach the host page cache (red), and every flush the guest sends becomes fdatasync (green), so what the guest syncs is on the platters when fsync returns.",
    off: "writeback with a guest that sends no barriers: even O_SYNC writes stop in the host page cache (red), so a host crash or power cut can lose up to ~30 s of “synced” data.",
  },
  none: {
    on: "none bypasses the host page cache: writes are acknowledged in the disk's own write cache (gray) — “none” is not “no cache” — and the guest's flushes push them to the platters (green).",
    off: "none with a guest that sends no barriers: writes stop in the disk's volatile write cache (gray) — the same exposure as bare metal with the disk cache on.",
  },
  writethrough: {
    on: "writethrough: every write reaches the platters before it returns (blue), so the guest sees no write cache and sends no flushes. Fully safe, and the slowest.",
    off: "writethrough: every write reaches the platters before it returns (blue), whatever the guest does — the only mode that is fully safe for a guest without barriers, and the slowest.",
  },
  directsync: {
    on: "directsync: like writethrough, every write reaches the platters before it returns (blue), without keeping a copy in the host page cache; the guest sees no write cache and sends no flushes.",
    off: "directsync: like writethrough, every write reaches the platters before it returns (blue), without keeping a copy in the host page cache — as safe as writethrough for a guest without barriers.",
  },
  unsafe: {
    on: "unsafe: writes stop in the host page cache (red) and QEMU acknowledges the guest's flushes without doing them (green refused): data survives a guest or QEMU crash, not a host crash or power cut.",
    off: "unsafe: writes stop in the host page cache (red) and flushes would be ignored anyway: data survives a guest or QEMU crash, not a host crash or power cut.",
  },
};

const DISK_TEXT: Readonly<Record<SessionConfig["diskCache"], string>> = {
  volatile: "",
  off: " The disk's write cache is off: whatever reaches the disk goes straight to the platters.",
  battery: " The disk's write cache is battery-backed: what reaches it survives a power cut.",
};

const BUFFERED =
  " Buffered writes that were never synced are unsafe in every mode: they wait in guest RAM first.";

export function caption(config: SessionConfig): string {
  const mode = MODE_TEXT[config.mode][config.guestBarriers ? "on" : "off"];
  return `${mode}${DISK_TEXT[config.diskCache]}${BUFFERED}`;
}
