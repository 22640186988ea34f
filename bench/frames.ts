/**
 * bench:ui, part 2 — frame rate: on the served app, samples requestAnimationFrame timestamps in
 * the page for a few seconds: first on the page as it opens (paused), then after N writes and
 * Play, for N = 200, 1000 and 2000; then the compare view (`?compare=writethrough`) with 200
 * writes on each side. Past 200 tokens the app paints them on a canvas (src/anim/canvas.ts): the
 * page then counts what each repaint painted (bench/browser.ts counts the canvas's drawImage
 * calls) instead of reading token nodes. Each case is compared with the idle page's frame rate.
 *
 * Functions passed to page.evaluate run in the browser: no named functions inside them (see
 * bench/browser.ts).
 */
import type { Page } from "@playwright/test";
import { performance } from "node:perf_hooks";
import { button, findButton, openApp, showDiagram, VIEWPORT, type Session } from "./browser";
import { message, sleep } from "./common";
import { median, percentile } from "./stats";

const SAMPLE_MS = 4000;
/** The frame source's period (60 Hz); an interval over 1.5 periods means frames were dropped. */
const FRAME_MS = 1000 / 60;
const TOKEN_COUNTS = [200, 1000, 2000] as const;
/** The compare view's bar (issue 8): this many writes on each side hold the idle frame rate. */
const COMPARE_WRITES = 200;
/** A case "holds" the idle frame rate when within this fraction of it. */
const HOLD_TOLERANCE = 0.05;

/** What this part says in bench:ui's first line. */
export const FRAMES_SETUP = `headless Chromium ${String(VIEWPORT.width)}×${String(VIEWPORT.height)}, ${String(SAMPLE_MS / 1000)} s of rAF timestamps per case, no tracing`;

interface FrameStats {
  fps: number;
  droppedPct: number;
  p95: number;
  median: number;
  max: number;
  /** Seconds of frames these stats cover. */
  seconds: number;
  /** Renderer main-thread time per wall time, in % (CDP Performance.getMetrics), if known. */
  load: MainThread | null;
  /** The same stats over the frames during which tokens moved, when tokens were tracked. */
  whileMoving: FrameStats | null;
}

interface MainThread {
  /** All tasks (TaskDuration). */
  busy: number;
  script: number;
  layout: number;
  style: number;
}

const METRICS = {
  busy: "TaskDuration",
  script: "ScriptDuration",
  layout: "LayoutDuration",
  style: "RecalcStyleDuration",
} as const;

/** Stats of a set of frame intervals (ms), for a 60 Hz frame source. */
function frameStats(intervals: number[]): FrameStats {
  const span = intervals.reduce((sum, iv) => sum + iv, 0);
  const missing = intervals
    .filter((iv) => iv > 1.5 * FRAME_MS)
    .reduce((sum, iv) => sum + Math.max(0, Math.round(iv / FRAME_MS) - 1), 0);
  const expected = Math.max(1, Math.round(span / FRAME_MS));
  return {
    fps: span > 0 ? intervals.length / (span / 1000) : 0,
    droppedPct: (100 * missing) / expected,
    p95: percentile(intervals, 0.95),
    median: median(intervals),
    max: Math.max(0, ...intervals),
    seconds: span / 1000,
    load: null,
    whileMoving: null,
  };
}

/** Consecutive differences. */
function gaps(stamps: number[]): { end: number; ms: number }[] {
  const out: { end: number; ms: number }[] = [];
  for (let i = 1; i < stamps.length; i++) {
    const [a, b] = [stamps[i - 1], stamps[i]];
    if (a !== undefined && b !== undefined) out.push({ end: b, ms: b - a });
  }
  return out;
}

/** How often the page checks whether tokens moved while frames are sampled. */
const MOTION_POLL_MS = 100;

/**
 * requestAnimationFrame timestamps for `ms`, collected in the page. With `trackTokens`, the page
 * also checks every MOTION_POLL_MS whether any token's attributes (transform, style, position)
 * changed, by string comparison only (no layout), so the stats can be split to the frames during
 * which tokens actually moved.
 */
