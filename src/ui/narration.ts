/**
 * The caption: what a configuration means, in one or two plain sentences — the article's claims
 * in our words, with the subtleties of docs/model.md §6.
 */
import type { SessionConfig } from "../store/session";

type Barriers = "on" | "off";

/** Where `none`'s gray arrow ends, by disk cache. */
const GRAY_END: Readonly<Record<SessionConfig["diskCache"], string>> = {
  volatile: "in the disk's own write cache (gray) — “none” is not “no cache”",
  off: "on the platters (gray), since the disk's write cache is off",
  battery: "in the disk's battery-backed write cache (gray), which survives a power cut",
};

function modeText(config: SessionConfig, barriers: Barriers): string {
  // Blue ends on stable storage: the platters, or a battery-backed cache that counts as such.
  const stable =
    config.diskCache === "battery"
      ? "stable storage (the battery-backed disk cache)"
      : "the platters";
  switch (config.mode) {
    case "writeback":
      return barriers === "on"
        ? "writeback: writes are acknowledged once they reach the host page cache (red), and every flush the guest sends becomes fdatasync (green), so what the guest syncs is on stable storage when fsync returns."
        : "writeback with a guest that sends no barriers: even O_SYNC writes stop in the host page cache (red), so a host crash or power cut can lose the last 30–35 s of “synced” data.";
    case "none":
      return barriers === "on"
        ? `none bypasses the host page cache: writes are acknowledged ${GRAY_END[config.diskCache]}, and the guest's flushes make them durable (green).`
        : `none with a guest that sends no barriers: writes are acknowledged ${GRAY_END[config.diskCache]} — the same exposure as bare metal with that disk.`;
    case "writethrough":
      return barriers === "on"
        ? `writethrough: every write reaches ${stable} before it returns (blue), keeping a clean copy in the host page cache; the guest sees no write cache and sends no flushes. Fully safe; the slowest for buffered write-back, since every write-out waits for the disk.`
        : `writethrough: every write reaches ${stable} before it returns (blue), whatever the guest does — the only mode fully safe for a guest without barriers, and the slowest: every write waits for the disk.`;
    case "directsync":
      return barriers === "on"
        ? `directsync: like writethrough, every write reaches ${stable} before it returns (blue), without a copy in the host page cache; the guest sees no write cache and sends no flushes.`
        : `directsync: like writethrough, every write reaches ${stable} before it returns (blue), without a copy in the host page cache — as safe as writethrough for a guest without barriers.`;
    case "unsafe":
      return barriers === "on"
        ? "unsafe: writes stop in the host page cache (red) and QEMU acknowledges the guest's flushes without doing them (green refused): data survives a guest crash, and a QEMU kill, but not a host crash or a power cut."
        : "unsafe: writes stop in the host page cache (red) and flushes would be ignored anyway: data survives a guest crash and a QEMU kill, but not a host crash or a power cut.";
  }
}

/** The disk's cache, where the mode's sentence has not already said it. */
function diskText(config: SessionConfig): string {
  if (config.mode === "none" || config.diskCache === "volatile") return "";
  return config.diskCache === "off"
    ? " The disk's write cache is off: whatever reaches the disk goes straight to the platters."
    : " The disk's write cache is battery-backed: what reaches it survives a power cut.";
}

const BUFFERED =
  " Buffered writes that were never synced are unsafe in every mode: they wait in guest RAM first.";

export function caption(config: SessionConfig): string {
  return `${modeText(config, config.guestBarriers ? "on" : "off")}${diskText(config)}${BUFFERED}`;
}
