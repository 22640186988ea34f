/**
 * A document's problems in one line each (src/scenario/fields.ts finds them): the field, what
 * it allows, what it had. Said wherever a scenario is read: Open scenario, the element, the
 * embed's messages, the command-line tools, and a tour file (`tourProblemLine`).
 */
import type { Expected, Problem } from "../scenario/fields";
import { readable } from "../scenario/readable";
import { MAX_OPS } from "../scenario/limit";
import type { TourExpected } from "../tours/schema";

/** A value a document had, as a message shows it. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  // Readable, never raw escapes or half an emoji: the message is shown to people.
  if (typeof value === "string") return `"${readable(value)}"`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

/** What was wrong with a scenario's field, after its name: "expected …, got …". */
export function scenarioReason(expected: Expected, got: unknown): string {
  switch (expected.kind) {
    case "json":
      return `not valid JSON (${expected.reason.replace(/\s+/g, " ")})`;
    case "object":
      return `expected an object with ${expected.fields.join(", ")}, got ${describe(got)}`;
    case "known":
      return `unknown field (allowed: ${expected.allowed.join(", ")})`;
    case "oneOf":
      return `expected one of ${expected.allowed.join(", ")}, got ${describe(got)}`;
    case "boolean":
      return `expected true or false, got ${describe(got)}`;
    case "version":
      return `expected ${String(expected.version)}, got ${describe(got)}`;
    case "ms":
      return `expected a number of milliseconds from 0 to ${expected.max.toExponential().replace("+", "")}, got ${describe(got)}`;
    case "ops":
      return `expected a list of { at, kind }, got ${describe(got)}`;
    case "atMostOps":
      return `at most ${String(expected.max)} operations, got ${String(got)}`;
    case "atMostWrites":
      return `at most ${String(expected.max)} writes in the page, got ${String(got)} (npm run scenario reads up to ${String(MAX_OPS)})`;
    case "uniqueKeys":
      return `the key "${readable(expected.key)}" appears twice in one object`;
    case "encoding":
      return expected.noMark
        ? "not UTF-8 text (UTF-16 without a byte-order mark? save it as UTF-8)"
        : `not valid ${expected.encoding} text`;
  }
}

/** A scenario's problem in one line: "config.mode: expected one of …, got "nocache"". */
export function problemLine({ field, expected, got }: Problem): string {
  return `${field}: ${scenarioReason(expected, got)}`;
}

/** The notice of a custom element whose scenario is not valid (src/embed/element.ts). */
export function elementNotice(problem: Problem): string {
  return `The scenario in the element is not valid (${problemLine(problem)}).`;
}

function tourReason(expected: TourExpected, got: unknown): string {
  switch (expected.kind) {
    case "tourId":
      return `expected lower-case letters, digits and hyphens, starting with a letter, got ${describe(got)}`;
    case "text": {
      const had =
        typeof got !== "string"
          ? describe(got)
          : got.trim() === ""
            ? "blank text"
            : `${String(Array.from(got).length)} characters`;
      return `expected text of 1 to ${String(expected.max)} characters, got ${had}`;
    }
    case "steps":
      return `expected a list of 1 to ${String(expected.max)} steps, got ${
        Array.isArray(got) ? `${String(got.length)} steps` : describe(got)
      }`;
    case "finiteMs":
      return `expected a finite number of milliseconds, at least 0, got ${describe(got)}`;
    case "wholeNumber":
      return `expected a whole number, at least 0, got ${describe(got)}`;
    case "write": {
      const range = expected.ops === 1 ? "0" : `0 to ${String(expected.ops - 1)}`;
      return expected.ops === 0
        ? `the scenario has no writes, got ${describe(got)}`
        : `expected a write of the scenario (${range}), got ${describe(got)}`;
    }
    case "crashTime":
      return `expected at most the crash time (${String(expected.crash)}), got ${String(got)}`;
    case "predictNeedsCrash":
      return "a prediction step needs a crash in its scenario";
    case "predictAtCrash":
      return `a prediction step runs to its crash (${String(expected.crash)}), got ${String(got)}`;
    case "exactlyOne": {
      // A highlight's count, or a claim's keys.
      const had = Array.isArray(got) ? (got.length === 0 ? "none" : got.join(", ")) : String(got);
      return `expected exactly one of ${expected.allowed.join(", ")}, got ${had}`;
    }
    case "claims":
      return `expected a list of claims, got ${describe(got)}`;
    case "claimNeedsCrash":
      return "needs a crash in the step's scenario";
    case "lostAckedNoWrite":
      return "lostAcked counts every write: no write";
    case "claimNoFailure":
      return "only a survives or lostAcked claim names a failure";
    case "range":
      return `expected [min, max] in milliseconds, min ≤ max, got ${describe(got)}`;
    case "arrows":
      return `expected a list of ${expected.allowed.join(", ")}, got ${describe(got)}`;
    default:
      return scenarioReason(expected, got);
  }
}

/** A tour file's problem in one line: "steps[0].at: expected at most the crash time (5), got 6". */
export function tourProblemLine({ field, expected, got }: Problem<TourExpected>): string {
  return `${field}: ${tourReason(expected, got)}`;
}
