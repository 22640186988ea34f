/**
 * A guided tour: a list of steps, each a scenario document (the format of ../scenario/schema.ts)
 * run to a moment, with a sentence or two of narration, what to highlight and, optionally,
 * claims about the writes that a test checks against the model so the narration cannot drift
 * from it. Tours are JSON files (./article.json, ./beyond.json), validated here like scenarios:
 * a typed document or a problem naming the step and the field (src/text/scenario.ts says it).
 */
import {
  boolean,
  InvalidField,
  objectAt,
  oneOf,
  type Expected,
  type Problem,
} from "../scenario/fields";
import { validateScenario, type ScenarioDoc } from "../scenario/schema";
import {
  ARROWS,
  FAILURE_KINDS,
  FLUSH_OUTCOMES,
  LAYERS,
  type Arrow,
  type FailureKind,
  type FlushOutcome,
  type LayerId,
} from "../model/timeline";

export const TOUR_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
export const MAX_STEPS = 20;
export const MAX_NARRATION = 400;
export const MAX_TITLE = 80;
/** A caption is one line on a projector: ≤ 15 words (tours.test.ts counts them), ≤ 120 characters. */
export const MAX_CAPTION = 120;

/** What a step draws attention to: a layer, one of the article's arrows, or one write (op index). */
export type Highlight =
  { readonly layer: LayerId } | { readonly arrow: Arrow } | { readonly write: number };

/**
 * A claim about the step's scenario, checked against the model (`timelineOf`) by the tours' test.
 * "By `at`" means at or before the step's moment. Each claim has exactly one of the keys below
 * besides `write` (and `crash`). `write` is the 0-based op index, as in the scenario's `ops`; the
 * narration numbers writes from 1, as the page does, so its "#1" is `"write": 0`.
 *
 * - `acked`: whether the write's call had returned by `at`.
 * - `ackedIn`: the call had returned by `at`, and the data was in this layer when it did.
 * - `ackLatency`: [min, max] ms, inclusive, from the write being issued to its call returning.
 * - `durableBy`: whether the data was on stable storage by `at`.
 * - `survives`: whether the data survives the step's crash; with `crash`, whether it would have
 *   survived a failure of that kind at the same instant instead.
 * - `paths`: the coloured arrows the data (for a barrier, its flush) travelled, exactly, in order.
 * - `flush`: what became of the flush the write sent (an O_SYNC write or a barrier).
 * - `visits` / `skips`: whether the data arrived in this layer at some point of the run.
 * - `lostAcked`: how many writes the crash (or, with `crash`, a failure of that kind at the same
 *   instant) destroys after their calls had returned.
 */
export type Claim =
  | { readonly write: number; readonly acked: boolean }
  | { readonly write: number; readonly ackedIn: LayerId }
  | { readonly write: number; readonly ackLatency: readonly [number, number] }
  | { readonly write: number; readonly durableBy: boolean }
  | { readonly write: number; readonly survives: boolean; readonly crash?: FailureKind }
  | { readonly write: number; readonly paths: readonly Arrow[] }
  | { readonly write: number; readonly flush: FlushOutcome }
  | { readonly write: number; readonly visits: LayerId }
  | { readonly write: number; readonly skips: LayerId }
  | { readonly lostAcked: number; readonly crash?: FailureKind };

/** The claim keys, in the order an error message lists them. */
export const CLAIM_KEYS = [
  "acked",
  "ackedIn",
  "ackLatency",
  "durableBy",
  "survives",
  "paths",
  "flush",
  "visits",
  "skips",
  "lostAcked",
] as const;
export type ClaimKey = (typeof CLAIM_KEYS)[number];

export interface TourStep {
  /** A short name, for the chapter list. */
  readonly title: string;
  /**
   * One line for the room, shown large on the stage in presenter mode (≤ 15 words). On a
   * prediction step it asks the question: it is on screen before Reveal.
   */
  readonly caption: string;
  /** One or two sentences, read while the diagram stands at `at` (presenter mode: the notes). */
  readonly narration: string;
  /**
   * A prediction step's explanation, said once the answer is out: the rule that answers the
   * question comes after Reveal, never in the question.
   */
  readonly reveal?: string;
  readonly scenario: ScenarioDoc;
  /** The model time to run to, in ms; at most the crash time when the scenario has a crash. */
  readonly at: number;
  readonly highlight?: Highlight;
  /**
   * The learner is asked which writes survive before the failure is revealed: the scenario has a
   * crash and `at` is its instant.
   */
  readonly predict?: boolean;
  readonly expect?: readonly Claim[];
}

export interface TourDoc {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly TourStep[];
}

