/**
 * The README's pictures, generated from the real app at fixed model times (fixed fonts from
 * Debian's fonts-liberation), so they never drift from what the page shows.
 */
import { test } from "@playwright/test";
import { cutPowerOnceAcked, ledgerRow, openPaused, playUntil } from "./helpers";

test("README screenshot: writeback with guest barriers, an O_SYNC write on the green arrow", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPaused(page, "?mode=writeback&barriers=on&disk=volatile");
  await page.getByRole("button", { name: "Normal write" }).click();
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const token = page.locator('svg .token[data-op="1"]');
  await playUntil(page, 1, async () => (await token.getAttribute("data-path")) === "green");
  await page.clock.runFor(400);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.locator(".workspace").screenshot({ path: "docs/diagram.png" });
});

test("README screenshot: after a power loss under writeback without barriers", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPaused(page, "?mode=writeback&barriers=off&disk=volatile");
  await cutPowerOnceAcked(page, ["Normal write", "O_SYNC write", "O_DIRECT write"]);
  await ledgerRow(page, 0).waitFor();
  await page.locator(".workspace").screenshot({ path: "docs/power-loss.png" });
});

test("README screenshot: the dark theme, after a power loss", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPaused(page, "?theme=dark&mode=writeback&barriers=off&disk=volatile");
  await cutPowerOnceAcked(page, ["Normal write", "O_SYNC write", "O_DIRECT write"]);
  await ledgerRow(page, 0).waitFor();
  await page.locator(".workspace").screenshot({ path: "docs/dark.png" });
});
