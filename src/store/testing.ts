/** Builders shared by the tests of the store and the UI: every configuration, and its name. */
import { CACHE_MODES, DISK_CACHES, GUEST_FILESYSTEMS } from "../model/config";
import type { SessionConfig } from "../scenario/session";

/** Every mode × guest barriers × disk cache × guest filesystem (60 configurations), no faults. */
export const EVERY_CONFIG: readonly SessionConfig[] = CACHE_MODES.flatMap((mode) =>
  [true, false].flatMap((guestBarriers) =>
    DISK_CACHES.flatMap((diskCache) =>
      GUEST_FILESYSTEMS.map((guestFs) => ({
        mode,
        guestBarriers,
        guestFs,
        diskCache,
        diskFlush: "honoured" as const,
        hostBarriers: true,
        reorder: false,
      })),
    ),
  ),
);

/** "writeback, barriers on, disk volatile, ext4": a test case's name. */
export function configLabel(c: SessionConfig): string {
  return `${c.mode}, barriers ${c.guestBarriers ? "on" : "off"}, disk ${c.diskCache}, ${c.guestFs}`;
}
