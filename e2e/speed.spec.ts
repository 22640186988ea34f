/**
 * The speed half of the article: a burst of ten O_SYNC writes from one thread, and the latency
 * chart of the model's acknowledgement and durable times (issue 8, item 4).
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ledgerRow, openPaused, revealBelowStage } from "./helpers";

async function burst(page: Page, search: string): Promise<Locator> {
  await openPaused(page, search);
  await page.getByRole("button", { name: "Burst: 10 O_SYNC writes" }).click();
  await revealBelowStage(page);
  return page.getByRole("img", { name: /^Latency/ });
}

const ms = async (chart: Locator, what: "ack" | "durable") =>
  Number(await chart.getAttribute(`data-median-${what}-ms`));

const issuedAt = (page: Page, i: number) => ledgerRow(page, i).getByRole("cell").nth(2);

test("a burst issues ten O_SYNC writes, each when the previous one returned", async ({ page }) => {
  const chart = await burst(page, "?mode=writethrough&barriers=on");
  await expect(chart).toHaveAccessibleName(/last 10 writes/);
  for (let i = 0; i < 10; i++) await expect(ledgerRow(page, i)).toContainText("O_SYNC");
  await expect(issuedAt(page, 0)).toHaveText("0 µs");
  // writethrough: each returns once on the platters (14 ms, an estimate), then the next starts.
  await expect(issuedAt(page, 1)).toHaveText(/^14\.\d+ ms$/);
  await expect(issuedAt(page, 2)).toHaveText(/^28\.\d+ ms$/);
});

test("the latency chart: writethrough waits for the platters", async ({ page }) => {
  const chart = await burst(page, "?mode=writethrough&barriers=on");
  expect(await ms(chart, "ack")).toBeGreaterThan(10);
  expect(await ms(chart, "durable")).toBe(await ms(chart, "ack"));
  await expect(page.getByText(/the latencies are the model's estimates/)).toBeVisible();
});

test("the latency chart: writeback without barriers returns at once and is durable half a minute later", async ({
  page,
}) => {
  const chart = await burst(page, "?mode=writeback&barriers=off");
  expect(await ms(chart, "ack")).toBeLessThan(1);
  expect(await ms(chart, "durable")).toBeGreaterThan(30_000);
});

test("on a phone the chart scrolls sideways from the keyboard too, and the page (timeline, chart, faults) has no WCAG A/AA violations", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await burst(page, "?mode=none&barriers=on&hostbarriers=off");
  const scroller = page.getByRole("region", { name: "Latency chart" });
  await scroller.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.clock.resume();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);
});