/**
 * What a tour file's field allows besides a scenario's (`Expected`), as facts for whoever writes
 * the file (src/text/scenario.ts says them, `tourProblemLine`).
 */
export type TourExpected =
  | Expected
  | { readonly kind: "tourId" }
  | { readonly kind: "text"; readonly max: number }
  | { readonly kind: "steps"; readonly max: number }
  | { readonly kind: "finiteMs" }
  | { readonly kind: "wholeNumber" }
  /** An op index of a scenario with `ops` writes. */
  | { readonly kind: "write"; readonly ops: number }
  | { readonly kind: "crashTime"; readonly crash: number }
  | { readonly kind: "predictNeedsCrash" }
  | { readonly kind: "predictAtCrash"; readonly crash: number }
  /** Got: how many there were (a highlight), or which (a claim). */
  | { readonly kind: "exactlyOne"; readonly allowed: readonly string[] }
  | { readonly kind: "claims" }
  | { readonly kind: "claimNeedsCrash" }
  | { readonly kind: "lostAckedNoWrite" }
  | { readonly kind: "claimNoFailure" }
  | { readonly kind: "range" }
  | { readonly kind: "arrows"; readonly allowed: readonly string[] };

export type TourProblem = Problem<TourExpected>;

export type TourParseResult =
  | { readonly ok: true; readonly tour: TourDoc }
  | { readonly ok: false; readonly problem: TourProblem };

function reject(field: string, expected: TourExpected, got: unknown): never {
  throw new InvalidField<TourExpected>({ field, expected, got });
}

/** Text of `min`..`max` characters (code points, so an emoji counts once), not blank. */
function text(field: string, value: unknown, max: number): string {
  if (typeof value !== "string" || value.trim() === "" || Array.from(value).length > max) {
    reject(field, { kind: "text", max }, value);
  }
  return value;
}

function nonNegative(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    reject(field, { kind: "finiteMs" }, value);
  }
  return value;
}

function count(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    reject(field, { kind: "wholeNumber" }, value);
  }
  return value;
}

/** An op index of the step's scenario. */
function writeIndex(field: string, value: unknown, ops: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= ops) {
    reject(field, { kind: "write", ops }, value);
  }
  return value;
}

/** Validates an already-parsed value (an imported JSON file, a test fixture). */
export function validateTour(value: unknown): TourParseResult {
  try {
    return { ok: true, tour: readTour(value) };
  } catch (error) {
    if (error instanceof InvalidField) {
      return { ok: false, problem: error.problem as TourProblem };
    }
    throw error;
  }
}

function readTour(value: unknown): TourDoc {
  const doc = objectAt("document", value, ["id", "title", "steps"]);
  if (typeof doc.id !== "string" || !TOUR_ID_PATTERN.test(doc.id)) {
    reject("id", { kind: "tourId" }, doc.id);
  }
  const title = text("title", doc.title, MAX_TITLE);
  if (!Array.isArray(doc.steps) || doc.steps.length === 0 || doc.steps.length > MAX_STEPS) {
    reject("steps", { kind: "steps", max: MAX_STEPS }, doc.steps);
  }
  const rawSteps: readonly unknown[] = doc.steps;
  const steps = rawSteps.map((raw, i) => readStep(`steps[${String(i)}]`, raw));
  return { id: doc.id, title, steps };
}

