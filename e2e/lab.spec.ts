/**
 * The lab on the built page (issue 19, item 5): a real lab-results.json (lab/fixtures, written by
 * `npm run lab`) loads into the latency chart as "measured on this host (TCG)" beside the model's
 * estimates, loaded only when chosen; a file that is not one gets a clear message and changes
 * nothing; and the "Checked against real QEMU" note opens the lab's table on the page itself.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openPaused } from "./helpers";

const FIXTURE = fileURLToPath(new URL("../lab/fixtures/lab-results.json", import.meta.url));
const real = JSON.parse(readFileSync(FIXTURE, "utf8")) as { runs: unknown[] };

/** Every script the page fetched so far. */
function scripts(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") seen.push(r.url());
  });
  return seen;
}

test("a real lab result shows what was measured on this host (TCG) beside the model's estimates", async ({
  page,
}) => {
  const fetched = scripts(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The page's own clock: React reveals a lazy part on its timers.
  await page.goto("./?mode=none");
  const input = page.getByLabel("Load lab result");
  await expect(input).toBeAttached({ timeout: 15_000 });
  // The validator and the table come with the first file, not with the page.
  expect(fetched.filter((url) => url.includes("LabMeasured"))).toEqual([]);

  await input.setInputFiles(FIXTURE);
  await expect(
    page.getByRole("status").filter({ hasText: /^Loaded lab-results\.json/ }),
  ).toHaveText(
    `Loaded lab-results.json: ${String(real.runs.length)} measured runs on this host (TCG).`,
  );
  expect(fetched.filter((url) => url.includes("LabMeasured"))).not.toEqual([]);
  const table = page.getByRole("table", { name: /^Measured on this host \(TCG\): QEMU 7\.2/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText([
    "Cache mode",
    "Guest barriers",
    "Write",
    "Measured on this host (TCG)",
    "Model's estimate",
  ]);
  await expect(table.getByRole("row")).toHaveCount(real.runs.length + 1);
  // cache=none, barriers on, O_DIRECT: the guest's own median 1.466 ms, p10 1.339, p90 3.687
  // over 3 calls; the model's estimate of the same call beside it.
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "none", exact: true }) })
    .filter({ has: page.getByRole("cell", { name: "on", exact: true }) })
    .filter({ has: page.getByRole("cell", { name: "O_DIRECT", exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([
    "on",
    "O_DIRECT",
    "1.5 ms (1.3 ms–3.7 ms, 3 calls)",
    /^\d[\d.]* (µs|ms) \(estimate\)$/,
  ]);
  await expect(page.getByText(/The model's column is its estimate/)).toBeVisible();

  const axe = await new AxeBuilder({ page })
    .include(".lab-load")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations).toEqual([]);

  await page.getByRole("button", { name: "Remove lab result" }).click();
  await expect(table).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a file that is not a lab result gets a clear message, and the chart stays the model's", async ({
  page,
}) => {
  await openPaused(page, "?mode=none");
  const input = page.getByLabel("Load lab result");
  await input.setInputFiles({
    name: "scenario.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      '{"version": 1, "config": {"mode": "none", "guestBarriers": true}, "ops": []}',
    ),
  });
  await expect(
    page.getByText(
      /^scenario\.json is not a lab result npm run lab wrote \(config: unknown field .*\); the chart shows the model's estimates only\.$/,
    ),
  ).toBeVisible();
  // A hostile name and a huge file: the name's bidi control is shown, the file is not read.
  await input.setInputFiles({
    name: "lab\u202Enosj.json",
    mimeType: "application/json",
    buffer: Buffer.alloc(300 * 1024, 0x20),
  });
  await expect(
    page.getByText("lab<U+202E>nosj.json is not loaded (document: larger than 256 KiB", {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: /^Measured on this host/ })).toHaveCount(0);
  await expect(page.getByRole("group", { name: /Storage stack/ })).toBeVisible();
});

test("the 'Checked against real QEMU' note opens the lab's table on the page", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByText(/^Checked against real QEMU .* predictions hold/)).toContainText(
    "Its table is below",
  );
  await page.getByText("The lab's table: each prediction against what QEMU did").click();
  const runs = page.getByRole("table", { name: /^Predictions per run/ });
  const kills = page.getByRole("table", { name: /^QEMU killed after the guest's last write/ });
  await expect(runs).toBeVisible();
  // Five modes × barriers on/off × four kinds, and five killed writes per mode: the last full run.
  await expect(runs.getByRole("row")).toHaveCount(41);
  await expect(kills.getByRole("row")).toHaveCount(26);
  const unsafeFsync = runs
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "unsafe", exact: true }) })
    .filter({ hasText: "buffered + fdatasync" })
    .first();
  // unsafe drops the guest's flush: the model says so and QEMU did so.
  await expect(unsafeFsync.getByRole("cell").nth(4)).toHaveText("no ✔");
  const axe = await new AxeBuilder({ page })
    .include(".lab-report")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations).toEqual([]);
});
