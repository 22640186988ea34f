/** What each failure destroys: docs/model.md §4, "What each failure destroys". */
import type { DiskCache } from "./config";
import type { FailureKind, LayerId } from "./timeline";

/**
 * The deepest layer each failure wipes, top down. Data still in the guest application's buffer
 * is guest RAM like the guest page cache. A request in flight in QEMU (`virtual-disk`) survives a
 * guest kernel crash because QEMU completes it, and dies with QEMU or the host.
 */
const WIPED: Readonly<Record<FailureKind, readonly LayerId[]>> = {
  guest: ["guest-app", "guest-page-cache"],
  qemu: ["guest-app", "guest-page-cache", "virtual-disk"],
  host: ["guest-app", "guest-page-cache", "virtual-disk", "host-page-cache"],
  power: ["guest-app", "guest-page-cache", "virtual-disk", "host-page-cache", "disk-cache"],
};

/**
 * Whether `failure` destroys data sitting in `layer`. A volatile disk write cache is lost only on
 * power loss (the drive stays powered through a host kernel crash); a battery-backed one, and
 * the platters, survive everything.
 */
export function wipes(failure: FailureKind, layer: LayerId, diskCache: DiskCache): boolean {
  if (layer === "disk-cache" && diskCache !== "volatile") return false;
  return WIPED[failure].includes(layer);
}

/**
 * Where stable storage begins: the platters, or a battery-backed disk cache (docs/model.md §4).
 * The one place that decides it: the simulation, the stage and the store all ask here.
 */
export function stableLayer(diskCache: DiskCache): "disk-cache" | "platters" {
  return diskCache === "battery" ? "disk-cache" : "platters";
}

/** Where data is safe from every failure: stable storage, or below it. */
export function isStable(layer: LayerId, diskCache: DiskCache): boolean {
  return layer === "platters" || layer === stableLayer(diskCache);
}
