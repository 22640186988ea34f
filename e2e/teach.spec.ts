/**
 * Teaching with it (issue 9): the guided tours play every step to its moment and the page then
 * shows what the step's claims say (the same claims src/tours/tours.test.ts checks against the
 * model); deep links land on their step; predict-then-reveal scores; presenter mode's keys do
 * what they say, never scroll, never change the configuration, and its type is large enough
 * for the back of a classroom.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { validateTour, type Claim, type TourDoc } from "../src/tours/schema";
import { inLayer } from "../src/text/vocabulary";
import { ledgerRow, openPaused, pumpUntil } from "./helpers";
import { tourProblemLine } from "../src/text/scenario";

function tour(id: string): TourDoc {
  const text = readFileSync(new URL(`../src/tours/${id}.json`, import.meta.url), "utf8");
  const result = validateTour(JSON.parse(text));
  if (!result.ok) throw new Error(tourProblemLine(result.problem));
  return result.tour;
}

const TOURS = [tour("article"), tour("beyond")];

/** Runs the page's clock until the playhead rests at `atMs`. */
async function runTo(page: Page, atMs: number): Promise<void> {
  const time = page.getByRole("slider", { name: "Time" });
  for (let i = 0; i < 400; i++) {
    if (Number(await time.getAttribute("aria-valuenow")) === atMs) break;
    await page.clock.runFor(250);
  }
  expect(Number(await time.getAttribute("aria-valuenow"))).toBe(atMs);
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
}

/** Opens the page (paused) and waits for the tour's panel to show `text`. */
async function openTour(page: Page, search: string, text: string, ledger = true) {
  await openPaused(page, search, { ledger });
  const panel = page.getByRole("region", { name: "Tour" });
  await pumpUntil(page, async () => ((await panel.textContent()) ?? "").includes(text));
  return panel;
}

/** Waits, running the page's clock, for `text` to show in `panel`. */
async function panelSays(page: Page, panel: ReturnType<Page["getByRole"]>, text: string) {
  await pumpUntil(page, async () => ((await panel.textContent()) ?? "").includes(text));
}

/** What the ledger must say for one claim about a write (claims about counts: the unit test). */
async function shows(page: Page, claim: Claim): Promise<void> {
  if (!("write" in claim) || ("crash" in claim && claim.crash !== undefined)) return;
  const row = ledgerRow(page, claim.write);
  if ("ackedIn" in claim) await expect(row).toContainText(`, ${inLayer(claim.ackedIn)}`);
  if ("acked" in claim) {
    if (claim.acked) await expect(row).toContainText("returned at");
    else await expect(row).not.toContainText("returned at");
  }
  if ("durableBy" in claim) {
    if (claim.durableBy) await expect(row).toContainText("durable at");
    else await expect(row).not.toContainText("durable at");
  }
  if ("survives" in claim)
    await expect(row).toContainText(claim.survives ? "✔ survived" : "✘ lost");
}

for (const doc of TOURS) {
  test(`tour ${doc.id}: every step plays to its moment and the ledger says what its narration claims`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    for (const [index, step] of doc.steps.entries()) {
      const panel = await openTour(
        page,
        `?tour=${doc.id}&step=${String(index + 1)}`,
        `Step ${String(index + 1)} of ${String(doc.steps.length)}`,
      );
      await expect(panel).toContainText(step.narration);
      await runTo(page, step.at);
      if (step.predict) {
        // Before Reveal the ledger says nothing of survival.
        await expect(page.getByRole("table", { name: "Operations" })).not.toContainText("survived");
        await expect(page.getByRole("table", { name: "Operations" })).not.toContainText("✘ lost");
        await panel.getByRole("button", { name: "Reveal" }).click();
      }
      for (const claim of step.expect ?? []) await shows(page, claim);
    }
    expect(errors).toEqual([]);
  });
}