function readStep(field: string, value: unknown): TourStep {
  const step = objectAt(field, value, [
    "title",
    "caption",
    "narration",
    "reveal",
    "scenario",
    "at",
    "highlight",
    "predict",
    "expect",
  ]);
  const title = text(`${field}.title`, step.title, MAX_TITLE);
  const caption = text(`${field}.caption`, step.caption, MAX_CAPTION);
  const narration = text(`${field}.narration`, step.narration, MAX_NARRATION);
  const reveal =
    step.reveal === undefined ? undefined : text(`${field}.reveal`, step.reveal, MAX_NARRATION);

  const parsed = validateScenario(step.scenario);
  if (!parsed.ok) {
    // The scenario validator names fields from its document's root ("document" for the root).
    const { field: inner, expected, got } = parsed.problem;
    reject(`${field}.scenario${inner === "document" ? "" : `.${inner}`}`, expected, got);
  }
  const scenario = parsed.scenario;
  const ops = scenario.ops.length;

  const at = nonNegative(`${field}.at`, step.at);
  if (scenario.crash && at > scenario.crash.at) {
    reject(`${field}.at`, { kind: "crashTime", crash: scenario.crash.at }, at);
  }

  let highlight: Highlight | undefined;
  if (step.highlight !== undefined) {
    const hf = `${field}.highlight`;
    const raw = objectAt(hf, step.highlight, ["layer", "arrow", "write"]);
    const keys = Object.keys(raw);
    if (keys.length !== 1) {
      reject(hf, { kind: "exactlyOne", allowed: ["layer", "arrow", "write"] }, keys.length);
    }
    if (raw.layer !== undefined) highlight = { layer: oneOf(`${hf}.layer`, raw.layer, LAYERS) };
    else if (raw.arrow !== undefined) {
      highlight = { arrow: oneOf(`${hf}.arrow`, raw.arrow, ARROWS) };
    } else highlight = { write: writeIndex(`${hf}.write`, raw.write, ops) };
  }

  let predict: boolean | undefined;
  if (step.predict !== undefined) {
    predict = boolean(`${field}.predict`, step.predict);
    if (predict) {
      if (!scenario.crash) {
        reject(`${field}.predict`, { kind: "predictNeedsCrash" }, predict);
      }
      if (at !== scenario.crash.at) {
        reject(`${field}.at`, { kind: "predictAtCrash", crash: scenario.crash.at }, at);
      }
    }
  }

  let expect: Claim[] | undefined;
  if (step.expect !== undefined) {
    if (!Array.isArray(step.expect)) {
      reject(`${field}.expect`, { kind: "claims" }, step.expect);
    }
    const rawClaims: readonly unknown[] = step.expect;
    expect = rawClaims.map((raw, j) =>
      readClaim(`${field}.expect[${String(j)}]`, raw, ops, scenario.crash !== undefined),
    );
  }

  return {
    title,
    caption,
    narration,
    ...(reveal === undefined ? {} : { reveal }),
    scenario,
    at,
    ...(highlight ? { highlight } : {}),
    ...(predict === undefined ? {} : { predict }),
    ...(expect ? { expect } : {}),
  };
}

function readClaim(field: string, value: unknown, ops: number, hasCrash: boolean): Claim {
  const raw = objectAt(field, value, ["write", "crash", ...CLAIM_KEYS]);
  const keys = CLAIM_KEYS.filter((key) => raw[key] !== undefined);
  const [key] = keys;
  if (key === undefined || keys.length > 1) {
    reject(field, { kind: "exactlyOne", allowed: CLAIM_KEYS }, keys);
  }
  const crashOf = (): { crash?: FailureKind } => {
    if (!hasCrash) reject(`${field}.${key}`, { kind: "claimNeedsCrash" }, raw[key]);
    return raw.crash === undefined
      ? {}
      : { crash: oneOf(`${field}.crash`, raw.crash, FAILURE_KINDS) };
  };
  if (key === "lostAcked") {
    if (raw.write !== undefined) reject(`${field}.write`, { kind: "lostAckedNoWrite" }, raw.write);
    const lostAcked = count(`${field}.lostAcked`, raw.lostAcked);
    return { lostAcked, ...crashOf() };
  }
  if (raw.crash !== undefined && key !== "survives") {
    reject(`${field}.crash`, { kind: "claimNoFailure" }, raw.crash);
  }
  const write = writeIndex(`${field}.write`, raw.write, ops);
  const kf = `${field}.${key}`;
  switch (key) {
    case "acked":
      return { write, acked: boolean(kf, raw.acked) };
    case "ackedIn":
      return { write, ackedIn: oneOf(kf, raw.ackedIn, LAYERS) };
    case "ackLatency": {
      const range = raw.ackLatency;
      if (
        !Array.isArray(range) ||
        range.length !== 2 ||
        !range.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0) ||
        (range[0] as number) > (range[1] as number)
      ) {
        reject(kf, { kind: "range" }, range);
      }
      return { write, ackLatency: [range[0] as number, range[1] as number] };
    }
    case "durableBy":
      return { write, durableBy: boolean(kf, raw.durableBy) };
    case "survives":
      return { write, survives: boolean(kf, raw.survives), ...crashOf() };
    case "paths": {
      const paths = raw.paths;
      if (!Array.isArray(paths)) {
        reject(kf, { kind: "arrows", allowed: ARROWS }, paths);
      }
      const arrows: readonly unknown[] = paths;
      return { write, paths: arrows.map((a, k) => oneOf(`${kf}[${String(k)}]`, a, ARROWS)) };
    }
    case "flush":
      return { write, flush: oneOf(kf, raw.flush, FLUSH_OUTCOMES) };
    case "visits":
      return { write, visits: oneOf(kf, raw.visits, LAYERS) };
    case "skips":
      return { write, skips: oneOf(kf, raw.skips, LAYERS) };
  }
}
