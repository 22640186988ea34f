/**
 * The page's names for the things of the model: kinds of write, layers, failures. One table per
 * thing, each entry carrying every form the page needs (a name, the same after "the", …), so a
 * second language is a second set of tables of the same types, not a second code path. Sentences
 * are built from these in the modules beside this one.
 */
import type { FailureKind, LayerId, OpKind } from "../model/timeline";
import { MAX_WRITES } from "../scenario/limit";

export const KIND_NAME: Readonly<Record<OpKind, string>> = {
  normal: "Normal write",
  osync: "O_SYNC write",
  barrier: "Barrier",
  odirect: "O_DIRECT write",
};

/** A layer (docs/model.md §1), as a label and inside a sentence. */
export interface LayerWords {
  /** "guest page cache": a table cell. */
  readonly label: string;
  /** "the guest page cache": inside a sentence. */
  readonly the: string;
  /** "in the guest page cache", "on the platters": where data is. */
  readonly in: string;
}

const layer = (label: string, where = "in"): LayerWords => ({
  label,
  the: `the ${label}`,
  in: `${where} the ${label}`,
});

export const LAYER: Readonly<Record<LayerId, LayerWords>> = {
  "guest-app": layer("guest application"),
  "guest-page-cache": layer("guest page cache"),
  "virtual-disk": layer("virtual disk"),
  "host-page-cache": layer("host page cache"),
  "disk-cache": layer("disk write cache"),
  platters: layer("platters", "on"),
};

/** "in the host page cache", "on the platters". */
export const inLayer = (id: LayerId): string => LAYER[id].in;

/** A failure (docs/model.md §4), in each form the page says it. */
export interface FailureWords {
  /** Its button and its row: "Power loss". */
  readonly name: string;
  /** The ledger's column once it struck: "After the power loss". */
  readonly after: string;
  /** Beside the clock once it struck: "power lost". */
  readonly struck: string;
  /** What a write survives: "the power loss", "QEMU being killed". */
  readonly survive: string;
  /** The event line's first sentence at the instant: "Power lost." */
  readonly event: string;
}

export const FAILURE: Readonly<Record<FailureKind, FailureWords>> = {
  power: {
    name: "Power loss",
    after: "After the power loss",
    struck: "power lost",
    survive: "the power loss",
    event: "Power lost.",
  },
  host: {
    name: "Host crash",
    after: "After the host crash",
    struck: "host crashed",
    survive: "the host crash",
    event: "The host kernel crashed.",
  },
  qemu: {
    name: "QEMU killed",
    after: "After QEMU was killed",
    struck: "QEMU killed",
    survive: "QEMU being killed",
    event: "The QEMU process was killed.",
  },
  guest: {
    name: "Guest crash",
    after: "After the guest crash",
    struck: "guest crashed",
    survive: "the guest crash",
    event: "The guest kernel crashed.",
  },
};

/**
 * "3": a write's number as people read it, counted from 1 (a class counts from 1). The index
 * underneath stays 0-based wherever a machine reads it: links, scenario and tour files, the
 * `op` field of `npm run scenario`'s JSON, `data-op` attributes (docs/words.md).
 */
export const opNumber = (index: number): string => String(index + 1);

/** "#3": a write's name in a sentence, a label or a table (its index 2). */
export const opName = (index: number): string => `#${opNumber(index)}`;

/** "#2 O_SYNC write". */
export function opLabel(index: number, kind: OpKind): string {
  return `${opName(index)} ${KIND_NAME[kind]}`;
}

/**
 * What a write's return meant (src/model/tally.ts, docs/model.md §4): two words, used everywhere
 * a failure's cost is told, and the tie rule, stated once.
 */
export const PROMISE = {
  /** Any call whose return the application had seen. */
  returned: "returned",
  /** An O_SYNC write whose call returned, or any write an fsync that returned covered. */
  promised: "promised durable",
  /** An fsync is not itself promised durable: the writes it covers are. */
  tie: "A call that returns at the very instant of a failure counts as returned (so an O_SYNC write, or the writes an fsync covers, count as promised durable).",
} as const;

/**
 * Why the toolbar's buttons are off, said on the buttons themselves and when one is pressed:
 * before any write a failure has nothing to strike; past a failure the world has stopped (a second
 * strike moves it, so scrubbing back before it brings the buttons back); at the page's limit a
 * further write could not be kept (src/scenario/limit.ts).
 */
export const BUTTON_OFF_WHY = {
  noWrites: "Issue a write first: a failure strikes the writes in flight.",
  struck: "The failure has struck: scrub back before it, or undo it, to go on.",
  full: `This scenario holds ${String(MAX_WRITES)} writes, the most the page keeps: Reset to write again.`,
  nothingToStep: "Issue a write first: there is nothing to step through yet.",
  atStart: "At the start already: nothing happened before.",
  atEnd: "At the end: nothing more happens.",
  nothingToReset: "Nothing to reset: no write issued yet.",
  noFailure: "No failure to undo: strike one first.",
} as const;
/** "on" or "off": a switch's state, as the page writes it after its name ("barriers on"). */
export const onOff = (on: boolean): string => (on ? "on" : "off");

/**
 * A table's shape with its English strings widened to `string`: the type a second language's
 * table of the same words must have (the English tables are `as const`, so their own types are
 * the English strings themselves). docs/words.md, "A second language".
 */
export type Shape<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Shape<R>
    : T extends readonly (infer U)[]
      ? readonly Shape<U>[]
      : { readonly [K in keyof T]: Shape<T[K]> };