test("a deep link lands on its step, Next and Previous move, and the link follows", async ({
  page,
}) => {
  const panel = await openTour(page, "?tour=article&step=3", "Step 3 of 8: none: the gray arrow");
  await expect(page.getByRole("radio", { name: "none" })).toBeChecked();
  await panel.getByRole("button", { name: "Next" }).click();
  await expect(panel).toContainText("Step 4 of 8");
  await expect(page.getByRole("radio", { name: "writethrough" })).toBeChecked();
  await expect.poll(() => new URL(page.url()).searchParams.get("step")).toBe("4");
  await panel.getByRole("button", { name: "Previous" }).click();
  await panel.getByRole("button", { name: "Previous" }).click();
  await expect(panel).toContainText("Step 2 of 8");
  // The chapter list goes anywhere.
  await panel.getByText("Chapters").click();
  await panel.getByRole("button", { name: "What to choose today" }).click();
  await expect(panel).toContainText("Step 8 of 8");
  await expect(panel.getByRole("button", { name: "Next" })).toBeDisabled();
  // A bad step is named, and the tour opens at its first.
  await openTour(page, "?tour=article&step=zero", "Step 1 of 8");
  await expect(page.getByText(/“step” is not valid/)).toBeVisible();
  // One past the end opens the last, and says so.
  await openTour(page, "?tour=article&step=999", "Step 8 of 8");
  await expect(page.getByText(/“step” is not valid \(the tour has 8 steps\)/)).toBeVisible();
});

test("predict, then reveal: the answer is counted, large, and the wiped layers are marked", async ({
  page,
}) => {
  const doc = TOURS[0];
  const index = doc?.steps.findIndex((s) => s.predict) ?? -1;
  const step = doc?.steps[index];
  if (!step) throw new Error("the article tour has a prediction step");
  const panel = await openTour(page, `?tour=article&step=${String(index + 1)}`, "Reveal");
  await runTo(page, step.at);
  // One checkbox per data-carrying write, named with the ledger's number (from 1).
  for (const write of [1, 2, 3]) {
    await expect(panel.getByRole("checkbox", { name: `#${String(write)} survives` })).toBeVisible();
  }
  await panel.getByRole("checkbox", { name: "#1 survives" }).check();
  await panel.getByRole("button", { name: "Reveal" }).click();
  // All three O_SYNC writes had returned, and all three are gone: 2 of 3 predicted right.
  await expect(panel.getByRole("status")).toContainText("3 writes promised durable are gone.");
  await expect(panel.getByRole("status")).toContainText("You got 2 of 3 right.");
  await expect(panel.getByRole("checkbox", { name: "#1 survives" })).toBeDisabled();
  const wiped = page.locator('svg .box[data-wiped="true"]');
  // Guest application, guest page cache, guest filesystem, virtual disk, QEMU, host page cache,
  // disk cache.
  await expect(wiped).toHaveCount(7);
  await expect(page.locator('svg .box[data-layer="platters"]')).not.toHaveAttribute(
    "data-wiped",
    "true",
  );
  const size = await panel
    .locator(".answer-headline")
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(22);
});

