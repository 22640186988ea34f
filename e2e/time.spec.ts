/**
 * Owning the time: links carry the whole scenario and the moment, scenario files go out and come
 * back, and hostile links still open. The page is driven as a user would; what it shows after a
 * reload from the address bar must be identical.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { outcomeOf } from "../src/scenario/outcome";
import { parseScenario } from "../src/scenario/schema";
import { ledgerRow, openPaused, playUntil } from "./helpers";

/** What a user sees that a link must restore: the ledger, the tokens, the clock. */
async function snapshot(page: Page) {
  // The ledger is loaded after the first view; React reveals it on a timer of its own, and the
  // page's clock is the test's (playback stays paused, so model time does not move).
  await expect
    .poll(async () => {
      await page.clock.runFor(50);
      return page.getByRole("table", { name: "Operations" }).count();
    })
    .toBe(1);
  return {
    ledger: await page.getByRole("table", { name: "Operations" }).innerText(),
    // A hidden token (not issued yet at this instant) keeps whatever it showed last.
    tokens: await page
      .locator(".token")
      .evaluateAll((els) =>
        els.map((el) =>
          (el as SVGGElement).style.visibility === "hidden"
            ? ["hidden"]
            : [
                el.getAttribute("transform"),
                el.getAttribute("data-layer"),
                el.getAttribute("data-lost"),
              ],
        ),
      ),
    clock: await page.locator(".readout .clock").textContent(),
    mode: await page
      .getByRole("radiogroup", { name: "Cache mode" })
      .getByRole("radio", { checked: true })
      .getAttribute("value"),
  };
}

async function reopen(page: Page) {
  const url = page.url();
  await page.goto(url);
  await expect(page.getByRole("group", { name: /Storage stack/ })).toBeVisible();
}

test("a link taken from the address bar after any interaction reproduces the page", async ({
  page,
}) => {
  await openPaused(page, "?mode=none&barriers=off&fs=ext3");
  const check = async () => {
    const before = await snapshot(page);
    await reopen(page);
    expect(await snapshot(page)).toEqual(before);
  };
  await page.getByRole("button", { name: "O_SYNC write" }).click();
  await page.getByRole("button", { name: "Normal write" }).click();
  await check();
  await page.getByRole("button", { name: "Step forward" }).click();
  await page.getByRole("button", { name: "Step forward" }).click();
  await check();
  await page.getByRole("button", { name: "Barrier", exact: true }).click();
  await check();
  await page.getByRole("radio", { name: "writeback" }).check();
  await check();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  await check();
  await page.getByRole("button", { name: "Step back" }).click();
  await check();
  await page.getByRole("button", { name: "Undo failure" }).click();
  await check();
});

test("changing only t in a link opens the same scenario at that instant", async ({ page }) => {
  await page.goto("./?mode=none&barriers=off&ops=osync@0&crash=power@0.08&t=0.02");
  await expect(page.locator(".readout .clock")).toHaveText("20 µs");
  await expect(ledgerRow(page, 0)).not.toContainText("lost");
  await page.goto("./?mode=none&barriers=off&ops=osync@0&crash=power@0.08&t=0.08");
  await expect(page.locator(".readout .clock")).toHaveText("80 µs");
  await expect(ledgerRow(page, 0)).toContainText("lost before it was acknowledged");
  await expect(page.getByRole("status").filter({ hasText: "Power lost" })).toContainText(
    "Lost: #0.",
  );
});

test("hostile ops, crash and t values get a notice naming the parameter, and the rest loads", async ({
  page,
}) => {
  await page.goto(
    `./?mode=directsync&ops=${encodeURIComponent("osync@0,<script>@1")}&crash=meteor@1&t=%00`,
  );
  const notices = page.locator(".notices");
  await expect(notices).toContainText("“ops” is not valid");
  await expect(notices).toContainText("“crash” is not valid");
  await expect(notices).toContainText("“t” is not valid");
  await expect(notices).toContainText("␀");
  await expect(page.getByRole("radio", { name: "directsync" })).toBeChecked();
  await expect(page.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  // The link is rewritten at once to what the page shows.
  await expect(page).not.toHaveURL(/meteor|script/);
});

test("Copy link copies the link to this scenario at this moment", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openPaused(page, "?mode=writeback&barriers=off");
  await page.getByRole("button", { name: "O_SYNC write" }).click();
  await page.getByRole("button", { name: "Step forward" }).click();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toMatch(/ops=osync@0/);
  expect(copied).toMatch(/t=/);
});

test("Export scenario gives the JSON the command line reads, with the same outcomes", async ({
  page,
}) => {
  await openPaused(page, "?mode=none&barriers=off");
  await page.getByRole("button", { name: "O_SYNC write" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^acknowledged/ });
  await playUntil(page, 0, async () => (await acked.count()) > 0);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export scenario" }).click();
  const path = await (await download).path();
  const parsed = parseScenario(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error);
  const [outcome] = outcomeOf(parsed.scenario).writes;
  expect(outcome?.survives).toBe(false);
  await expect(ledgerRow(page, 0)).toContainText("lost, though acknowledged");
});

test("Open scenario loads a file; a bad file gets a clear message and changes nothing", async ({
  page,
}) => {
  await openPaused(page, "?mode=writeback");
  await page.getByRole("button", { name: "Normal write" }).click();
  const input = page.getByLabel("Open scenario");
  await input.setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      '{"version": 1, "config": {"mode": "fast", "guestBarriers": true}, "ops": []}',
    ),
  });
  await expect(
    page.getByText(/bad\.json is not opened \(config\.mode: expected one of/),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: "writeback" })).toBeChecked();
  await expect(ledgerRow(page, 0)).toContainText("Normal write");
  await input.setInputFiles({
    name: "good.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({
        version: 1,
        config: { mode: "directsync", guestBarriers: false, guestFs: "ext3" },
        ops: [
          { at: 0, kind: "osync" },
          { at: 1, kind: "barrier" },
        ],
      }),
    ),
  });
  await expect(page.getByText("Opened good.json.")).toBeVisible();
  await expect(page.getByRole("radio", { name: "directsync" })).toBeChecked();
  await expect(
    page.getByRole("radiogroup", { name: "Guest filesystem" }).getByRole("radio", { name: "ext3" }),
  ).toBeChecked();
  await expect(ledgerRow(page, 1)).toContainText("Barrier");
  await expect(page).toHaveURL(/ops=osync@0,barrier@1/);
});
