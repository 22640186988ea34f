/**
 * The diagram driven by the real model in the real browser: every cache mode × guest barrier
 * setting, power loss, the URL, bad input, the keyboard alone, reduced motion and axe.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ledgerRow, openPaused, pathsOf, playUntil } from "./helpers";

/** domain.md §3's O_SYNC table: the arrows travelled before the ack, and where it is acked. */
const OSYNC = [
  { mode: "writeback", barriers: "off", paths: ["red"], ackedIn: "the host page cache" },
  { mode: "writeback", barriers: "on", paths: ["red", "green"], ackedIn: "the platters" },
  { mode: "none", barriers: "off", paths: ["gray"], ackedIn: "the disk write cache" },
  { mode: "none", barriers: "on", paths: ["gray", "green"], ackedIn: "the platters" },
  { mode: "writethrough", barriers: "off", paths: ["blue"], ackedIn: "the platters" },
  { mode: "writethrough", barriers: "on", paths: ["blue"], ackedIn: "the platters" },
  { mode: "directsync", barriers: "off", paths: ["blue"], ackedIn: "the platters" },
  { mode: "directsync", barriers: "on", paths: ["blue"], ackedIn: "the platters" },
  { mode: "unsafe", barriers: "off", paths: ["red"], ackedIn: "the host page cache" },
  { mode: "unsafe", barriers: "on", paths: ["red"], ackedIn: "the host page cache" },
];

for (const row of OSYNC) {
  test(`O_SYNC under ${row.mode}, barriers ${row.barriers}: ${row.paths.join(" then ")}, acknowledged in ${row.ackedIn}`, async ({
    page,
  }) => {
    await openPaused(page, `?mode=${row.mode}&barriers=${row.barriers}`);
    await page.getByRole("button", { name: "O_SYNC write" }).click();
    await page.getByRole("button", { name: "Play" }).click();
    const acked = ledgerRow(page, 0).getByRole("cell", { name: /^acknowledged/ });
    const samples = await playUntil(page, 0, async () => (await acked.count()) > 0);
    expect(pathsOf(samples)).toEqual(row.paths);
    await expect(acked).toContainText(`in ${row.ackedIn}`);
    // The arrow it travelled is the active one in the drawing.
    for (const path of row.paths) {
      await expect(page.locator(`svg path[data-path="${path}"]`)).toHaveAttribute(
        "data-active",
        "true",
      );
    }
  });
}

test("an O_SYNC write takes visibly longer under writethrough than under none", async ({
  page,
}) => {
  const stepsUntilAck = async (mode: string) => {
    await openPaused(page, `?mode=${mode}&barriers=off`);
    await page.getByRole("button", { name: "O_SYNC write" }).click();
    await page.getByRole("button", { name: "Play" }).click();
    const acked = ledgerRow(page, 0).getByRole("cell", { name: /^acknowledged/ });
    return (await playUntil(page, 0, async () => (await acked.count()) > 0)).length;
  };
  const none = await stepsUntilAck("none");
  const writethrough = await stepsUntilAck("writethrough");
  expect(writethrough).toBeGreaterThan(none);
});

test("power loss marks exactly the unsafe writes lost", async ({ page }) => {
  await openPaused(page, "?mode=writethrough&barriers=off");
  for (const name of ["Normal write", "O_SYNC write", "O_DIRECT write"]) {
    await page.getByRole("button", { name }).click();
  }
  await page.getByRole("button", { name: "Play" }).click();
  const acks = page
    .getByRole("table", { name: "Operations" })
    .getByRole("cell", { name: /^acknowledged/ });
  await playUntil(page, 2, async () => (await acks.count()) === 3);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss" }).click();
  // The buffered write still sits in guest RAM; the two others are on the platters.
  await expect(ledgerRow(page, 0)).toContainText("lost");
  await expect(ledgerRow(page, 1)).toContainText("survived");
  await expect(ledgerRow(page, 2)).toContainText("survived");
  await expect(page.locator('svg [data-lost="true"]')).toHaveCount(1);
  await expect(page.locator('svg [data-op="0"]')).toHaveAttribute("data-lost", "true");
  await expect(page.getByRole("status").filter({ hasText: "Power lost" })).toContainText(
    "Lost: #0.",
  );
  await expect(page.getByRole("button", { name: "Normal write" })).toBeDisabled();
});

test("the URL reflects the configuration and restores it", async ({ page }) => {
  await openPaused(page);
  await expect(page.getByRole("radio", { name: "writeback" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).toBeChecked();
  await page.getByRole("radio", { name: "none", exact: true }).check();
  await page.getByRole("checkbox", { name: "Guest barriers" }).uncheck();
  await page
    .getByRole("radiogroup", { name: "Disk write cache" })
    .getByRole("radio", { name: "battery" })
    .check();
  await expect(page).toHaveURL(/\?mode=none&barriers=off&disk=battery$/);
  await page.reload();
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).not.toBeChecked();
  await expect(page.getByRole("radio", { name: "battery" })).toBeChecked();
});

test("bad URL parameters get a polite notice and the defaults", async ({ page }) => {
  await openPaused(page, "?mode=fast&barriers=maybe&disk=ssd");
  const notices = page.locator(".notices");
  await expect(notices).toContainText("“mode” is not valid");
  await expect(notices).toContainText("using writeback instead");
  await expect(notices).toContainText("“barriers” is not valid (expected on or off");
  await expect(notices).toContainText("“disk” is not valid");
  await expect(page.getByRole("radio", { name: "writeback" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "volatile" })).toBeChecked();
});

test("everything works with the keyboard alone", async ({ page }) => {
  await openPaused(page);
  const focusOn = async (name: string) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.textContent.trim() ?? "");
      if (focused.endsWith(name)) return;
    }
    throw new Error(`could not reach ${name} with Tab`);
  };
  // Cache mode: Tab into the group, arrow keys move the selection.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: "writeback" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  await focusOn("O_SYNC write");
  await page.keyboard.press("Enter");
  await focusOn("Play");
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Pause" })).toBeFocused();
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^acknowledged/ });
  await playUntil(page, 0, async () => (await acked.count()) > 0);
  await expect(acked).toContainText("in the platters");
});

test("reduced motion: tokens change place without travelling", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openPaused(page, "?mode=writethrough&barriers=on");
  await page.getByRole("button", { name: "O_SYNC write" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^acknowledged/ });
  const samples = await playUntil(page, 0, async () => (await acked.count()) > 0);
  const places = new Set(samples.map((s) => s.transform));
  // Guest application, guest page cache, virtual disk, platters: four places, nothing between.
  expect(places.size).toBeLessThanOrEqual(4);
  expect(pathsOf(samples)).toEqual(["blue"]);
});

test("the pause control is always visible, and the diagram has no WCAG A/AA violations", async ({
  page,
}) => {
  await openPaused(page, "?mode=unsafe&barriers=on");
  await page.getByRole("button", { name: "O_SYNC write" }).click();
  await page.getByRole("button", { name: "Barrier" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.clock.runFor(600);
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);
});