async function sampleFrames(page: Page, ms: number, trackTokens: boolean): Promise<FrameStats> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const seconds = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    return new Map(metrics.map((m) => [m.name, m.value]));
  };
  const before = await seconds();
  const wallBefore = performance.now();
  const { stamps, motion } = await page.evaluate(
    async ({ durationMs, track, pollMs }) => {
      const nodes = track ? Array.from(document.querySelectorAll("figure .token[data-op]")) : [];
      const attrs = ["transform", "style", "cx", "cy", "x", "y"];
      const painted = (
        window as unknown as { __paintedMarks?: { marks: number; signature: number } }
      ).__paintedMarks;
      const onCanvas = track && document.querySelector("figure canvas.stack-tokens") !== null;
      // [from, to] page times between two polls that saw a token change.
      const moved: [number, number][] = [];
      let lastSignature = "";
      let lastPoll = performance.now();
      const timer = setInterval(() => {
        const signature = onCanvas
          ? `${String(painted?.marks)}:${String(painted?.signature)}`
          : nodes.map((el) => attrs.map((a) => el.getAttribute(a) ?? "").join("|")).join(";");
        const now = performance.now();
        if (lastSignature !== "" && signature !== lastSignature) moved.push([lastPoll, now]);
        lastSignature = signature;
        lastPoll = now;
      }, pollMs);
      const times: number[] = [];
      const start = performance.now();
      for (;;) {
        const t = await new Promise<number>((next) => requestAnimationFrame(next));
        times.push(t);
        if (t - start >= durationMs) break;
      }
      clearInterval(timer);
      return { stamps: times, motion: moved };
    },
    { durationMs: ms, track: trackTokens, pollMs: MOTION_POLL_MS },
  );
  const wall = (performance.now() - wallBefore) / 1000;
  const after = await seconds();
  await cdp.detach();
  const share = (name: string) => {
    const [a, b] = [before.get(name), after.get(name)];
    return a === undefined || b === undefined ? NaN : (100 * (b - a)) / wall;
  };
  const load: MainThread = {
    busy: share(METRICS.busy),
    script: share(METRICS.script),
    layout: share(METRICS.layout),
    style: share(METRICS.style),
  };
  const all = gaps(stamps);
  const stats = frameStats(all.map((g) => g.ms));
  stats.load = Number.isNaN(load.busy) ? null : load;
  if (trackTokens) {
    // A frame counts as "while moving" when it ended inside a poll period that saw motion.
    const moving = all.filter((g) => motion.some(([from, to]) => g.end > from && g.end <= to));
    stats.whileMoving = frameStats(moving.map((g) => g.ms));
  }
  return stats;
}

interface TokenCount {
  /** Whether the tokens were painted on the canvas: then the counts are marks painted (below). */
  canvas: boolean;
  /** `[data-op]` elements anywhere in the document. */
  all: number;
  /** ... inside the diagram's figure. */
  inSvg: number;
  /** ... with a non-empty box, not hidden by visibility, display or opacity (theirs or an ancestor's). */
  visible: number;
  /** ... visible and at least partly inside the viewport. */
  inViewport: number;
  /** ... whose place in the diagram changed over `moveMs`. */
  moving: number;
  /** Where the diagram's top and bottom are, in px from the viewport's top (NaN: no diagram). */
  diagramTop: number;
  diagramBottom: number;
}

