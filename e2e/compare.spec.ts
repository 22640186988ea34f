/**
 * Compare (issue 8): two configurations side by side on the same writes and one clock; the URL
 * records both; each side has its own ledger and numbers.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openPaused, pumpUntil } from "./helpers";

/** Opens the page at `search`, presses Compare, and returns the compared side once it is drawn. */
async function openCompare(page: Page, search: string): Promise<Locator> {
  await openPaused(page, search);
  const compare = page.getByRole("button", { name: "Compare", exact: true });
  await pumpUntil(page, () => compare.isVisible());
  await compare.click();
  const compared = page.getByRole("region", { name: "Compared configuration" });
  await pumpUntil(page, () => compared.getByRole("group", { name: /Storage stack/ }).isVisible());
  return compared;
}

test("Compare opens a second diagram that gets every write, on the same clock, and its URL round-trips", async ({
  page,
}) => {
  const compared = await openCompare(page, "?mode=writeback&barriers=off");
  await expect(page.getByRole("group", { name: /Storage stack/ })).toHaveCount(2);
  // The default comparison: the other of the two modes the article weighs.
  await expect(compared.getByRole("combobox", { name: "Compare with" })).toHaveValue("none");
  await compared.getByRole("combobox", { name: "Compare with" }).selectOption("writethrough");

  // One set of buttons feeds both.
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Normal write", exact: true }).click();
  const tables = page.getByRole("table", { name: /^Operations/ });
  await pumpUntil(page, async () => (await tables.count()) === 2);
  const own = page.getByRole("table", { name: "Operations", exact: true });
  const theirs = page.getByRole("table", { name: /\(compared\)$/ });
  await expect(own.getByRole("row")).toHaveCount(3);
  await expect(theirs.getByRole("row")).toHaveCount(3);
  // Two latency charts, each named for its diagram.
  await expect(page.getByRole("region", { name: "Latency chart", exact: true })).toHaveCount(1);
  await expect(
    page.getByRole("region", { name: "Latency chart under cache=writethrough (compared)" }),
  ).toHaveCount(1);
  await expect(
    page.getByRole("img", { name: /^Latency under cache=writethrough \(compared\), on a log/ }),
  ).toHaveCount(1);

  // One clock: as it plays, both readouts show the same model time, and each side's token is
  // where its own configuration puts it at that time.
  await page.getByRole("button", { name: "Play" }).click();
  // Until the O_SYNC write (row #1) has returned on the compared side too.
  const syncedRow = theirs.getByRole("row").nth(1);
  await pumpUntil(
    page,
    async () => ((await syncedRow.textContent()) ?? "").includes("returned at"),
    1200,
  );
  await page.getByRole("button", { name: "Pause" }).click();
  const clocks = page.locator("figcaption.readout .clock");
  await expect(clocks).toHaveCount(2);
  expect(await clocks.nth(0).textContent()).toBe(await clocks.nth(1).textContent());
  // Writeback without barriers returned from the host page cache; writethrough from the platters.
  await expect(own).toContainText(/returned at [^,]+, in the host page cache/);
  await expect(theirs).toContainText(", on the platters");
  await expect(compared.getByText("Call returns (estimate)")).toBeVisible();

  // The failure strikes both; each says what it lost.
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  await expect(
    page.getByRole("region", { name: "This configuration" }).locator("dd[data-lost]"),
  ).toHaveAttribute("data-lost-acked", "2");
  await expect(compared.locator("dd[data-lost]")).toHaveAttribute("data-lost-acked", "1");

  // The URL records both configurations: reopened, it shows the same comparison.
  await expect.poll(() => new URL(page.url()).searchParams.get("compare")).toBe("writethrough");
  const url = new URL(page.url());
  expect(url.searchParams.get("compareBarriers")).toBe("off");
  // Away first: going to the same address with its fragment would not load the page again.
  await page.goto("about:blank");
  await openPaused(page, `${url.search}${url.hash}`);
  const again = page.getByRole("region", { name: "Compared configuration" });
  await pumpUntil(page, () => again.getByRole("group", { name: /Storage stack/ }).isVisible());
  await expect(again.getByRole("combobox", { name: "Compare with" })).toHaveValue("writethrough");
  await pumpUntil(page, async () => (await tables.count()) === 2);
  await expect(theirs.getByRole("row")).toHaveCount(3);
  // Closing it leaves one diagram and drops the parameters.
  await again.getByRole("button", { name: "Close comparison" }).click();
  await expect(page.getByRole("group", { name: /Storage stack/ })).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).searchParams.has("compare")).toBe(false);
});

test("a bad compare value is named, and the comparison still opens", async ({ page }) => {
  await openPaused(page, "?compare=fastest&compareBarriers=maybe", { ledger: false });
  await pumpUntil(page, () => page.getByText(/“compare” is not valid/).isVisible());
  await expect(page.getByText(/“compareBarriers” is not valid/)).toBeVisible();
  const stacks = page.getByRole("group", { name: /Storage stack/ });
  await pumpUntil(page, async () => (await stacks.count()) === 2);
});

test("a fault toggled on the page with Compare open: the compared diagram takes it, as reloading the link does", async ({
  page,
}) => {
  const compared = await openCompare(page, "?mode=writeback&barriers=on");
  await expect(compared.getByRole("combobox", { name: "Compare with" })).toHaveValue("none");

  // cache=none with barriers: the O_SYNC write's flush takes it to the platters.
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  const theirs = page.getByRole("table", { name: /\(compared\)$/ });
  const row = theirs.getByRole("row").nth(1);
  await page.getByRole("button", { name: "Play" }).click();
  await pumpUntil(
    page,
    async () => ((await row.textContent()) ?? "").includes("returned at"),
    1200,
  );
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(row).toContainText(", on the platters");

  // The drive now ignores flushes: the compared write returns from its volatile cache.
  await page.getByText(/^Faults:/).click();
  await page.getByRole("checkbox", { name: "Drive ignores flushes" }).check();
  const line = compared.locator(".configuration-line");
  await expect(line).toContainText("drive ignores flushes");
  await expect(row).toContainText(", in the disk write cache");
  const live = { line: await line.textContent(), row: await row.textContent() };

  // The very same link, reloaded, shows the very same compared diagram.
  await expect.poll(() => new URL(page.url()).searchParams.get("flush")).toBe("ignored");
  await expect.poll(() => new URL(page.url()).searchParams.get("compare")).toBe("none");
  const link = new URL(page.url());
  // Away first: going to the same address with its fragment would not load the page again.
  await page.goto("about:blank");
  await openPaused(page, `${link.search}${link.hash}`);
  await pumpUntil(page, () => compared.getByRole("group", { name: /Storage stack/ }).isVisible());
  await pumpUntil(page, () => row.isVisible());
  expect({ line: await line.textContent(), row: await row.textContent() }).toEqual(live);
});
