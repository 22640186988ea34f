/**
 * `npm run bench:ui`: how heavy and how smooth the diagram is, printed, never asserted.
 *
 * 1. Bundle: builds the real app and a bare React 19 app (bench/bare-react) with the same Vite,
 *    into a temporary directory, and compares the gzip size (node:zlib, level 9, file by file)
 *    of their INITIAL JavaScript: the files named by `<script type="module" src>` and
 *    `<link rel="modulepreload" href>` in the built index.html. Lazily loaded chunks are listed
 *    separately and not counted. Target: app ≤ 1.40 × bare React, the d3 modules the drawing's
 *    geometry uses included (issue 16).
 * 2. Frame rate: serves the built app with `vite preview`, opens it in headless Chromium
 *    (1280×800, no tracing: tracing roughly halves the frame rate) and samples
 *    requestAnimationFrame timestamps in the page for a few seconds: first on the page as it
 *    opens (paused), then after N writes and Play, for N = 200, 1000 and 2000; then the compare
 *    view (`?compare=writethrough`) with 200 writes on each side. Past 200 tokens the app paints
 *    them on a canvas (src/anim/canvas.ts): the page then counts what each repaint painted (an
 *    init script counts the canvas's drawImage calls) instead of reading token nodes.
 * 3. Click to paint: with 999 writes issued, real (CDP) clicks on "O_SYNC write", each timed by
 *    the browser's Event Timing API (the measure behind Interaction to Next Paint: from the
 *    input's timestamp to the next frame presented after its handlers, 8 ms steps, nothing under
 *    16 ms reported). The baseline is clicks on the model-time readout in the same state, which
 *    do nothing. Target: the 1000th write ≤ 16 ms.
 *
 * Timings are only printed: the exit code is 0 whenever the benchmark ran, and non-zero only when
 * it could not run at all (a build failed, the server or the browser would not start).
 *
 * Functions passed to page.evaluate run in the browser, and tsx (esbuild, keepNames) wraps every
 * NAMED function in a `__name(...)` call that does not exist there: inside them, use only inline
 * anonymous arrows, never `function f` or `const f = () => ...`.
 */
import { chromium, type Browser, type Locator, type Page } from "@playwright/test";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, preview, type PreviewServer } from "vite";
import { chromiumLaunchOptions } from "../scripts/chromium";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const APP_CONFIG = join(REPO, "vite.config.ts");
const BARE_CONFIG = join(REPO, "bench/bare-react/vite.config.ts");
/** The two ways to embed that need no server (docs/embedding.md), each one self-contained file. */
const EMBED_BUILDS = [
  { label: "element", config: join(REPO, "vite.element.config.ts"), file: "kvm-cache-diagram.js" },
  {
    label: "single file",
    config: join(REPO, "vite.single.config.ts"),
    file: "kvm-cache-diagram.html",
  },
] as const;

const TARGET_RATIO = 1.4;
const GZIP_LEVEL = 9;
const PREFERRED_PORT = 4179;
const VIEWPORT = { width: 1280, height: 800 };
const SAMPLE_MS = 4000;
/** The frame source's period (60 Hz); an interval over 1.5 periods means frames were dropped. */
const FRAME_MS = 1000 / 60;
const TOKEN_COUNTS = [200, 1000, 2000] as const;
/** The compare view's bar (issue 8): this many writes on each side hold the idle frame rate. */
const COMPARE_WRITES = 200;
/** Click to paint is measured at this write (and the few after it), against a plain click. */
const CLICK_AT_WRITE = 1000;
const CLICKS = 15;
/** 200 tokens "hold" the idle frame rate when within this fraction of it. */
const HOLD_TOLERANCE = 0.05;

const KIB = 1024;
const kib = (bytes: number) => (bytes / KIB).toFixed(1);
const sleep = (ms: number) =>
  new Promise<void>((done) => {
    setTimeout(done, ms);
  });
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An error that means the benchmark cannot run at all (exit code 1). */
class CannotRun extends Error {}

// ---------------------------------------------------------------------------------------------
// 1. Bundle size

