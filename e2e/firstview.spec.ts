/**
 * A first view that answers (issue 17, items 7 and 8): at 1280×800 and 1024×768 the verdict and
 * the event line stay in view whatever is opened, the event line is never cut, the top bar's
 * Tours, Presenter mode, Compare, Import and Share are on the first screen, Compare shows what it
 * opened with a verdict on each side, an off button says why when pressed, and axe finds nothing
 * (WCAG 2.2 AA, target size included) in the default, compare, presenter and embed views.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openPaused, pumpUntil } from "./helpers";

const DESKTOPS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** Whether `locator` lies wholly inside the window (as a reader sees it, scrolled as it is). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const { width, height } = await page.evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
  }));
  return (
    box !== null &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= height &&
    box.x + box.width <= width
  );
}

const verdict = (page: Page) =>
  page.getByRole("region", { name: "Verdict", exact: true }).locator("[data-verdict]");
const eventLine = (page: Page) => page.locator(".event");
const TOP_BAR = [
  /^Tours$/,
  /^Presenter mode$/,
  /^Compare$/,
  /^Import VM configuration$/,
  /^Share$/,
];

for (const viewport of DESKTOPS) {
  const at = `${String(viewport.width)}×${String(viewport.height)}`;

  test(`at ${at} the top bar's buttons are on the first screen, and with Faults open the verdict and the event line stay in view, the controls scrolled or not`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openPaused(page, "?mode=none&barriers=on");
    for (const name of TOP_BAR) {
      const button = page.getByRole("button", { name });
      await pumpUntil(page, () => button.isVisible());
      expect(await inView(page, button), String(name)).toBe(true);
    }
    await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
    await page.getByText(/^Faults:/).click();
    await expect(page.getByRole("checkbox", { name: "Drive ignores flushes" })).toBeVisible();
    await expect(verdict(page)).toHaveAttribute("data-verdict", "safe");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await inView(page, verdict(page))).toBe(true);
    expect(await inView(page, eventLine(page))).toBe(true);
    // The controls' column scrolls on its own: to its end and back, the two stay put.
    const column = page.locator(".side-controls");
    for (const to of ["end", "start"] as const) {
      await column.evaluate((el, where) => {
        el.scrollTop = where === "end" ? el.scrollHeight : 0;
      }, to);
      expect(await inView(page, verdict(page)), to).toBe(true);
      expect(await inView(page, eventLine(page)), to).toBe(true);
    }
    // The tours are listed under their button, each opens its tour.
    await page.getByRole("button", { name: "Tours", exact: true }).click();
    const tour = page.getByRole("button", { name: "Tour: The article's argument" });
    expect(await inView(page, tour)).toBe(true);
    await tour.click();
    await pumpUntil(page, () => page.getByRole("region", { name: "Tour" }).isVisible());
    await expect(tour).toBeHidden();
    // A control the keyboard reaches under the pinned event line and verdict is scrolled clear
    // of them, not hidden behind them (WCAG 2.2, 2.4.11): Tab from the one before it.
    const pinned = page.locator(".pinned");
    await page.getByRole("button", { name: "Guest crash" }).focus();
    await page.keyboard.press("Tab");
    const worst = page.getByRole("button", { name: "Power loss at the worst moment" });
    await expect(worst).toBeFocused();
    const [focused, cover] = [await worst.boundingBox(), await pinned.boundingBox()];
    expect((focused?.y ?? Infinity) + (focused?.height ?? 0)).toBeLessThanOrEqual(cover?.y ?? 0);
    expect(await inView(page, worst)).toBe(true);
  });
}

test("the event line is never cut: a power loss at the worst moment among many writes, every word shows", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // unsafe: every synced write returns from the host page cache, so the power loss takes writes
  // the application was told were durable, and the line says how many, and more.
  await openPaused(page, "?mode=unsafe&barriers=on");
  await page.getByRole("button", { name: "Burst: 10 O_SYNC writes" }).click();
  for (const name of ["Normal write", "O_DIRECT write", "Barrier"])
    await page.getByRole("button", { name, exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.clock.runFor(3_000);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss at the worst moment" }).click();
  const line = eventLine(page);
  await expect(line).toContainText("had been promised durable");
  await expect(line).toContainText("(At the worst moment so far.)");
  const fit = await line.evaluate((el) => ({
    scroll: el.scrollHeight,
    client: el.clientHeight,
    overflow: getComputedStyle(el).overflowY,
  }));
  expect(fit.scroll, JSON.stringify(fit)).toBeLessThanOrEqual(fit.client);
  expect(await inView(page, line)).toBe(true);
  expect(await inView(page, verdict(page))).toBe(true);
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const) {
  test(`at ${String(viewport.width)}×${String(viewport.height)} Compare brings the compared diagram into view, each side with its verdict in words`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    // unsafe beside (by default) writeback, both with barriers: one ✘, one ✔.
    await openPaused(page, "?mode=unsafe&barriers=on");
    const open = page.getByRole("button", { name: "Compare", exact: true });
    await pumpUntil(page, () => open.isVisible());
    await open.click();
    const compared = page.getByRole("region", { name: "Compared configuration" });
    const drawing = compared.getByRole("group", { name: /Storage stack/ });
    await pumpUntil(page, () => drawing.isVisible());
    await expect(compared).toBeFocused();
    await expect.poll(() => inView(page, drawing)).toBe(true);
    // Two verdicts, one per side, each with its mark and its words.
    const verdicts = page.locator("[data-verdict]");
    await expect(verdicts).toHaveCount(2);
    await expect(
      page.getByRole("region", { name: "This configuration" }).locator("[data-verdict]"),
    ).toHaveText(/^✘ \w+/);
    await expect(
      compared
        .getByRole("region", { name: "Verdict under cache=writeback (compared)" })
        .locator("[data-verdict]"),
    ).toHaveText(/^✔ \w+/);
    // Its numbers before any write: words, never "median none" (none is a cache mode).
    await expect(compared.getByRole("definition").first()).toHaveText("no writes yet");
    await expect(page.getByText(/median none/)).toHaveCount(0);
  });
}

test("an off failure button, pressed before any write, says why, and strikes nothing", async ({
  page,
}) => {
  await openPaused(page, "?mode=writeback&barriers=on");
  const power = page.getByRole("button", { name: "Power loss", exact: true });
  await expect(power).toHaveAccessibleDescription(/^Issue a write first/);
  // Focusable while off: the keyboard reaches it, and Enter says why.
  await power.focus();
  await expect(power).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(".why-off")).toHaveText(
    "Issue a write first: a failure strikes the writes in flight.",
  );
  await expect(page.getByText("Power lost.")).toHaveCount(0);
  for (const name of ["Step back", "Step forward", "Reset", "Undo failure"])
    await expect(page.getByRole("button", { name, exact: true }), name).toHaveAccessibleDescription(
      /\w/,
    );
});

test("the key draws each token's shape whole", async ({ page }) => {
  await openPaused(page);
  const keys = page.locator("svg.token-key");
  await expect(keys).toHaveCount(4);
  for (const key of await keys.all()) {
    const [svg, path] = await key.evaluate((el) => {
      const p = el.querySelector("path");
      const r = el.getBoundingClientRect();
      const q = p?.getBoundingClientRect();
      const stroke = p ? parseFloat(getComputedStyle(p).strokeWidth) : 0;
      const scale = r.width / (el as SVGSVGElement).viewBox.baseVal.width;
      const half = (stroke * scale) / 2;
      return [
        { l: r.left, t: r.top, r: r.right, b: r.bottom },
        {
          l: (q?.left ?? 0) - half,
          t: (q?.top ?? 0) - half,
          r: (q?.right ?? 0) + half,
          b: (q?.bottom ?? 0) + half,
        },
      ];
    });
    expect(path.l).toBeGreaterThanOrEqual(svg.l - 0.01);
    expect(path.t).toBeGreaterThanOrEqual(svg.t - 0.01);
    expect(path.r).toBeLessThanOrEqual(svg.r + 0.01);
    expect(path.b).toBeLessThanOrEqual(svg.b + 0.01);
  }
});

const WCAG22 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

for (const view of [
  { name: "default, Faults and the assumptions open", search: "?mode=writeback&barriers=on" },
  { name: "compare", search: "?mode=writeback&barriers=on&compare=none" },
  { name: "presenter", search: "?present=1&tour=article" },
  { name: "embed", search: "?embed=1" },
  { name: "phone", search: "?mode=writeback&barriers=on", phone: true },
]) {
  test(`axe, target size included (WCAG 2.2 AA): no violation in the ${view.name} view`, async ({
    page,
  }) => {
    if (view.phone) await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./${view.search}`);
    await expect(page.getByRole("group", { name: /Storage stack/ }).first()).toBeVisible();
    if (view.search.includes("compare"))
      await expect(page.locator("[data-verdict]")).toHaveCount(2);
    if (!view.search.includes("present") && !view.search.includes("embed")) {
      await expect(page.getByRole("button", { name: "Share", exact: true })).toBeVisible();
      await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
      if (!view.search.includes("compare")) {
        await page.getByText(/^Faults:/).click();
        await page.getByText("Why, and what this assumes").click();
      }
    }
    if (view.search.includes("tour"))
      await expect(page.getByRole("region", { name: "Tour" })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG22).analyze();
    expect(results.violations).toEqual([]);
  });
}
