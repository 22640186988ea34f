import { expect, type Page } from "@playwright/test";

/**
 * Opens the app with the page's clock under the test's control (requestAnimationFrame and
 * performance.now included), so playback advances only when the test says so.
 */
export async function openPaused(
  page: Page,
  search = "",
  { ledger = true }: { readonly ledger?: boolean } = {},
): Promise<void> {
  const start = new Date("2026-01-01T00:00:00Z");
  await page.clock.install({ time: start });
  await page.goto(`./${search}`);
  await expect(page.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  // Installed time still flows with the wall clock; pausing it makes every step the test's own.
  // On a busy machine more than a second may have passed by now: pause a little later then
  // (pausing in the page's past is refused).
  for (const aheadMs of [1_000, 10_000, 60_000]) {
    const paused = await page.clock
      .pauseAt(new Date(start.getTime() + aheadMs))
      .then(() => true)
      .catch(() => false);
    if (paused) break;
  }
  // What loads after the first view (the ledger) is revealed on React's own timer: run it now,
  // or a test that only steps (never runs the clock) would wait for a ledger that never shows.
  // (Presenter mode shows no ledger.)
  if (ledger) await revealBelowStage(page);
}

export interface Sample {
  readonly layer: string | null;
  readonly path: string | null;
  readonly transform: string | null;
}

/** Advances playback in 40 ms steps until `done`, recording op `op`'s token at every step. */
export async function playUntil(
  page: Page,
  op: number,
  done: () => Promise<boolean>,
  maxSteps = 600,
): Promise<Sample[]> {
  const token = page.locator(`svg .token[data-op="${String(op)}"]`);
  const samples: Sample[] = [];
  for (let step = 0; step < maxSteps; step++) {
    await page.clock.runFor(40);
    samples.push(
      await token.evaluate((el) => ({
        layer: el.getAttribute("data-layer"),
        path: el.getAttribute("data-path"),
        transform: el.getAttribute("transform"),
      })),
    );
    if (await done()) return samples;
  }
  throw new Error(`op ${String(op)} did not finish within ${String(maxSteps)} steps`);
}

/** The distinct coloured arrows a token travelled, in order. */
export function pathsOf(samples: readonly Sample[]): string[] {
  const paths: string[] = [];
  for (const s of samples) if (s.path && paths.at(-1) !== s.path) paths.push(s.path);
  return paths;
}

/** The ledger's row of op index `op`: the page numbers it `op + 1` (writes count from 1). */
export function ledgerRow(page: Page, op: number) {
  return page
    .getByRole("table", { name: "Operations" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: String(op + 1), exact: true }) });
}

/** Issues `writes` at t = 0, plays until every one is acknowledged, pauses and cuts the power. */
export async function cutPowerOnceAcked(page: Page, writes: readonly string[]): Promise<void> {
  for (const name of writes) await page.getByRole("button", { name, exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const acks = page
    .getByRole("table", { name: "Operations" })
    .getByRole("cell", { name: /^returned/ });
  await playUntil(page, 0, async () => (await acks.count()) === writes.length);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
}

/**
 * Waits for what loads after the first view (the timeline, the ledger and the tables below the
 * stage): React reveals it on a timer of its own, and the page's clock is the test's. Playback
 * stays paused, so model time does not move.
 */
export async function revealBelowStage(page: Page): Promise<void> {
  // The timeline under the drawing is a lazy part of its own: its placeholder is an empty
  // div.timeline, the real one holds the slider named "Time".
  const timelinePending = async () =>
    (await page.locator("div.timeline").count()) >
    (await page.getByRole("slider", { name: "Time" }).count());
  await expect
    .poll(
      async () => {
        await page.clock.runFor(50);
        const ledger = await page.getByRole("table", { name: "Operations", exact: true }).count();
        return ledger === 1 && !(await timelinePending());
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/**
 * Runs the page's paused clock in small steps until `ready` holds: what loads lazily (a tour, a
 * panel) is revealed by React on timers of its own.
 */
export async function pumpUntil(page: Page, ready: () => Promise<boolean>, steps = 200) {
  for (let i = 0; i < steps; i++) {
    if (await ready()) return;
    await page.clock.runFor(50);
  }
  throw new Error(`not ready after ${String(steps)} steps of the page's clock`);
}

/**
 * Waits until the panels under the stage show the playhead the drawing shows: they follow the
 * drawing in a deferred render (src/ui/app/useDiagram.ts, useDiagramLater), a frame or so later.
 */
export async function caughtUp(page: Page): Promise<void> {
  const now = (await page.locator(".readout .clock").textContent()) ?? "";
  await expect(page.getByRole("table", { name: "If it failed now" }).locator("caption")).toHaveText(
    `If it failed now, at ${now}`,
  );
}