/** Counts the tokens twice, `moveMs` apart, in one go (forces layout: keep out of sample windows). */
async function countTokens(page: Page, moveMs: number): Promise<TokenCount> {
  return page.evaluate(async (waitMs) => {
    // The diagram: its image and the token layer drawn over it, in one figure.
    const svg = document.querySelector("figure");
    const nodes = svg === null ? [] : Array.from(svg.querySelectorAll(".token[data-op]"));
    let visible = 0;
    let inViewport = 0;
    for (const el of nodes) {
      const r = el.getBoundingClientRect();
      const shown =
        r.width > 0 &&
        r.height > 0 &&
        el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      if (shown) visible++;
      if (
        shown &&
        r.right > 0 &&
        r.bottom > 0 &&
        r.left < window.innerWidth &&
        r.top < window.innerHeight
      ) {
        inViewport++;
      }
    }
    // Each token's place in the diagram's own coordinates (its CTM and its user-space box, plus
    // whether it is hidden), taken twice: a layout shift of the whole diagram is not motion.
    // (No named helper here: tsx would wrap it in __name, which the page does not have.)
    const places: string[][] = [];
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1) await new Promise((done) => setTimeout(done, waitMs));
      const origin = svg?.getBoundingClientRect();
      places.push(
        nodes.map((el) => {
          const hidden = String(!el.checkVisibility({ checkVisibilityCSS: true }));
          if (el instanceof SVGGraphicsElement) {
            const m = el.getCTM();
            const b = el.getBBox();
            return [m?.a, m?.b, m?.c, m?.d, m?.e, m?.f, b.x, b.y, b.width, b.height]
              .map((v) => (v ?? 0).toFixed(2))
              .concat(hidden)
              .join(",");
          }
          const r = el.getBoundingClientRect();
          return [r.x - (origin?.x ?? 0), r.y - (origin?.y ?? 0)]
            .map((v) => v.toFixed(2))
            .concat(hidden)
            .join(",");
        }),
      );
    }
    const [first, second] = places;
    const moving = nodes.filter((el, i) => el.isConnected && first?.[i] !== second?.[i]).length;
    // On the canvas: the marks its last repaint painted (a covered token is not painted), and
    // whether they moved: all of them count as moving when the picture changed over the wait.
    const painted = (window as unknown as { __paintedMarks?: { marks: number; signature: number } })
      .__paintedMarks;
    if (svg?.querySelector("canvas.stack-tokens") && painted) {
      const before = `${String(painted.marks)}:${String(painted.signature)}`;
      await new Promise((done) => setTimeout(done, waitMs));
      const marks = painted.marks;
      const changed = `${String(marks)}:${String(painted.signature)}` !== before;
      return {
        canvas: true,
        all: document.querySelectorAll(".token[data-op]").length,
        inSvg: marks,
        visible: marks,
        inViewport: marks,
        moving: changed ? marks : 0,
        diagramTop: svg.getBoundingClientRect().top,
        diagramBottom: svg.getBoundingClientRect().bottom,
      };
    }
    return {
      canvas: false,
      all: document.querySelectorAll(".token[data-op]").length,
      inSvg: nodes.length,
      visible,
      inViewport,
      moving,
      diagramTop: svg?.getBoundingClientRect().top ?? NaN,
      diagramBottom: svg?.getBoundingClientRect().bottom ?? NaN,
    };
  }, moveMs);
}

interface TokenRun {
  stats: FrameStats;
  beforePlay: TokenCount;
  afterPlay: TokenCount;
  atEnd: TokenCount;
  /** Whether the play button still said "Pause" after sampling. */
  playingAtEnd: boolean;
  writesMs: number;
  notes: string[];
}

async function runTokens(page: Page, url: string, n: number): Promise<TokenRun | string> {
  const notes: string[] = [];
  await openApp(page, url);

  const normal = await findButton(page, "Normal write");
  if (typeof normal === "string") return normal;
  const osync = await findButton(page, "O_SYNC write");
  if (typeof osync === "string") notes.push(`${osync}: all writes are Normal`);
  const play = button(page, "Play");
  const pause = button(page, "Pause");
  if ((await play.count()) === 0) {
    if ((await pause.count()) === 0) return "the app has no 'Play' (or 'Pause') button yet";
    notes.push("the app opened playing (its button said 'Pause'); paused it first");
    await pause.first().click();
    await play.first().waitFor({ timeout: 2000 });
  }

  // N writes while paused, as fast as the page can take them: one synchronous loop of clicks.
  const first = await normal.elementHandle();
  const second = typeof osync === "string" ? first : await osync.elementHandle();
  const writesMs = await page.evaluate(
    async ({ a, b, count }) => {
      const start = performance.now();
      for (let i = 0; i < count; i++) {
        (i % 2 === 0 ? a : b).dispatchEvent(
          new MouseEvent("click", { bubbles: true, cancelable: true, view: window }),
        );
      }
      // Until the frame after the one that renders them.
      await new Promise((next) => requestAnimationFrame(next));
      await new Promise((next) => requestAnimationFrame(next));
      return performance.now() - start;
    },
    { a: first, b: second, count: n },
  );
  await first.dispose();
  await second.dispose();

  // The writes may have pushed the diagram down (e.g. a longer caption): bring it back in view.
  await showDiagram(page);

  // Nothing may be animating before Play.
  const beforePlay = await countTokens(page, 300);
  if (beforePlay.moving > 0) {
    notes.push(`${String(beforePlay.moving)} tokens moved while paused`);
  }
  if ((await play.count()) === 0) notes.push("the writes un-paused the app");

  const playedAt = performance.now();
  await play.first().click();
  if ((await pause.count()) === 0) notes.push("after Play, no button is named 'Pause'");
  const afterPlay = await countTokens(page, 150);
  await sleep(Math.max(0, 300 - (performance.now() - playedAt)));

  const stats = await sampleFrames(page, SAMPLE_MS, true);
  const atEnd = await countTokens(page, 150);
  const playingAtEnd = (await pause.count()) > 0;
  return { stats, beforePlay, afterPlay, atEnd, playingAtEnd, writesMs, notes };
}

