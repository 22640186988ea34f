/** Builders shared by the tests of the store and the UI: every configuration, and its name. */
import { CACHE_MODES, DISK_CACHES, GUEST_FILESYSTEMS } from "../model/config";
import { DEFAULT_CONFIG, type SessionConfig } from "../scenario/session";

/**
 * Every mode × guest barriers × disk cache × guest filesystem (60 configurations); every other
 * field (the faults) at its default.
 */
export const EVERY_CONFIG: readonly SessionConfig[] = CACHE_MODES.flatMap((mode) =>
  [true, false].flatMap((guestBarriers) =>
    DISK_CACHES.flatMap((diskCache) =>
      GUEST_FILESYSTEMS.map((guestFs) => ({
        ...DEFAULT_CONFIG,
        mode,
        guestBarriers,
        guestFs,
        diskCache,
      })),
    ),
  ),
);

/** "writeback, barriers on, disk volatile, ext4": a test case's name. */
export function configLabel(c: SessionConfig): string {
  return `${c.mode}, barriers ${c.guestBarriers ? "on" : "off"}, disk ${c.diskCache}, ${c.guestFs}`;
}
