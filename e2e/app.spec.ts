import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("shows the safety matrix computed by the model", async ({ page }) => {
  await page.goto("./");
  await expect(page).toHaveTitle("KVM cache modes — write path diagram");
  await expect(page.getByRole("heading", { level: 1, name: "KVM cache modes" })).toBeVisible();
  // Closed at first (and not even loaded): the diagram is the first view.
  await expect(page.getByRole("table", { name: /Safety matrix/ })).toHaveCount(0);
  await page.getByText("Safety matrix: every mode at a glance").click();
  const table = page.getByRole("table", { name: /Safety matrix/ });
  // 5 modes × guest barriers on/off × 4 kinds of write, plus the header row. (The first test of
  // a run meets a cold server and browser: the lazy chunk may take longer than usual.)
  await expect(table.getByRole("row")).toHaveCount(41, { timeout: 15_000 });
  const osyncWritebackOn = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "writeback" }) })
    .filter({ hasText: "O_SYNC write" })
    .filter({ has: page.getByRole("cell", { name: "on", exact: true }) });
  await expect(osyncWritebackOn.getByRole("cell")).toHaveText([
    "on",
    "O_SYNC write",
    "platters",
    "14.2 ms",
    "red, then green",
    "—",
    "✔ yes",
    "14.2 ms",
  ]);
});

test("has no WCAG A/AA violations", async ({ page }) => {
  await page.goto("./");
  await page.getByText("Safety matrix: every mode at a glance").click();
  await expect(page.getByRole("table", { name: /Safety matrix/ })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);
});

test("shows how to set the chosen mode, loaded on demand", async ({ page }) => {
  await page.goto("./?mode=none&barriers=off");
  await page.getByText("How to set this configuration").click();
  await expect(
    page.getByText("-drive file=disk.img,format=raw,if=virtio,cache=none"),
  ).toBeVisible();
  await expect(page.getByText("<driver name='qemu' type='raw' cache='none'/>")).toBeVisible();
  // The guest side shows the fix for a guest without barriers, never how to turn them off.
  await expect(page.getByText(/barrier=1/).first()).toBeVisible();
  await page.getByRole("radio", { name: "directsync" }).check();
  await expect(
    page.getByText("-drive file=disk.img,format=raw,if=virtio,cache=directsync"),
  ).toBeVisible();
});
