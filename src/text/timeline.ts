/**
 * The timeline's words (src/ui/time/Timeline.tsx): its name, its marks' key, the exposure strip.
 */
import type { MarkKind } from "../geometry/timeline";
import { noun, NOUN } from "./format";
import { PROMISE } from "./vocabulary";

export const TIMELINE = {
  name: "Time",
  mark: {
    issued: "issued",
    acknowledged: PROMISE.returned,
    durable: "durable",
    flush: "flush",
    commit: "commit",
    failure: "failure",
  } satisfies Record<MarkKind, string>,
  exposureKey: "at risk: power loss (fill), host crash (dashes), QEMU killed (dots)",
  /** The exposure strip, for a screen reader: the worst count it draws. */
  exposure: (worst: number) =>
    `Exposure: at most ${String(worst)} ${noun(worst, NOUN.write)} that had ${PROMISE.returned} a power cut would destroy at one instant; the shaded area shows when.`,
} as const;
