/**
 * What a reader finds in a configuration: the disks, and sentences naming what was present but
 * not read, or not modelled by the diagram. Each of the three readers fills one Findings; the
 * entry (vmConfig.ts) turns it into the import's outcome.
 */
import { readable } from "../scenario/readable";
import type { Setting, VmDisk } from "./disks";
import { listOf } from "./sentences";

/** Properties of a disk the diagram does not model, said once for all the disks sharing one. */
type AsideKind = "format" | "aio" | "network" | "firmware";

interface Aside {
  readonly kind: AsideKind;
  readonly label: string;
  readonly names: string[];
}

export class Findings {
  readonly disks: VmDisk[] = [];
  private readonly skipped: string[] = [];
  private readonly asides = new Map<string, Aside>();

  /**
   * The disk with its setting, or, when `setting` is the sentence that leaves the disk out
   * (set aside, or a value not understood), that sentence. True when a disk was added, so that
   * its traits are noted only then.
   */
  disk(name: string, source: string | null, setting: Setting | string): boolean {
    if (typeof setting === "string") {
      this.skip(setting);
      return false;
    }
    this.disks.push({ name, source, ...setting });
    return true;
  }

  /** Something present that is not shown as a disk: a CD-ROM, a bad value, a section. */
  skip(sentence: string): void {
    this.skipped.push(sentence);
  }

  aside(kind: AsideKind, label: string, name: string): void {
    const key = `${kind} ${label}`;
    const known = this.asides.get(key);
    if (known === undefined) this.asides.set(key, { kind, label, names: [name] });
    else known.names.push(name);
  }

  sentences(): string[] {
    return [...this.skipped, ...Array.from(this.asides.values(), asideSentence)];
  }
}

/** Image formats other than raw that allocate space as the guest writes. */
export const ALLOCATING_FORMATS = new Set(["qcow2", "qcow", "qed", "vmdk", "vdi", "vhdx", "vpc"]);

/** QEMU's network protocols: a `protocol:` prefix on -drive file=, or a -blockdev driver. */
export const NETWORK_PROTOCOLS = new Set([
  "nbd",
  "rbd",
  "iscsi",
  "gluster",
  "ssh",
  "http",
  "https",
  "ftp",
  "ftps",
  "nfs",
]);

interface Traits {
  readonly format?: string | undefined;
  /** The I/O engine as the format spells it ("io='native'", "aio=io_uring"), unless threads. */
  readonly aio?: string | undefined;
  readonly network?: string | undefined;
}

export function noteTraits(found: Findings, name: string, traits: Traits): void {
  if (traits.format !== undefined && ALLOCATING_FORMATS.has(traits.format)) {
    found.aside("format", traits.format, name);
  }
  if (traits.aio !== undefined) found.aside("aio", traits.aio, name);
  if (traits.network !== undefined) found.aside("network", traits.network, name);
}

/** docs/model.md §8.9: the model assumes aio=threads, QEMU's default. */
export function aioTrait(spelling: "io" | "aio", value: string | undefined): string | undefined {
  if (value === undefined || value === "threads") return undefined;
  return spelling === "io" ? `io='${value}'` : `aio=${value}`;
}

function asideSentence({ kind, label, names }: Aside): string {
  const list = listOf(names.map((name) => readable(name)));
  const many = names.length > 1;
  const shown = readable(label);
  switch (kind) {
    case "format":
      return (
        `${list} ${many ? `are ${shown} images` : `is a ${shown} image`}, and the diagram assumes a ` +
        "raw image written in full at creation: until the guest's next flush, a write that " +
        "allocates space can be lost to a QEMU kill or a host failure even where the diagram " +
        'shows it safe (docs/model.md §4, "The image format").'
      );
    case "aio":
      return (
        `${shown} on ${list} is not modelled: the diagram assumes aio=threads; the two differ ` +
        "only under directsync on a host without barriers, with QEMU 10.0 or later " +
        "(docs/model.md §8.9)."
      );
    case "network":
      return (
        `${list} ${many ? "are" : "is"} on network storage (${shown}): the diagram draws an image ` +
        "file on a local drive, and the storage's own caching is not modelled."
      );
    case "firmware":
      return `${list} ${many ? "are" : "is"} firmware flash (${shown}), not ${many ? "guest disks" : "a guest disk"}.`;
  }
}
