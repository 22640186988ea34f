/**
 * The one limit on how many writes a scenario holds in the page: MAX_WRITES
 * (src/scenario/schema.ts). Every way a write comes in (the buttons, Burst, the embed's `issue`
 * and `load`, the element, Open scenario, a link) stops there, because every way the page keeps a
 * scenario (a link, an exported file, the tab across a reload) carries that many and no more:
 * nothing is accepted that cannot be kept (issue 20). Past it a write is refused, never dropped.
 * Each write reruns the model over all of them, so the limit also bounds what one click costs
 * (README, "How many writes a scenario holds"). The command line reads up to MAX_OPS.
 */
import type { Problem } from "./fields";
import { MAX_WRITES } from "./schema";

/** How many more writes a scenario holding `writes` may take (0 at or past the limit). */
export function writesLeft(writes: number): number {
  return Math.max(0, MAX_WRITES - writes);
}

/** What is wrong with a scenario of `writes` writes in the page, or null if it fits. */
export function tooManyWrites(writes: number): Problem | null {
  return writes > MAX_WRITES
    ? { field: "ops", expected: { kind: "atMostWrites", max: MAX_WRITES }, got: writes }
    : null;
}
