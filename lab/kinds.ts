/**
 * The four write kinds the guest performs (docs/model.md §3) and how each maps onto the model's
 * operations. The letter is how lab/guest/labguest.c names the kind in its console markers.
 */
import type { OpKind } from "../src/model/timeline";

export const WRITE_KINDS = [
  // write() then fdatasync(): the model's normal write followed by a barrier
  { id: "fsync", letter: "f", label: "buffered + fdatasync", ops: ["normal", "barrier"] },
  { id: "osync", letter: "s", label: "O_SYNC", ops: ["osync"] },
  { id: "odirect", letter: "d", label: "O_DIRECT", ops: ["odirect"] },
  { id: "buffered", letter: "b", label: "plain buffered", ops: ["normal"] },
] as const satisfies readonly {
  id: string;
  letter: string;
  label: string;
  ops: readonly OpKind[];
}[];

export type WriteKind = (typeof WRITE_KINDS)[number]["id"];

/**
 * The host calls a guest call waits for before it returns: none (it returns from the guest page
 * cache), QEMU's write to the image, or that write followed by an fdatasync on the image.
 */
export const HOST_CALLS = ["none", "pwrite", "pwrite+fdatasync", "fdatasync"] as const;
export type HostCalls = (typeof HOST_CALLS)[number];
