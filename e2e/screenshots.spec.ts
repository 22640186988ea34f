/**
 * The README's pictures, generated from the real app at fixed model times (fixed fonts from
 * Debian's fonts-liberation), so they never drift from what the page shows.
 */
import { test } from "@playwright/test";
import { cutPowerOnceAcked, ledgerRow, openPaused, playUntil, pumpUntil } from "./helpers";

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

/** Presenter mode for a room: the article's Debian 6 prediction, revealed from the clicker. */
for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  const size = `${String(viewport.width)}x${String(viewport.height)}`;
  test(`README screenshot: presenter mode at ${size}, a prediction revealed`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openPaused(page, "?present=1&tour=article&step=6", { ledger: false });
    const clock = page.locator("figcaption.readout .clock");
    await pumpUntil(page, async () => (await clock.textContent()) === "25.000000 s", 400);
    await page.getByRole("checkbox", { name: "#1 survives" }).check();
    await page.keyboard.press("PageDown");
    await page.getByRole("status").filter({ hasText: "You got" }).waitFor();
    await page.clock.runFor(2_000);
    await page.screenshot({ path: `docs/presenter-${size}.png` });
  });
}
test("README screenshot: the dark theme, after a power loss", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPaused(page, "?theme=dark&mode=writeback&barriers=off&disk=volatile");
  await cutPowerOnceAcked(page, ["Normal write", "O_SYNC write", "O_DIRECT write"]);
  await ledgerRow(page, 0).waitFor();
  await page.locator(".workspace").screenshot({ path: "docs/dark.png" });
});
