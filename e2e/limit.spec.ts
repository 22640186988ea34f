/**
 * One limit on writes, said plainly (issue 20): a scenario holds at most 5 000 writes in the page
 * (src/scenario/limit.ts). Opened at 4 999, one more write is taken, the next is refused with a
 * visible message and the ledger does not change; a file over the limit is not opened. Import VM
 * refuses a paste over its size limit as it is pasted, before Apply.
 */
import { expect, test, type Page } from "@playwright/test";
import { openPaused, pumpUntil } from "./helpers";

const LIMIT = 5_000;

function scenarioFile(name: string, writes: number) {
  const ops = Array.from({ length: writes }, (_, i) => ({ at: i * 0.25, kind: "normal" }));
  const doc = { version: 1, config: { mode: "writeback", guestBarriers: true }, ops };
  return { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) };
}

/** The ledger's rows as it tells assistive technology (it renders only those in view). */
const ledgerRows = async (page: Page) =>
  Number(await page.getByRole("table", { name: "Operations" }).getAttribute("aria-rowcount")) - 1;

test("at the limit a further write is refused with a visible message, and nothing changes", async ({
  page,
}) => {
  await openPaused(page);
  const open = page.getByLabel("Open scenario");
  await pumpUntil(page, async () => (await open.count()) > 0);
  await open.setInputFiles(scenarioFile("over.json", LIMIT + 1));
  await expect(
    page.getByText("over.json is not opened: 5001 writes, the page keeps at most 5000"),
  ).toBeVisible();
  expect(await ledgerRows(page)).toBe(0);

  await open.setInputFiles(scenarioFile("almost.json", LIMIT - 1));
  await expect(page.getByText("Opened almost.json.")).toBeVisible();
  await expect.poll(() => ledgerRows(page)).toBe(LIMIT - 1);
  const full = page.getByText(/^This scenario holds 5000 writes, the most the page keeps/);
  await expect(full).toBeHidden();

  const write = page.getByRole("button", { name: "O_SYNC write", exact: true });
  await write.click();
  await expect.poll(() => ledgerRows(page)).toBe(LIMIT);
  await expect(full).toBeVisible();
  const clock = await page.locator(".readout .clock").textContent();

  // Pressed again: it is off, says why, and the ledger keeps its 5 000 rows.
  await expect(write).toBeDisabled();
  await expect(write).toHaveAttribute("title", /^This scenario holds 5000 writes/);
  await write.click({ force: true });
  await expect.poll(() => ledgerRows(page)).toBe(LIMIT);
  await expect(page.locator(".readout .clock")).toHaveText(clock ?? "");
  await expect(page.getByRole("button", { name: /^Burst/ })).toBeDisabled();
});

test("Import VM refuses a paste over its size limit as it is pasted, before Apply", async ({
  page,
}) => {
  await openPaused(page);
  const openImport = page.getByRole("button", { name: "Import VM configuration" });
  await pumpUntil(page, () => openImport.isVisible());
  await openImport.click();
  const dialog = page.getByRole("dialog", { name: "Import a VM configuration" });
  await dialog
    .getByRole("textbox", { name: "VM configuration" })
    .fill(`qemu-system-x86_64 ${"-m 1024 ".repeat(140_000)}`);
  await expect(dialog.getByRole("alert")).toHaveText(
    "The configuration is 1.2 million characters long; the limit is 1 million.",
  );
});
