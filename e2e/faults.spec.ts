/**
 * Faults below QEMU (docs/model.md §4): a drive that ignores flushes and a host filesystem
 * without barriers turn blue and green into gray — the verdict, the arrows' ends, the "done" flag
 * and the ledger all say so — and both are harmless without a volatile drive cache.
 */
import { expect, test, type Page } from "@playwright/test";
import { ledgerRow, openPaused, playUntil } from "./helpers";

async function open(page: Page, search: string): Promise<void> {
  await page.goto(`./${search}`);
  await expect(page.getByRole("group", { name: /Storage stack/ })).toBeVisible();
}

const verdictOf = (page: Page) =>
  page.getByRole("region", { name: "Verdict" }).locator("[data-verdict]");
const doneFlag = (page: Page) => page.locator("[data-done-flag]");

async function openFaults(page: Page): Promise<void> {
  await page.getByText(/^Faults:/).click();
}

for (const fault of [
  { box: "Drive ignores flushes", param: /flush=ignored/, green: "green: drive ignores it" },
  {
    box: "Host filesystem without barriers",
    param: /hostbarriers=off/,
    green: "green: no flush to the drive",
  },
]) {
  test(`${fault.box}: synced writes end in the drive's volatile cache`, async ({ page }) => {
    // cache=none with barriers: safe, and the green arrow carries flushes to the platters.
    await open(page, "?mode=none&barriers=on&disk=volatile");
    await expect(verdictOf(page)).toHaveAttribute("data-verdict", "safe");
    await expect(doneFlag(page)).toHaveAttribute("data-layer", "platters");

    await openFaults(page);
    await page.getByRole("checkbox", { name: fault.box }).check();
    await expect(verdictOf(page)).toHaveAttribute("data-verdict", "unsafe");
    await expect(doneFlag(page)).toHaveAttribute("data-layer", "disk-cache");
    await expect(page.locator(".arrow-green .arrow-label")).toHaveText(fault.green);
    await expect(page).toHaveURL(fault.param);
    await expect(page.getByText(/^Faults: /)).not.toHaveText("Faults: none");

    // The drive's cache off: the fault is harmless, and the page says so.
    await page.getByRole("radio", { name: "off" }).check();
    await expect(verdictOf(page)).toHaveAttribute("data-verdict", "safe");
    await expect(page.getByText(/^Harmless here/)).toBeVisible();
  });
}

test("writethrough with a drive that ignores flushes: the write is acknowledged in its cache and lost to a power cut", async ({
  page,
}) => {
  await openPaused(page, "?mode=writethrough&barriers=on&flush=ignored");
  await expect(page.locator(".arrow-blue .arrow-label")).toHaveText("blue: ends in disk's cache");
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
  await playUntil(page, 0, async () => (await acked.count()) === 1);
  await expect(acked).toContainText("disk write cache");
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  await expect(ledgerRow(page, 0)).toContainText("lost, though promised durable");
});

test("a link with a fault opens with it, and a bad fault value is named", async ({ page }) => {
  await open(page, "?mode=writeback&hostbarriers=off");
  await expect(
    page.getByRole("checkbox", { name: "Host filesystem without barriers" }),
  ).toBeChecked();
  await open(page, "?mode=writeback&flush=sometimes");
  await expect(page.getByText(/“flush” is not valid/)).toBeVisible();
  await expect(verdictOf(page)).toHaveAttribute("data-verdict", "safe");
});

test("the safety matrix follows the faults, as the verdict does", async ({ page }) => {
  await open(page, "?mode=none&barriers=on&flush=ignored");
  await page.getByText("Safety matrix: every mode at a glance").click();
  const table = page.getByRole("table", { name: /Safety matrix/ });
  await expect(table).toContainText("with a drive that ignores flushes", { timeout: 15_000 });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "none" }) })
    .filter({ hasText: "O_SYNC write" })
    .filter({ has: page.getByRole("cell", { name: "on", exact: true }) });
  await expect(row).toContainText("disk write cache");
  await expect(row).toContainText("✘");
});

test("Show a reordering: the journal commit reaches the platters before the data, and the power cut between leaves the write inconsistent", async ({
  page,
}) => {
  await openPaused(page);
  await page.getByText("Faults:").click();
  await page.getByRole("button", { name: "Show a reordering" }).click();
  await expect(page.getByRole("checkbox", { name: "Disk reorders writes" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  await expect(ledgerRow(page, 0)).toContainText("✘ inconsistent");
  // On the drawing: the journal commit block (a "J" bar) is on the platters, the data it records
  // still in the drive's cache, where the power cut found it.
  await expect(page.locator('svg .journal-token[data-layer="platters"]')).toHaveCount(1);
  await expect(page.locator('svg .token[data-op="0"]')).toHaveAttribute("data-layer", "disk-cache");
  await expect.poll(() => new URL(page.url()).searchParams.get("reorder")).toBe("on");
  // With barriers, the flush before the commit makes the same moment merely safe or lost.
  await page.getByRole("checkbox", { name: "Guest barriers" }).check();
  await expect(ledgerRow(page, 0)).not.toContainText("inconsistent");
});
