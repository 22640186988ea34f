/** Small readers shared by the import's tests: what a reader found, in the shape a test compares. */
import type { CacheMode } from "../model/config";
import type { VmDisk } from "./disks";
import type { Findings } from "./findings";

/** name, mode, explicit: what the user reads first. */
export type Summary = [string, CacheMode, boolean];

export function summary(disks: readonly VmDisk[]): Summary[] {
  return disks.map((disk) => [disk.name, disk.mode, disk.explicit]);
}

/** The findings of a reader, which may refuse the text outright (the XML tokenizer does). */
export function findings(result: Findings | string): Findings {
  if (typeof result === "string") throw new Error(`expected findings, got: ${result}`);
  return result;
}

/** The disks' summaries and the sentences of `unread`, to compare in one assertion. */
export function outline(result: Findings | string): { disks: Summary[]; unread: string[] } {
  const found = findings(result);
  return { disks: summary(found.disks), unread: found.sentences() };
}

/** The one disk found, with the other sentences in the error when there is not exactly one. */
export function onlyDisk(result: Findings | string): VmDisk {
  const found = findings(result);
  const [disk, ...others] = found.disks;
  if (disk === undefined || others.length > 0) {
    const unread = found.sentences().join(" ");
    throw new Error(`expected one disk, found ${String(found.disks.length)}. ${unread}`);
  }
  return disk;
}

/** The one sentence of a configuration whose only disk was left out, failing when it was read. */
export function leftOut(result: Findings | string): string {
  const { disks, unread } = outline(result);
  const [sentence, ...others] = unread;
  if (disks.length > 0 || sentence === undefined || others.length > 0) {
    throw new Error(`expected one disk left out, found ${JSON.stringify({ disks, unread })}`);
  }
  return sentence;
}