function framesLine(label: string, s: FrameStats, suffix = ""): string {
  const median =
    Math.abs(s.median - FRAME_MS) > 0.1 * FRAME_MS ? `, median ${s.median.toFixed(1)} ms` : "";
  return (
    `frames: ${label.padEnd(9)} ${s.fps.toFixed(1).padStart(4)} fps, ` +
    `${s.droppedPct.toFixed(1)}% dropped, p95 ${s.p95.toFixed(1)} ms${median}${suffix}`
  );
}

/** The second line of a case: where the frame time went. */
function loadLine(s: FrameStats): string {
  const pct = (v: number) => `${v.toFixed(0)}%`;
  const load =
    s.load === null
      ? "main thread: no CDP metrics"
      : `main thread ${pct(s.load.busy)} busy (script ${pct(s.load.script)}, ` +
        `layout ${pct(s.load.layout)}, style ${pct(s.load.style)})`;
  return `${load}, longest frame ${s.max.toFixed(0)} ms`;
}

/** What looks wrong in the app after one case (printed, never failed on). */
function appChecks(label: string, n: number, run: TokenRun): string[] {
  const problems: string[] = [];
  const { afterPlay, atEnd, stats } = run;
  const px = (v: number) => `${v.toFixed(0)} px`;
  if (afterPlay.inSvg === 0) problems.push(`${label}: no tokens in the diagram after Play`);
  else if (!afterPlay.canvas && afterPlay.inSvg < n) {
    problems.push(`${label}: only ${String(afterPlay.inSvg)} of ${String(n)} writes have a token`);
  }
  if (afterPlay.inSvg > 0 && afterPlay.moving === 0) {
    problems.push(`${label}: no token moved after Play`);
  }
  const moved = stats.whileMoving;
  if (moved !== null && afterPlay.moving > 0 && moved.seconds < 0.5 * stats.seconds) {
    const outOfView = !(atEnd.diagramBottom > 0 && atEnd.diagramTop < VIEWPORT.height);
    problems.push(
      `${label}: tokens moved during only ${moved.seconds.toFixed(1)} s of the ` +
        `${stats.seconds.toFixed(1)} s sampled` +
        (run.playingAtEnd ? ", though the app stayed playing" : "") +
        (outOfView
          ? `; by the end the diagram was out of view (its top at ${px(atEnd.diagramTop)}, ` +
            `viewport ${px(VIEWPORT.height)} high, scrolled to the diagram before Play)`
          : ""),
    );
  }
  return problems;
}

function motionLine(s: FrameStats): string {
  const m = s.whileMoving;
  if (m === null) return "motion: not tracked";
  const moved = `tokens moved during ${m.seconds.toFixed(1)} s of the ${s.seconds.toFixed(1)} s sampled`;
  if (m.seconds < 0.5) return `${moved}: too little to rate separately`;
  return (
    `${moved}; while moving: ${m.fps.toFixed(1)} fps, ${m.droppedPct.toFixed(1)}% dropped, ` +
    `p95 ${m.p95.toFixed(1)} ms, longest frame ${m.max.toFixed(0)} ms`
  );
}

function tokensLine(r: TokenRun): string {
  const a = r.afterPlay;
  if (a.canvas) {
    return (
      `tokens on the canvas: ${String(a.visible)} marks painted after Play ` +
      `(${a.moving > 0 ? "moving" : "still"}), ${String(r.beforePlay.inSvg)} before Play, ` +
      `${String(r.atEnd.visible)} at the end (${r.atEnd.moving > 0 ? "moving" : "still"}); ` +
      `a token exactly under another is not painted; ` +
      `the writes took ${r.writesMs.toFixed(0)} ms to issue and render`
    );
  }
  const parts = [
    `${String(a.moving)} moving, ${String(a.visible)} visible, ` +
      `${String(a.inViewport)} in the viewport`,
  ];
  if (a.all !== a.inSvg) parts.push(`${String(a.all)} [data-op] in the whole page`);
  parts.push(`${String(r.beforePlay.inSvg)} before Play`);
  parts.push(
    `at the end: ${String(r.atEnd.inSvg)} present, ${String(r.atEnd.visible)} visible, ` +
      `${String(r.atEnd.moving)} moving`,
  );
  parts.push(`the writes took ${r.writesMs.toFixed(0)} ms to issue and render`);
  return `tokens: ${parts.join("; ")}`;
}

export interface FrameRuns {
  readonly idle: FrameStats | undefined;
  readonly runs: ReadonlyMap<number, TokenRun>;
  readonly compare: TokenRun | undefined;
}