/** The rendered size in px of every text in the drawing, and of the box titles. */
async function typeSizes(page: Page) {
  return page.locator("svg.stack").evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    const size = (el: Element) => Number(el.getAttribute("font-size")) * scale;
    const all = [...svg.querySelectorAll("text")].filter((t) => t.getAttribute("font-size"));
    return {
      smallest: Math.min(...all.map(size)),
      titles: Math.min(...[...svg.querySelectorAll(".box-title")].map(size)),
    };
  });
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`presenter mode at ${String(viewport.width)}×${String(viewport.height)}: large type, the whole stack, no scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openPaused(page, "?mode=writeback&barriers=off&ops=osync@0");
    const enter = page.getByRole("button", { name: "Presenter mode" });
    await pumpUntil(page, () => enter.isVisible());
    await enter.click();
    const exit = page.getByRole("button", { name: "Exit presenter mode" });
    await pumpUntil(page, () => exit.isVisible());
    const { smallest, titles } = await typeSizes(page);
    // The drawing gives the event line its room under it (and a tour's caption above it).
    expect(titles).toBeGreaterThanOrEqual(viewport.width > 1024 ? 24 : 20);
    expect(smallest).toBeGreaterThanOrEqual(14);
    // The whole stack and its clock are on screen, and the page cannot scroll.
    const stack = await page.locator("svg.stack").boundingBox();
    expect((stack?.y ?? 0) + (stack?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    await expect(page.locator("figcaption.readout")).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      viewport.height,
    );
  });
}

test("presenter keys: a clicker steps the tour, nothing scrolls or changes the configuration; ? lists the keys; Escape leaves", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const panel = await openTour(page, "?present=1&tour=article&step=1", "Step 1 of 8", false);
  const steps: [string, string][] = [
    ["PageDown", "Step 2 of 8"],
    ["ArrowRight", "Step 3 of 8"],
    [" ", "Step 4 of 8"],
    ["PageDown", "Step 5 of 8"],
    ["PageUp", "Step 4 of 8"],
    ["ArrowLeft", "Step 3 of 8"],
  ];
  for (const [key, shown] of steps) {
    await page.keyboard.press(key === " " ? "Space" : key);
    await panelSays(page, panel, shown);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  }
  // Step 3 is cache=none: the arrows and Home/End change nothing, even with a button focused.
  await page.getByRole("button", { name: "Close tour" }).focus();
  for (const key of ["ArrowUp", "ArrowDown", "Home", "End"]) await page.keyboard.press(key);
  await expect(page.locator(".configuration-line")).toContainText("cache=none");
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.keyboard.press("?");
  await expect(page.getByText("show or hide these keys")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Exit presenter mode" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "KVM cache modes" })).toBeVisible();
});

test("presenter mode without a tour: the clicker steps through time", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openPaused(page, "?present=1&mode=none&ops=osync@0", { ledger: false });
  // Presenter mode's keys arrive with its code, a moment after the first view.
  const exit = page.getByRole("button", { name: "Exit presenter mode" });
  await pumpUntil(page, () => exit.isVisible());
  const readout = page.locator("figcaption.readout .clock");
  const before = await readout.textContent();
  await page.keyboard.press("PageDown");
  await expect(readout).not.toHaveText(before ?? "");
  await page.keyboard.press("PageUp");
  await expect(readout).toHaveText(before ?? "");
});

test("axe: no WCAG A/AA violation with a tour open, and in presenter mode after a reveal", async ({
  page,
}) => {
  await openTour(page, "?tour=beyond&step=2", "Step 2 of 7");
  // axe waits on timers of its own: let the page's clock run.
  await page.clock.resume();
  const open = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(open.violations).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  const panel = await openTour(page, "?present=1&tour=article&step=6", "Reveal", false);
  await panel.getByRole("button", { name: "Reveal" }).click();
  await pumpUntil(page, () => panel.getByRole("status").isVisible());
  await page.keyboard.press("?");
  await page.clock.resume();
  const presenting = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(presenting.violations).toEqual([]);
});

test("in the free view, 'Predict before a failure' asks first, then reveals at that moment", async ({
  page,
}) => {
  await openPaused(page, "?mode=writeback&barriers=off&ops=osync@0,normal@0&t=1");
  const toggle = page.getByRole("checkbox", { name: "Predict before a failure" });
  await pumpUntil(page, () => toggle.isVisible());
  await toggle.check();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  const panel = await (async () => {
    const region = page.getByRole("region", { name: "Tour" });
    await pumpUntil(page, async () => ((await region.textContent()) ?? "").includes("Reveal"));
    return region;
  })();
  await expect(panel).toContainText("Your prediction");
  await runTo(page, 1);
  // Nothing has struck yet, and the ledger says nothing of survival.
  await expect(page.getByRole("table", { name: "Operations" })).not.toContainText("survived");
  await panel.getByRole("checkbox", { name: "#2 survives" }).check();
  await panel.getByRole("button", { name: "Reveal" }).click();
  // Without barriers both had returned by 1 ms; a power loss destroys both.
  await expect(panel.getByRole("status")).toContainText("1 write promised durable is gone.");
  await expect(panel.getByRole("status")).toContainText("You got 1 of 2 right.");
  await expect(ledgerRow(page, 0)).toContainText("✘ lost");
  // A prediction has no link of its own: the address carries the failure, not a tour.
  await expect.poll(() => new URL(page.url()).searchParams.get("crash")).toBe("power@1");
  expect(new URL(page.url()).searchParams.has("tour")).toBe(false);
});

/** Opens presenter mode at a tour's step, at `viewport`, paused. */
async function presentStep(
  page: Page,
  viewport: { width: number; height: number },
  search: string,
) {
  await page.setViewportSize(viewport);
  const step = /step=(\d+)/.exec(search)?.[1] ?? "1";
  return openTour(page, `?present=1&${search}`, `Step ${step} of`, false);
}

for (const step of [1, 2, 6]) {
  test(`presenter mode at 1024×768, article step ${String(step)}: the caption and the event line large, whole, nothing scrolls`, async ({
    page,
  }) => {
    await presentStep(page, { width: 1024, height: 768 }, `tour=article&step=${String(step)}`);
    const doc = TOURS[0];
    const caption = page.locator(".stage-caption");
    await expect(caption).toHaveText(doc?.steps[step - 1]?.caption ?? "?");
    // Mid-step, then at its moment (a failure's verdict is the longest the line says).
    for (const ms of [700, 30_000]) {
      await page.clock.runFor(ms);
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      expect(await caption.evaluate(px)).toBeGreaterThanOrEqual(28);
      const event = page.locator(".event");
      await expect(event).not.toHaveText("");
      expect(await event.evaluate(px)).toBeGreaterThanOrEqual(24);
      await expect(event).toBeInViewport({ ratio: 1 });
      await expect(caption).toBeInViewport({ ratio: 1 });
      // Nothing clipped inside it either.
      expect(await event.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
      const size = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
      }));
      expect(size.height).toBeLessThanOrEqual(768);
      expect(size.width).toBeLessThanOrEqual(1024);
      await expect(page.locator("svg.stack")).toBeInViewport({ ratio: 1 });
    }
  });
}

for (const viewport of [
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
]) {
  test(`presenter mode on a portrait ${String(viewport.width)}×${String(viewport.height)} screen: no sideways overflow, the tour in view and reachable`, async ({
    page,
  }) => {
    const panel = await presentStep(page, viewport, "tour=article&step=6");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await expect(page.locator("svg.stack")).toBeInViewport({ ratio: 1 });
    await expect(panel).toBeInViewport();
    // Its column scrolls on its own: Reveal can be reached.
    const reveal = panel.getByRole("button", { name: "Reveal" });
    await reveal.scrollIntoViewIfNeeded();
    await expect(reveal).toBeInViewport({ ratio: 1 });
  });
}

test("predict, then reveal, from a clicker: PageDown reveals, then moves on; PageUp keeps the answers", async ({
  page,
}) => {
  const panel = await presentStep(page, { width: 1024, height: 768 }, "tour=article&step=6");
  const clock = page.locator("figcaption.readout .clock");
  await pumpUntil(page, async () => (await clock.textContent()) === "25.000000 s", 400);
  const ask = panel.getByRole("checkbox", { name: "#1 survives" });
  await ask.check();
  // Options large enough for a show of hands.
  const px = await ask.evaluate((el) =>
    parseFloat(getComputedStyle(el.closest("label") ?? el).fontSize),
  );
  expect(px).toBeGreaterThanOrEqual(24);
  await expect(panel.getByRole("status")).toHaveCount(0);
  await page.keyboard.press("PageDown");
  await expect(panel.getByRole("status")).toContainText("You got 2 of 3 right.");
  await expect(panel).toContainText("Step 6 of 8");
  await page.keyboard.press("PageDown");
  await panelSays(page, panel, "Step 7 of 8");
  await page.keyboard.press("PageUp");
  await panelSays(page, panel, "Step 6 of 8");
  // The answer stands, at once: ticks kept, the failure struck, not played again from 0.
  await expect(ask).toBeChecked();
  await expect(panel.getByRole("status")).toContainText("You got 2 of 3 right.");
  await expect(clock).toHaveText("25.000000 s");
});

test("a prediction gives nothing away before Reveal: the done flag and the danger zone wait", async ({
  page,
}) => {
  const panel = await openTour(page, "?tour=beyond&step=6", "Reveal");
  await runTo(page, 50);
  await expect(page.locator("[data-done-flag]")).toBeHidden();
  await expect(page.locator("[data-danger-zone]")).toBeHidden();
  await panel.getByRole("button", { name: "Reveal" }).click();
  await expect(page.locator("[data-done-flag]")).toBeVisible();
  await expect(page.locator("[data-danger-zone]")).toBeVisible();
  // The article's step 6 asks first, and says the rule only once the answer is out.
  const article = await openTour(page, "?tour=article&step=6", "Reveal");
  await expect(article).not.toContainText("30 s");
  await article.getByRole("button", { name: "Reveal" }).click();
  await expect(article).toContainText("dirty for 30 s");
});

test("presenter action keys: W, S, F issue writes, B plays and pauses, + speeds up, X cuts the power", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openPaused(page, "?present=1&mode=writeback", { ledger: false });
  const exit = page.getByRole("button", { name: "Exit presenter mode" });
  await pumpUntil(page, () => exit.isVisible());
  const event = page.locator(".event");
  await page.keyboard.press("s");
  await expect(event).toContainText("#1 O_SYNC write");
  await page.keyboard.press("w");
  await expect(event).toContainText("#2 Normal write");
  await page.keyboard.press("f");
  await expect(event).toContainText("1 more");
  await page.keyboard.press("+");
  await expect(page.getByRole("combobox", { name: "Speed" })).toHaveValue("2");
  await page.keyboard.press("b");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.clock.runFor(300);
  await page.keyboard.press("b");
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  await page.keyboard.press("x");
  await expect(event).toContainText(/power/i);
  await expect(page.getByRole("button", { name: "Undo failure" })).toBeEnabled();
  await page.keyboard.press("?");
  await expect(page.getByText("power loss now")).toBeVisible();
});

test("the speaker notes window follows the presenter's step, and its keys move the presenter", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("./?present=1&tour=article&step=1");
  const panel = page.getByRole("region", { name: "Tour" });
  await expect(panel).toContainText("Step 1 of 8");
  const [notes] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("n")]);
  const doc = TOURS[0];
  await expect(notes.locator(".notes-narration")).toHaveText(doc?.steps[0]?.narration ?? "?");
  expect(new URL(notes.url()).pathname).toBe(new URL(page.url()).pathname);
  await page.keyboard.press("PageDown");
  await expect(notes.locator(".notes-narration")).toHaveText(doc?.steps[1]?.narration ?? "?");
  await expect(notes.locator(".notes-next")).toContainText(doc?.steps[2]?.title ?? "?");
  // The clicker pointed at the notes window still moves the room's.
  await notes.keyboard.press("PageDown");
  await expect(panel).toContainText("Step 3 of 8");
  await expect(notes.locator(".notes-narration")).toHaveText(doc?.steps[2]?.narration ?? "?");
  const axe = await new AxeBuilder({ page: notes })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations).toEqual([]);
});
