/**
 * Formatters for the values the page shows, one per kind of value: a duration, a rough duration,
 * one of Linux's timers, a count. A moment of model time has its own module, ./clock.ts: the
 * first view needs only that one.
 */

const SECOND = 1000;

/** "14.1 ms", "35.0 s": how long something took, as the tables and charts print it; "none". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "none";
  if (ms < 1) return `${String(Math.round(ms * 1000))} µs`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "about 35 s", "about 0.1 s": the model's durations in a sentence, rounded to what they are worth. */
export function about(ms: number): string {
  if (ms >= SECOND) return `about ${String(Math.round(ms / SECOND))} s`;
  return `about ${String(Number((ms / SECOND).toPrecision(1)))} s`;
}

/** "5 s": one of Linux's timers, exactly. */
export const seconds = (ms: number): string => `${String(ms / SECOND)} s`;

/** A countable thing: its singular and plural. */
export interface Noun {
  readonly one: string;
  readonly many: string;
}

export const NOUN = {
  write: { one: "write", many: "writes" },
  disk: { one: "disk", many: "disks" },
  row: { one: "row", many: "rows" },
} as const satisfies Readonly<Record<string, Noun>>;

/** "write" or "writes", for `n` of them. */
export const noun = (n: number, what: Noun): string => (n === 1 ? what.one : what.many);

/** "1 write", "3 writes". */
export const count = (n: number, what: Noun): string => `${String(n)} ${noun(n, what)}`;
