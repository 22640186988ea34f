import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { LAYERS, FLUSH_OUTCOMES, FAILURE_KINDS } from "../model/timeline";
import { timelineOf } from "../scenario/outcome";
import { tourProblemLine } from "../text/scenario";
import { claimFailures } from "./claims";
import { TOUR_IDS, TOUR_TITLES, isTourId, loadTour, stepInTour, type TourId } from "./index";
import {
  MAX_CAPTION,
  MAX_NARRATION,
  validateTour,
  type Claim,
  type TourDoc,
  type TourStep,
} from "./schema";

const DIR = import.meta.dirname;
const FILES = readdirSync(DIR).filter((name) => name.endsWith(".json"));

function tourOf(file: string): TourDoc {
  const result = validateTour(JSON.parse(readFileSync(join(DIR, file), "utf8")));
  if (!result.ok) throw new Error(`${file}: ${tourProblemLine(result.problem)}`);
  return result.tour;
}

const TOURS = FILES.map((file) => ({ file, tour: tourOf(file) }));
const STEPS = TOURS.flatMap(({ tour }) =>
  tour.steps.map((step, i) => ({ name: `${tour.id} step ${String(i)} (${step.title})`, step })),
);

describe("tour files", () => {
  it.each(FILES)("%s validates", (file) => {
    const result = validateTour(JSON.parse(readFileSync(join(DIR, file), "utf8")));
    expect(result.ok ? "ok" : tourProblemLine(result.problem)).toBe("ok");
  });

  it("name their ids after their files, and TOUR_IDS lists exactly them", () => {
    for (const { file, tour } of TOURS) expect(tour.id).toBe(basename(file, ".json"));
    expect(TOURS.map(({ tour }) => tour.id).sort()).toEqual([...TOUR_IDS].sort());
    expect(isTourId("article")).toBe(true);
    expect(isTourId("nope")).toBe(false);
  });

  it("have the titles the buttons that open them show", () => {
    for (const { tour } of TOURS) expect(TOUR_TITLES[tour.id as TourId]).toBe(tour.title);
  });

  it.each(TOUR_IDS)("loadTour(%s) resolves to the validated file", async (id) => {
    const loaded = await loadTour(id);
    expect(loaded).toEqual(tourOf(`${id}.json`));
  });

  it("give every step of a tour its own title", () => {
    for (const { tour } of TOURS) {
      const titles = tour.steps.map((s) => s.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});

describe.each(STEPS)("$name", ({ step }) => {
  it("runs to a moment no later than its crash", () => {
    if (step.scenario.crash) expect(step.at).toBeLessThanOrEqual(step.scenario.crash.at);
    if (step.predict) expect(step.at).toBe(step.scenario.crash?.at);
  });

  it("runs in the model", () => {
    const timeline = timelineOf(step.scenario);
    expect(timeline.ops).toHaveLength(step.scenario.ops.length);
  });

  it("keeps to two sentences and the narration limit", () => {
    expect(step.narration.length).toBeLessThanOrEqual(MAX_NARRATION);
    const ends = step.narration.match(/[.?!](?=\s|$)/g) ?? [];
    expect(ends.length).toBeGreaterThanOrEqual(1);
    expect(ends.length).toBeLessThanOrEqual(2);
    expect(step.narration).toMatch(/[.?]$/);
  });

  it("has a caption of at most 15 words, one line for the room", () => {
    expect(step.caption.trim().split(/\s+/).length).toBeLessThanOrEqual(15);
    expect(step.caption.length).toBeLessThanOrEqual(MAX_CAPTION);
    // A caption names no write: it is read from the stage, where the numbers are small.
    expect(step.caption).not.toMatch(/#\d/);
  });

  it("says when a failure loses a write, if the same failure a minute later would not", () => {
    // A caption is read alone from the back of the room: "a power cut loses it" reads as any
    // power cut, while a flush, the drive's destaging or writeback makes the write safe soon
    // after (second review of issue 18).
    const crash = step.scenario.crash;
    if (!crash || !/\b(crash|cut|kill)\b[^;.]*\blos(e|es)\b/.test(step.caption)) return;
    const lostAt = (at: number) =>
      timelineOf({ ...step.scenario, crash: { ...crash, at } })
        .ops.filter((op) => op.kind !== "barrier" && op.survives === false)
        .map((op) => op.index);
    const lost = lostAt(crash.at);
    const later = new Set(lostAt(crash.at + 60_000));
    if (lost.some((i) => later.has(i))) return;
    // "where": while it is there (in RAM, in the cache), which holds for any instant.
    expect(step.caption).toMatch(/\b(before|can|may|soon|where|while)\b/);
  });

  it("asks a prediction's question before the rule that answers it", () => {
    if (!step.predict) {
      expect(step.reveal).toBeUndefined();
      return;
    }
    // The narration and the caption end on the question; what explains it is said after Reveal.
    expect(step.narration).toMatch(/\?$/);
    expect(step.caption).toMatch(/\?$/);
  });

  it("makes claims, and every one of them holds in the model", () => {
    expect(step.expect?.length ?? 0).toBeGreaterThan(0);
    expect(claimFailures(step)).toEqual([]);
  });

  it("backs every write its narration names with a claim about that write", () => {
    // The narration numbers writes from 1, as the page does; a claim's `write` is the 0-based index.
    const said = `${step.narration} ${step.reveal ?? ""}`;
    const named = [...said.matchAll(/#(\d+)/g)].map((m) => Number(m[1]) - 1);
    const claimed = new Set(
      (step.expect ?? []).flatMap((claim) => ("write" in claim ? [claim.write] : [])),
    );
    for (const write of named) {
      expect(write, `#${String(write + 1)}`).toBeGreaterThanOrEqual(0);
      expect(write, `#${String(write + 1)}`).toBeLessThan(step.scenario.ops.length);
      expect(claimed.has(write), `#${String(write + 1)} has no claim`).toBe(true);
    }
  });

  it("highlights an arrow only if a write travels it", () => {
    const highlight = step.highlight;
    if (!highlight || !("arrow" in highlight)) return;
    const timeline = timelineOf(step.scenario);
    expect(timeline.ops.some((op) => op.paths.includes(highlight.arrow))).toBe(true);
  });

  it("gives a prediction step's answer: whether each write survives", () => {
    if (!step.predict) return;
    const timeline = timelineOf(step.scenario);
    const answered = new Set(
      (step.expect ?? []).flatMap((c) =>
        "survives" in c && !("crash" in c && c.crash) ? [c.write] : [],
      ),
    );
    for (const op of timeline.ops) {
      if (op.survives !== null)
        expect(answered.has(op.index), `write ${String(op.index)}`).toBe(true);
    }
  });

  it("states no claim the model would also accept with its value changed", () => {
    // The checker must not be vacuous: every claim, altered, is rejected.
    for (const claim of step.expect ?? []) {
      const changed = { ...step, expect: [mutate(claim)] } satisfies TourStep;
      expect(claimFailures(changed), JSON.stringify(claim)).toHaveLength(1);
    }
  });
});

/** The same claim saying something else. */
function mutate(claim: Claim): Claim {
  const other = <T>(values: readonly T[], value: T): T => values.find((v) => v !== value) ?? value;
  if ("lostAcked" in claim) return { ...claim, lostAcked: claim.lostAcked + 1 };
  if ("acked" in claim) return { ...claim, acked: !claim.acked };
  if ("ackedIn" in claim) return { ...claim, ackedIn: other(LAYERS, claim.ackedIn) };
  if ("ackLatency" in claim) {
    const [min, max] = claim.ackLatency;
    return { ...claim, ackLatency: [max + 1, max + 1 + (max - min)] };
  }
  if ("durableBy" in claim) return { ...claim, durableBy: !claim.durableBy };
  if ("survives" in claim) return { ...claim, survives: !claim.survives };
  if ("paths" in claim) return { ...claim, paths: [...claim.paths, "green"] };
  if ("flush" in claim) return { ...claim, flush: other(FLUSH_OUTCOMES, claim.flush) };
  if ("visits" in claim) return { write: claim.write, skips: claim.visits };
  return { write: claim.write, visits: claim.skips };
}

describe("the tours' content", () => {
  const tour = (id: string): TourDoc => {
    const found = TOURS.find((t) => t.tour.id === id);
    if (!found) throw new Error(id);
    return found.tour;
  };

  it("the article tour shows all four arrows and asks about the Debian 6 guest", () => {
    const article = tour("article");
    const arrows = article.steps.flatMap((s) =>
      s.highlight && "arrow" in s.highlight ? [s.highlight.arrow] : [],
    );
    expect(new Set(arrows)).toEqual(new Set(["red", "gray", "blue", "green"]));
    expect(
      article.steps.some(
        (s) =>
          s.predict === true &&
          s.scenario.config.guestFs === "ext3" &&
          !s.scenario.config.guestBarriers,
      ),
    ).toBe(true);
  });

  it("the beyond tour covers directsync, unsafe, every failure, the drive cache and both faults", () => {
    const steps = tour("beyond").steps;
    const configs = steps.map((s) => s.scenario.config);
    expect(configs.some((c) => c.mode === "directsync")).toBe(true);
    expect(configs.some((c) => c.mode === "unsafe")).toBe(true);
    expect(configs.some((c) => c.diskCache === "battery" || c.diskCache === "off")).toBe(true);
    expect(configs.some((c) => c.diskFlush === "ignored")).toBe(true);
    expect(configs.some((c) => c.hostBarriers === false)).toBe(true);
    // A failure kind counts when a step crashes with it or claims what it would destroy.
    const kinds = new Set(
      steps.flatMap((s) => [
        ...(s.scenario.crash ? [s.scenario.crash.kind] : []),
        ...(s.expect ?? []).flatMap((c) => ("crash" in c && c.crash ? [c.crash] : [])),
      ]),
    );
    expect(new Set(kinds)).toEqual(new Set(FAILURE_KINDS));
  });
});

describe("validateTour", () => {
  const scenario = {
    version: 1,
    config: { mode: "none", guestBarriers: true },
    ops: [{ at: 0, kind: "osync" }],
    crash: { at: 50, kind: "power" },
  };
  const step = {
    title: "A step",
    caption: "It is safe.",
    narration: "#1 is safe.",
    scenario,
    at: 50,
  };
  const valid = { id: "a-tour", title: "A tour", steps: [step] };
  const withStep = (changes: Record<string, unknown>) => ({
    ...valid,
    steps: [{ ...step, ...changes }],
  });
  const claim = (c: unknown) => withStep({ expect: [c] });

  it("accepts a minimal tour and keeps optional fields optional", () => {
    const result = validateTour(valid);
    expect(result).toEqual({ ok: true, tour: valid });
    const full = withStep({
      highlight: { write: 0 },
      predict: true,
      reveal: "Because it is on the platters.",
      expect: [
        { write: 0, survives: true },
        { write: 0, survives: false, crash: "host" },
        { lostAcked: 0, crash: "qemu" },
        { write: 0, ackLatency: [1, 2] },
        { write: 0, paths: ["gray", "green"] },
      ],
    });
    expect(validateTour(full)).toEqual({ ok: true, tour: full });
  });

  it.each([
    [[], "document: expected an object with id, title, steps, got a list"],
    [{ ...valid, extra: 1 }, "extra: unknown field (allowed: id, title, steps)"],
    [
      { ...valid, id: "Article" },
      'id: expected lower-case letters, digits and hyphens, starting with a letter, got "Article"',
    ],
    [
      { ...valid, id: "9lives" },
      'id: expected lower-case letters, digits and hyphens, starting with a letter, got "9lives"',
    ],
    [{ ...valid, title: "" }, "title: expected text of 1 to 80 characters, got blank text"],
    [{ ...valid, steps: [] }, "steps: expected a list of 1 to 20 steps, got 0 steps"],
    [
      { ...valid, steps: Array.from({ length: 21 }, () => step) },
      "steps: expected a list of 1 to 20 steps, got 21 steps",
    ],
    [{ ...valid, steps: "x" }, 'steps: expected a list of 1 to 20 steps, got "x"'],
    [
      { ...valid, steps: [step, null] },
      "steps[1]: expected an object with title, caption, narration, reveal, scenario, at, highlight, predict, expect, got null",
    ],
    [
      withStep({ colour: "red" }),
      "steps[0].colour: unknown field (allowed: title, caption, narration, reveal, scenario, at, highlight, predict, expect)",
    ],
    [
      withStep({ narration: "x".repeat(401) }),
      "steps[0].narration: expected text of 1 to 400 characters, got 401 characters",
    ],
    [
      withStep({ narration: "  " }),
      "steps[0].narration: expected text of 1 to 400 characters, got blank text",
    ],
    [withStep({ title: 3 }), "steps[0].title: expected text of 1 to 80 characters, got 3"],
    [
      withStep({ caption: undefined }),
      "steps[0].caption: expected text of 1 to 120 characters, got nothing",
    ],
    [
      withStep({ scenario: undefined }),
      "steps[0].scenario: expected an object with version, config, ops, crash, got nothing",
    ],
    [
      withStep({ scenario: { ...scenario, config: { mode: "nocache", guestBarriers: true } } }),
      'steps[0].scenario.config.mode: expected one of writeback, none, writethrough, directsync, unsafe, got "nocache"',
    ],
    [
      withStep({ scenario: { ...scenario, extra: 1 } }),
      "steps[0].scenario.extra: unknown field (allowed: version, config, ops, crash)",
    ],
    [
      withStep({ at: -1 }),
      "steps[0].at: expected a finite number of milliseconds, at least 0, got -1",
    ],
    [
      withStep({ at: Number.POSITIVE_INFINITY }),
      "steps[0].at: expected a finite number of milliseconds, at least 0, got Infinity",
    ],
    [
      withStep({ at: "50" }),
      'steps[0].at: expected a finite number of milliseconds, at least 0, got "50"',
    ],
    [withStep({ at: 51 }), "steps[0].at: expected at most the crash time (50), got 51"],
    [
      withStep({ predict: true, scenario: { ...scenario, crash: undefined } }),
      "steps[0].predict: a prediction step needs a crash in its scenario",
    ],
    [
      withStep({ predict: true, at: 10 }),
      "steps[0].at: a prediction step runs to its crash (50), got 10",
    ],
    [withStep({ predict: "yes" }), 'steps[0].predict: expected true or false, got "yes"'],
    [
      withStep({ highlight: { layer: "ram" } }),
      'steps[0].highlight.layer: expected one of guest-app, guest-page-cache, virtual-disk, host-page-cache, disk-cache, platters, got "ram"',
    ],
    [
      withStep({ highlight: { arrow: "purple" } }),
      'steps[0].highlight.arrow: expected one of red, gray, blue, green, got "purple"',
    ],
    [
      withStep({ highlight: { write: 1 } }),
      "steps[0].highlight.write: expected a write of the scenario (0), got 1",
    ],
    [
      withStep({ highlight: { arrow: "red", write: 0 } }),
      "steps[0].highlight: expected exactly one of layer, arrow, write, got 2",
    ],
    [withStep({ expect: {} }), "steps[0].expect: expected a list of claims, got an object"],
    [
      claim({ write: 0 }),
      "steps[0].expect[0]: expected exactly one of acked, ackedIn, ackLatency, durableBy, survives, paths, flush, visits, skips, lostAcked, got none",
    ],
    [
      claim({ write: 0, acked: true, survives: true }),
      "steps[0].expect[0]: expected exactly one of acked, ackedIn, ackLatency, durableBy, survives, paths, flush, visits, skips, lostAcked, got acked, survives",
    ],
    [
      claim({ write: 0, safe: true }),
      "steps[0].expect[0].safe: unknown field (allowed: write, crash, acked, ackedIn, ackLatency, durableBy, survives, paths, flush, visits, skips, lostAcked)",
    ],
    [
      claim({ write: 2, acked: true }),
      "steps[0].expect[0].write: expected a write of the scenario (0), got 2",
    ],
    [
      claim({ write: 0.5, acked: true }),
      "steps[0].expect[0].write: expected a write of the scenario (0), got 0.5",
    ],
    [
      claim({ acked: true }),
      "steps[0].expect[0].write: expected a write of the scenario (0), got nothing",
    ],
    [
      claim({ write: 0, acked: "yes" }),
      'steps[0].expect[0].acked: expected true or false, got "yes"',
    ],
    [
      claim({ write: 0, ackedIn: "ram" }),
      'steps[0].expect[0].ackedIn: expected one of guest-app, guest-page-cache, virtual-disk, host-page-cache, disk-cache, platters, got "ram"',
    ],
    [
      claim({ write: 0, ackLatency: [2, 1] }),
      "steps[0].expect[0].ackLatency: expected [min, max] in milliseconds, min ≤ max, got a list",
    ],
    [
      claim({ write: 0, paths: ["red", "pink"] }),
      'steps[0].expect[0].paths[1]: expected one of red, gray, blue, green, got "pink"',
    ],
    [
      claim({ write: 0, flush: "done" }),
      'steps[0].expect[0].flush: expected one of passed, ignored-by-qemu, no-guest-barriers, no-write-cache, no-host-barriers, ignored-by-drive, got "done"',
    ],
    [
      claim({ write: 0, survives: true, crash: "meteor" }),
      'steps[0].expect[0].crash: expected one of guest, qemu, host, power, got "meteor"',
    ],
    [
      claim({ write: 0, acked: true, crash: "power" }),
      "steps[0].expect[0].crash: only a survives or lostAcked claim names a failure",
    ],
    [
      claim({ write: 0, lostAcked: 1 }),
      "steps[0].expect[0].write: lostAcked counts every write: no write",
    ],
    [
      claim({ lostAcked: -1 }),
      "steps[0].expect[0].lostAcked: expected a whole number, at least 0, got -1",
    ],
    [
      {
        ...valid,
        steps: [
          {
            ...step,
            scenario: { ...scenario, crash: undefined },
            expect: [{ write: 0, survives: true }],
          },
        ],
      },
      "steps[0].expect[0].survives: needs a crash in the step's scenario",
    ],
  ])("rejects %j", (value, message) => {
    const result = validateTour(value);
    expect(result.ok ? "accepted" : tourProblemLine(result.problem)).toBe(message);
  });
});

describe("stepInTour", () => {
  const tour = TOURS[0]?.tour;
  if (!tour) throw new Error("no tour file");
  const count = tour.steps.length;

  it("keeps a step the tour has", () => {
    expect(stepInTour(tour, count - 1)).toEqual({ step: count - 1, pastEnd: null });
  });

  it("opens the last step past the end, and gives the tour's length for the notice (?step=999)", () => {
    expect(stepInTour(tour, 998)).toEqual({ step: count - 1, pastEnd: count });
  });
});

// Issue 18, item 7: the narration's "durable at 5 s" is the model's, not a 30 s host writeback.
describe("article step 2 (writeback: the red arrow), played without its power cut", () => {
  it("makes the O_DIRECT write durable by the flush of the next ext4 commit, at 5 s", () => {
    const step = TOURS.find(({ tour }) => tour.id === "article")?.tour.steps[1];
    if (step === undefined) throw new Error("no article step 2");
    expect(step.narration).toContain("durable at 5 s");
    const op = timelineOf({ ...step.scenario, crash: undefined }).ops[0];
    expect(op?.paths).toEqual(["red", "green"]);
    expect(op?.durableAtMs).toBeGreaterThan(5000);
    expect(op?.durableAtMs).toBeLessThan(5100);
  });
});
