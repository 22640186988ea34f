/**
 * Nothing lost (issue 20, item 2): a scenario of more writes than links used to carry (2 000)
 * survives a reload, coming back to the page's bare address in the same tab, a copied link
 * opened in another tab under `vite preview` (whose Node server refuses request lines over
 * 16 KiB with HTTP 431), and Export then Open. Times are fractional, as the playhead gives them.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openPaused, revealBelowStage } from "./helpers";

const WRITES = 2_001;
const KINDS = ["normal", "osync", "barrier", "odirect"] as const;

/** A scenario file of `WRITES` writes, each a fractional number of ms after the last. */
function scenarioFile(): Buffer {
  const ops = Array.from({ length: WRITES }, (_, i) => ({
    at: i * 1.2345678901234567 + 1 / 3,
    kind: KINDS[i % KINDS.length],
  }));
  return Buffer.from(
    JSON.stringify({ version: 1, config: { mode: "none", guestBarriers: false }, ops }),
  );
}

/** The ledger's row count as it tells assistive technology (it renders only what is in view). */
function ledgerRows(page: Page) {
  return page.getByRole("table", { name: "Operations", exact: true });
}

async function expectAllWrites(page: Page) {
  await revealBelowStage(page);
  await expect(ledgerRows(page)).toHaveAttribute("aria-rowcount", String(WRITES + 1));
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  await expect(page.locator(".notices")).toHaveCount(0);
}

test("2 001 writes survive a reload, the tab, a copied link and Export then Open", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openPaused(page, "?mode=writeback");
  await page.getByLabel("Open scenario").setInputFiles({
    name: "long.json",
    mimeType: "application/json",
    buffer: scenarioFile(),
  });
  await expect(page.getByText("Opened long.json.")).toBeVisible();
  await expect(ledgerRows(page)).toHaveAttribute("aria-rowcount", String(WRITES + 1));
  // The address bar follows: the writes in its fragment.
  await expect.poll(() => new URL(page.url()).hash.length).toBeGreaterThan(WRITES);

  await page.reload();
  await expectAllWrites(page);

  // The tab kept it: its bare address opens it again.
  await page.goto("./");
  await expectAllWrites(page);
  await expect.poll(() => new URL(page.url()).hash.length).toBeGreaterThan(WRITES);

  // Copy link says how long the link is, and it opens in another tab (no session shared).
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toContainText(
    /it opens this scenario at this moment\. It is \d+ KiB long: browsers open it/,
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  const other = await context.newPage();
  await other.clock.install({ time: new Date("2026-01-01T00:00:00Z") });
  const response = await other.goto(copied);
  expect(response?.status()).toBe(200);
  await expectAllWrites(other);
  await other.close();

  // Export scenario, then Open scenario on an emptied page.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export scenario" }).click();
  const exported = readFileSync(await (await download).path());
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(ledgerRows(page)).toHaveAttribute("aria-rowcount", "1");
  await page.getByLabel("Open scenario").setInputFiles({
    name: "exported.json",
    mimeType: "application/json",
    buffer: exported,
  });
  await expect(page.getByText("Opened exported.json.")).toBeVisible();
  await expectAllWrites(page);

  // A link that names a scenario wins over the kept one.
  await page.goto("./?mode=directsync&ops=osync@0.5");
  await revealBelowStage(page);
  await expect(ledgerRows(page)).toHaveAttribute("aria-rowcount", "2");
  await expect(page.getByRole("radio", { name: "directsync", exact: true })).toBeChecked();
});

test("a kept scenario that does not read back is dropped with a notice, never a blank page", async ({
  page,
}) => {
  await openPaused(page);
  // After the page's own keeping, on leaving (src/link/kept.ts): a link that no longer reads.
  await page.evaluate(() => {
    const spoil = () => {
      sessionStorage.setItem(
        `kvm-cache-diagram:${location.pathname}`,
        "?mode=none#writes=s0q<script>",
      );
    };
    addEventListener("pagehide", spoil);
    document.addEventListener("visibilitychange", spoil);
  });
  await page.goto("./");
  await revealBelowStage(page);
  await expect(page.getByText(/The scenario this tab kept could not be read back/)).toBeVisible();
  await expect(page.getByRole("radio", { name: "writeback", exact: true })).toBeChecked();
  await expect(ledgerRows(page)).toHaveAttribute("aria-rowcount", "1");
  // Dropped: the next visit in this tab opens empty, without the notice.
  await page.goto("./");
  await revealBelowStage(page);
  await expect(page.getByText(/could not be read back/)).toHaveCount(0);
});
