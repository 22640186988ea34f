/**
 * The one limit on how many writes a scenario holds in the page: MAX_WRITES. Every way a write comes in (the buttons, Burst, the embed's `issue`
 * and `load`, the element, Open scenario, a link) stops there, because every way the page keeps a
 * scenario (a link, an exported file, the tab across a reload) carries that many and no more:
 * nothing is accepted that cannot be kept (issue 20). Past it a write is refused, never dropped.
 * Each write reruns the model over all of them, so the limit also bounds what one click costs
 * (README, "How many writes a scenario holds"). The command line reads up to MAX_OPS.
 */
import type { Problem } from "./fields";

/**
 * Here, not beside the validator (schema.ts), which uses them: the first view's buttons and words
 * need the numbers, not the validator.
 */
export const MAX_WRITES = 5_000;
/** What a scenario file may hold at all: the command line's bound (`npm run scenario`). */
export const MAX_OPS = 100_000;

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
