/**
 * The words of the page, in one place: names of kinds, layers and failures. The sentence for each
 * event is made from them in ./sentences.ts.
 */
import type { FailureKind, LayerId, OpKind } from "../model/timeline";

export const KIND_NAME: Readonly<Record<OpKind, string>> = {
  normal: "Normal write",
  osync: "O_SYNC write",
  barrier: "Barrier",
  odirect: "O_DIRECT write",
};

export const LAYER_NAME: Readonly<Record<LayerId, string>> = {
  "guest-app": "the guest application",
  "guest-page-cache": "the guest page cache",
  "virtual-disk": "the virtual disk",
  "host-page-cache": "the host page cache",
  "disk-cache": "the disk write cache",
  platters: "the platters",
};

/** "in the host page cache", "on the platters". */
export function inLayer(layer: LayerId): string {
  return `${layer === "platters" ? "on" : "in"} ${LAYER_NAME[layer]}`;
}

export const FAILURE_NAME: Readonly<Record<FailureKind, string>> = {
  power: "Power loss",
  host: "Host crash",
  qemu: "QEMU killed",
  guest: "Guest crash",
};

/** The failure as a past event: "After the power loss", "After QEMU was killed". */
export const AFTER_FAILURE: Readonly<Record<FailureKind, string>> = {
  power: "After the power loss",
  host: "After the host crash",
  qemu: "After QEMU was killed",
  guest: "After the guest crash",
};

/** "#2 O_SYNC write": the op's index, as the ledger and the scenario format number it. */
export function opLabel(index: number, kind: OpKind): string {
  return `#${String(index)} ${KIND_NAME[kind]}`;
}

/**
 * Why the toolbar's buttons are off, said on the buttons themselves: before any write a failure
 * has nothing to strike; past a failure the world has stopped (a second strike moves it, so
 * scrubbing back before it brings the buttons back).
 */
export const BUTTON_OFF_WHY = {
  noWrites: "Issue a write first: a failure strikes the writes in flight.",
  struck: "The failure has struck: scrub back before it, or undo it, to go on.",
} as const;