interface InitialJs {
  files: { path: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
  lazy: { count: number; gzip: number };
}

async function viteBuild(configFile: string, outDir: string): Promise<void> {
  try {
    await build({
      configFile,
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } catch (error) {
    throw new CannotRun(
      `vite build --config ${relative(REPO, configFile)} failed: ${message(error)}`,
    );
  }
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1];
    if (name !== undefined) attrs.set(name.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** The JS files index.html loads up front: module scripts and modulepreload links. */
function initialScripts(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = attributes(m[2] ?? "");
    const kind = (m[1] ?? "").toLowerCase();
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const url =
      kind === "script" && attrs.get("type") === "module"
        ? attrs.get("src")
        : kind === "link" && rel.includes("modulepreload")
          ? attrs.get("href")
          : undefined;
    if (url !== undefined && url !== "" && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

function measureInitialJs(outDir: string): InitialJs {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const gz = (path: string) => gzipSync(readFileSync(path), { level: GZIP_LEVEL }).length;
  const files = initialScripts(html).map((url) => {
    if (/^([a-z]+:)?\/\//i.test(url)) {
      throw new CannotRun(`index.html loads a script from another origin: ${url}`);
    }
    const clean = url.replace(/[?#].*$/, "");
    const path = resolve(outDir, clean.startsWith("/") ? `.${clean}` : clean);
    return { path: relative(outDir, path), raw: readFileSync(path).length, gzip: gz(path) };
  });
  if (files.length === 0) throw new CannotRun(`${outDir}/index.html loads no module script`);
  const initial = new Set(files.map((f) => f.path));
  const lazyFiles = allFiles(outDir).filter(
    (p) => /\.m?js$/.test(p) && !initial.has(relative(outDir, p)),
  );
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    lazy: { count: lazyFiles.length, gzip: lazyFiles.reduce((sum, p) => sum + gz(p), 0) },
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? allFiles(path) : [path];
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Frame rate

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

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? NaN;
}

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
    median: percentile(intervals, 0.5),
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

/**
 * Past CANVAS_FROM tokens the app paints them on one canvas (src/anim/canvas.ts) instead of a node
 * each: this counts, in the page, what each repaint of that canvas painted (one drawImage per mark
 * shown; a clearRect starts a repaint) and a signature of where, so motion is seen there too. A
 * string, run before the app's scripts (a function would be wrapped in tsx's __name).
 */
const COUNT_PAINTED_MARKS = `(() => {
  const record = { repaints: 0, marks: 0, signature: 0 };
  window.__paintedMarks = record;
  const proto = CanvasRenderingContext2D.prototype;
  const drawImage = proto.drawImage;
  const clearRect = proto.clearRect;
  const ours = (ctx) => ctx.canvas.classList && ctx.canvas.classList.contains("stack-tokens");
  proto.drawImage = function (...args) {
    if (ours(this)) {
      record.marks++;
      record.signature = (record.signature * 31 + args[1] * 7 + args[2]) % 1000000007;
    }
    return drawImage.apply(this, args);
  };
  proto.clearRect = function (...args) {
    if (ours(this)) {
      record.repaints++;
      record.marks = 0;
      record.signature = 0;
    }
    return clearRect.apply(this, args);
  };
})();`;

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

/** Scrolls the diagram's top to the top of the viewport (the app may pause an off-screen diagram). */
async function showDiagram(page: Page): Promise<void> {
  await page.evaluate(async () => {
    document.querySelector('svg[role="img"]')?.scrollIntoView({ block: "start" });
    await new Promise((next) => requestAnimationFrame(next));
  });
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#root main", { timeout: 10_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await showDiagram(page);
  await sleep(500); // let the first renders and any entrance effects settle
}

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** The one button with this accessible name, or why there is none. */
async function findButton(page: Page, name: string): Promise<Locator | string> {
  const matches = button(page, name);
  await matches
    .first()
    .waitFor({ timeout: 3000 })
    .catch(() => undefined);
  const count = await matches.count();
  if (count === 0) return `the app has no '${name}' button yet`;
  if (count > 1) return `the app has ${String(count)} '${name}' buttons`;
  return matches;
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

interface ClickTimes {
  readonly write: number[];
  readonly plain: number[];
  /** From each write's click to the ledger counting it (the panels' deferred render), in ms. */
  readonly ledger: number[];
}

/** Click to paint at the CLICK_AT_WRITE-th write, and for a plain click, in ms (see the header). */
async function clickToPaint(page: Page, url: string): Promise<ClickTimes | string> {
  await openApp(page, url);
  const normal = await findButton(page, "Normal write");
  if (typeof normal === "string") return normal;
  const osync = await findButton(page, "O_SYNC write");
  if (typeof osync === "string") return osync;
  const first = await normal.elementHandle();
  await page.evaluate(
    async ({ a, count }) => {
      for (let i = 0; i < count; i++) {
        a.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
      }
      await new Promise((next) => requestAnimationFrame(next));
      await new Promise((next) => requestAnimationFrame(next));
    },
    { a: first, count: CLICK_AT_WRITE - 1 },
  );
  await first.dispose();
  await sleep(1000); // what loads or settles after the writes
  // The Event Timing API (what Interaction to Next Paint is built on): from the input's
  // timestamp to the frame presented after its handlers ran, in steps of 8 ms; clicks under
  // 16 ms are not reported at all, and count as 16 here (an upper bound).
  await page.evaluate(() => {
    const w = window as unknown as {
      clickDurations: number[];
      clickedAt: number;
      ledgerAfter: number;
    };
    w.clickDurations = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "click") w.clickDurations.push(e.duration);
    }).observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
    // When the ledger (which follows the drawing in a deferred render) counts the new write.
    w.ledgerAfter = NaN;
    document.addEventListener(
      "click",
      (e) => {
        w.clickedAt = e.timeStamp;
      },
      true,
    );
    const ledger = document.querySelector('table[aria-label="Operations"]');
    if (ledger) {
      new MutationObserver(() => {
        w.ledgerAfter = performance.now() - w.clickedAt;
      }).observe(ledger, { attributes: true, attributeFilter: ["aria-rowcount"] });
    }
  });
  const timeClick = async (target: Locator): Promise<{ paint: number; ledger: number }> => {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (!box) throw new Error("the click target has no box");
    await page.evaluate(() => {
      const w = window as unknown as { clickDurations: number[]; ledgerAfter: number };
      w.clickDurations.length = 0;
      w.ledgerAfter = NaN;
    });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await sleep(400); // entries are delivered after the frame is presented
    return page.evaluate(() => {
      const w = window as unknown as { clickDurations: number[]; ledgerAfter: number };
      return { paint: Math.max(16, ...w.clickDurations), ledger: w.ledgerAfter };
    });
  };
  // Beside the buttons, so no scrolling tells the two apart; clicking it does nothing.
  const plainTarget = page.locator(".readout");
  const write: number[] = [];
  const plain: number[] = [];
  const ledger: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    // Alternated, so both see the same machine load.
    plain.push((await timeClick(plainTarget)).paint);
    const clicked = await timeClick(osync.first());
    write.push(clicked.paint);
    if (!Number.isNaN(clicked.ledger)) ledger.push(clicked.ledger);
  }
  return { write, plain, ledger };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
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

// ---------------------------------------------------------------------------------------------

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => {
      done(false);
    });
    probe.listen(port, "127.0.0.1", () => {
      probe.close(() => {
        done(true);
      });
    });
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => {
        done(port);
      });
    });
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "bench-ui-"));
  const appOut = join(work, "app");
  const bareOut = join(work, "bare-react");
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const appProblems: string[] = [];
  try {
    console.log(
      `bench:ui: gzip level ${String(GZIP_LEVEL)} (node:zlib) per file, summed; ` +
        `headless Chromium ${String(VIEWPORT.width)}×${String(VIEWPORT.height)}, ` +
        `${String(SAMPLE_MS / 1000)} s of rAF timestamps per case, no tracing; ` +
        `load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${String(availableParallelism())} cores`,
    );

    // 1. Bundle.
    await viteBuild(APP_CONFIG, appOut);
    await viteBuild(BARE_CONFIG, bareOut);
    const app = measureInitialJs(appOut);
    const bare = measureInitialJs(bareOut);
    const ratio = app.gzip / bare.gzip;
    console.log(
      `bundle: app initial JS ${kib(app.gzip)} KiB gzip, bare React 19 ${kib(bare.gzip)} KiB ` +
        `→ ${ratio.toFixed(3)}× (target ≤ ${TARGET_RATIO.toFixed(2)}×: ` +
        `${ratio <= TARGET_RATIO ? "met" : "NOT met"})`,
    );
    const appFiles = app.files
      .map((f) => `${f.path} ${kib(f.raw)} KiB raw / ${kib(f.gzip)} gzip`)
      .join(", ");
    const lazy =
      app.lazy.count === 0
        ? "no lazy chunks"
        : `+ ${String(app.lazy.count)} lazy chunk(s), ${kib(app.lazy.gzip)} KiB gzip, not counted`;
    console.log(`        app initial: ${appFiles}; ${lazy}`);
    // The embeds carry everything, lazy parts included: compared with the app's whole JS.
    const embeds: string[] = [];
    for (const embed of EMBED_BUILDS) {
      const out = join(work, embed.label.replace(" ", "-"));
      await viteBuild(embed.config, out);
      const bytes = readFileSync(join(out, embed.file));
      const gzip = gzipSync(bytes, { level: GZIP_LEVEL }).length;
      embeds.push(`${embed.label} ${embed.file} ${kib(bytes.length)} KiB raw / ${kib(gzip)} gzip`);
    }
    console.log(
      `embeds: ${embeds.join(", ")}; the app's JS in all: ${kib(app.gzip + app.lazy.gzip)} KiB gzip`,
    );

    // 2. Frames.
    const port = (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : await anyFreePort();
    try {
      server = await preview({
        configFile: APP_CONFIG,
        logLevel: "warn",
        build: { outDir: appOut },
        preview: { host: "127.0.0.1", port, strictPort: true, open: false },
      });
    } catch (error) {
      throw new CannotRun(`vite preview on port ${String(port)} failed: ${message(error)}`);
    }
    const url = `http://127.0.0.1:${String(port)}/`;

    const { executablePath, args } = chromiumLaunchOptions;
    try {
      browser = await chromium.launch({ executablePath, headless: true, args });
    } catch (error) {
      throw new CannotRun(`Chromium (${executablePath}) would not start: ${message(error)}`);
    }
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(COUNT_PAINTED_MARKS);
    const page = await context.newPage();
    page.on("pageerror", (error) => {
      appProblems.push(`page error: ${error.message}`);
    });
    page.on("console", (msg) => {
      if (msg.type() === "error") appProblems.push(`console error: ${msg.text()}`);
    });

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
        appProblems.push(...appChecks(label, n, run));
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

    try {
      const clicks = await clickToPaint(page, url);
      if (typeof clicks === "string") {
        console.log(`click to paint: skipped: ${clicks}`);
      } else {
        const write = quantile(clicks.write, 0.5);
        const ms = (v: number) => (v <= 16 ? "≤ 16 ms" : `${v.toFixed(0)} ms`);
        console.log(
          `click to paint (Event Timing): writes ${String(CLICK_AT_WRITE)}–` +
            `${String(CLICK_AT_WRITE + CLICKS - 1)}: median ${ms(write)}, ` +
            `p90 ${ms(quantile(clicks.write, 0.9))}; a click that does nothing (baseline): ` +
            `median ${ms(quantile(clicks.plain, 0.5))}, p90 ${ms(quantile(clicks.plain, 0.9))} ` +
            `(target ≤ 16 ms: ${write <= 16 ? "met" : "NOT met"})`,
        );
        console.log(
          clicks.ledger.length > 0
            ? `        the ledger (a deferred render) counts the new write after a median ` +
                `${quantile(clicks.ledger, 0.5).toFixed(0)} ms, p90 ` +
                `${quantile(clicks.ledger, 0.9).toFixed(0)} ms`
            : "        the ledger's update was not seen (no table named Operations)",
        );
      }
    } catch (error) {
      console.log(`click to paint: failed: ${message(error)}`);
    }

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

    const unique = [...new Set(appProblems)];
    for (const problem of unique.slice(0, 10)) console.log(`app: ${problem}`);
    if (unique.length > 10) console.log(`app: ... and ${String(unique.length - 10)} more`);
    console.log(`ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    console.error(`bench:ui could not run: ${error.message}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    console.error("bench:ui could not run:", error);
    process.exit(1);
  },
);