/** Runs every case, printing each as it goes. */
export async function frames({ page, url, problems }: Session): Promise<FrameRuns> {
  let idle: FrameStats | undefined;
  try {
    await openApp(page, url);
    const opensPlaying = (await button(page, "Pause").count()) > 0;
    idle = await sampleFrames(page, SAMPLE_MS, false);
    console.log(framesLine("idle", idle, opensPlaying ? " (the app opened playing)" : ""));
    console.log(`        ${loadLine(idle)}`);
  } catch (error) {
    console.log(`frames: idle      failed: ${message(error)}`);
  }

  const runs = new Map<number, TokenRun>();
  for (const n of TOKEN_COUNTS) {
    const label = `${String(n)} tok`;
    try {
      const run = await runTokens(page, url, n);
      if (typeof run === "string") {
        console.log(`frames: ${label.padEnd(9)} skipped: ${run}`);
        continue;
      }
      runs.set(n, run);
      console.log(framesLine(label, run.stats, ` (tokens: ${String(run.afterPlay.inSvg)})`));
      console.log(`        ${tokensLine(run)}`);
      console.log(`        ${loadLine(run.stats)}`);
      console.log(`        ${motionLine(run.stats)}`);
      for (const note of run.notes) console.log(`        note: ${note}`);
      problems.push(...appChecks(label, n, run));
    } catch (error) {
      console.log(`frames: ${label.padEnd(9)} failed: ${message(error)}`);
    }
  }

  // Compare view: the same writes on two diagrams, one following the other's clock.
  let compareRun: TokenRun | undefined;
  try {
    const run = await runTokens(page, `${url}?compare=writethrough`, COMPARE_WRITES);
    if (typeof run === "string") console.log(`frames: compare   skipped: ${run}`);
    else {
      compareRun = run;
      console.log(
        framesLine("compare", run.stats, ` (${String(COMPARE_WRITES)} writes on each side)`),
      );
      console.log(`        ${loadLine(run.stats)}`);
    }
  } catch (error) {
    console.log(`frames: compare   failed: ${message(error)}`);
  }

  return { idle, runs, compare: compareRun };
}

/** Each case against the idle page: whether it held the idle frame rate. */
export function holdLines({ idle, runs, compare: compareRun }: FrameRuns): void {
  for (const n of [2000]) {
    const run = runs.get(n);
    if (idle === undefined || run === undefined) continue;
    const fps = run.stats.fps;
    const held = fps >= (1 - HOLD_TOLERANCE) * idle.fps;
    console.log(
      `${String(n)} writes playing vs idle: ${fps.toFixed(1)} vs ${idle.fps.toFixed(1)} fps: ` +
        `${held ? "held" : "did NOT hold"} the idle frame rate ` +
        `(within ${String(HOLD_TOLERANCE * 100)}%)`,
    );
  }

  if (idle !== undefined && compareRun !== undefined) {
    const fps = compareRun.stats.fps;
    const held = fps >= (1 - HOLD_TOLERANCE) * idle.fps;
    console.log(
      `compare, ${String(COMPARE_WRITES)} writes per side, vs idle: ${fps.toFixed(1)} vs ` +
        `${idle.fps.toFixed(1)} fps: ${held ? "held" : "did NOT hold"} the idle frame rate`,
    );
  }

  const run200 = runs.get(200);
  if (idle !== undefined && run200 !== undefined) {
    const fps = run200.stats.fps;
    const change = (100 * (fps - idle.fps)) / idle.fps;
    const held = fps >= (1 - HOLD_TOLERANCE) * idle.fps;
    const moving = run200.stats.whileMoving;
    const caveat =
      moving === null || moving.seconds >= 0.5 * run200.stats.seconds
        ? ""
        : ` — but the tokens moved during only ${moving.seconds.toFixed(1)} s of the ` +
          `${run200.stats.seconds.toFixed(1)} s sampled` +
          (moving.seconds >= 0.5 ? ` (${moving.fps.toFixed(1)} fps while moving)` : "");
    console.log(
      `200 tokens vs idle: ${fps.toFixed(1)} vs ${idle.fps.toFixed(1)} fps ` +
        `(${Math.abs(change) < 0.05 ? "±0.0" : `${change > 0 ? "+" : ""}${change.toFixed(1)}`}%): ` +
        `${held ? "held" : "did NOT hold"} the idle frame rate ` +
        `(within ${String(HOLD_TOLERANCE * 100)}%)${caveat}`,
    );
  } else {
    console.log("200 tokens vs idle: not compared (a case did not run)");
  }
}
