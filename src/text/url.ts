/**
 * The notices a link's bad parameters raise (src/link/url.ts reads the link, src/tours/index.ts
 * its tour): each names the parameter, what it allows, and what the page did instead. Part of
 * the first view, since a link is read at load.
 */
import { FAILURE_KINDS, OP_KINDS } from "../model/timeline";
import type { Problem } from "../scenario/fields";
import { readable } from "../scenario/readable";
import type { TourLinkProblem } from "../tours/index";
import { describe, scenarioReason } from "./scenario";

/** A parameter that is not valid: which, why, and what the page did instead. */
const notValid = (param: string, reason: string, instead: string) =>
  `The URL parameter “${param}” is not valid (${reason}); ${instead}.`;

export const URL_NOTICE = {
  /**
   * A configuration parameter, with the validator's problem; a link says a yes/no field as on or
   * off (src/scenario/params.ts), so its reason does too.
   */
  field: ({ expected, got }: Problem, param: string, fallback: string) =>
    notValid(
      param,
      expected.kind === "boolean"
        ? `expected on or off, got ${describe(got)}`
        : scenarioReason(expected, got),
      `using ${fallback} instead`,
    ),
  /** The writes (`ops` in the query, or `writes` in the fragment) that are not valid. */
  ops: (reason: string, param: string) => notValid(param, reason, "no writes were loaded"),
  /** Why `ops` is not valid: more writes than a link carries. */
  tooManyOps: (max: number, got: number) =>
    `at most ${String(max)} writes in a link, got ${String(got)}`,
  /** Why `ops` is not valid: its `index`th item (from 0) is not a write. */
  notAnOp: (index: number, item: string) =>
    `write ${String(index + 1)} (“${readable(item)}”) is not kind@ms, kind one of ${OP_KINDS.join(", ")}`,
  /** Why the fragment's `writes` are not valid: its `index`th (from 0) is not a write. */
  notAWrite: (index: number, item: string) =>
    `write ${String(index + 1)} (“${readable(item)}”) is not a letter (n, s, b or d) and a time in ms from 0 to 1e12`,
  /** The scenario the tab kept (src/link/kept.ts) did not read back whole: it is not shown. */
  keptDropped:
    "The scenario this tab kept could not be read back, so it was dropped: the page opens as its address says.",
  /** `crash` that is not a failure. */
  crash: (raw: string) =>
    notValid(
      "crash",
      `“${readable(raw)}” is not kind@ms, kind one of ${FAILURE_KINDS.join(", ")}`,
      "no failure was loaded",
    ),
  /** `theme` that is not one: the browser's colours are followed instead. */
  theme: (raw: string, allowed: readonly string[]) =>
    notValid(
      "theme",
      `expected one of ${allowed.join(", ")}, got “${readable(raw)}”`,
      "following the browser's light or dark setting (auto) instead",
    ),
  t: (raw: string) =>
    notValid("t", `expected a time in ms from 0 to 1e12, got “${readable(raw)}”`, "starting at 0"),
  /** A link's `tour` or `step` that does not name a tour's step. */
  /** A step past the tour's end: the last step opens instead. */
  stepPastEnd: (steps: number) =>
    notValid("step", `the tour has ${String(steps)} steps`, `opening step ${String(steps)}`),
  tourLink: (problem: TourLinkProblem) =>
    problem.param === "tour"
      ? notValid("tour", `expected one of ${problem.allowed.join(", ")}`, "no tour was opened")
      : notValid("step", "expected a step number from 1", "starting at step 1"),
} as const;
