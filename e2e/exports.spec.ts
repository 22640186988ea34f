/**
 * Take-away material (issue 9, item 4): the frame as SVG and PNG with a footer (what it shows,
 * the configuration, the link), and the whole ledger as CSV and Markdown.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { cutPowerOnceAcked, openPaused, revealBelowStage } from "./helpers";

async function save(
  page: Page,
  name: string,
): Promise<{ file: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("group", { name: "Export" }).getByRole("button", { name }).click(),
  ]);
  const bytes = readFileSync(await download.path());
  return { file: download.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

test.beforeEach(async ({ page }) => {
  await openPaused(page, "?mode=writeback&barriers=off");
  await cutPowerOnceAcked(page, ["Normal write", "O_SYNC write"]);
  await revealBelowStage(page);
});

test("Download SVG: the frame as drawn, with its footer and link, a valid SVG document", async ({
  page,
}) => {
  const { file, text } = await save(page, "Download SVG");
  expect(file).toBe("kvm-cache-writeback.svg");
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      tokens: doc.querySelectorAll(".token[data-op]").length,
      lost: doc.querySelectorAll('.token[data-lost="true"]').length,
      texts: [...doc.querySelectorAll("svg > text")].map((t) => t.textContent),
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.tokens).toBe(2);
  expect(parsed.lost).toBe(2);
  const footer = parsed.texts.join(" ");
  expect(footer).toContain("Power lost.");
  expect(footer).toContain("cache=writeback · ext4 guest, barriers off");
  expect(footer).toContain(page.url().slice(0, 40));
});

test("Download PNG: a picture of the frame", async ({ page }) => {
  await page.clock.resume(); // decoding the image runs on the page's own timers
  const { file, bytes } = await save(page, "Download PNG");
  expect(file).toBe("kvm-cache-writeback.png");
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  // The frame at twice the drawing's size: 1320 px wide.
  expect(bytes.readUInt32BE(16)).toBe(1320);
});

test("Download CSV and Markdown: every row of the ledger, in its words", async ({ page }) => {
  const csv = await save(page, "Download CSV");
  expect(csv.file).toBe("kvm-cache-writeback.csv");
  // A byte-order mark first, so spreadsheets read the µ and ✘ as UTF-8.
  expect(csv.text.startsWith("\ufeff")).toBe(true);
  const lines = csv.text.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("#,Write,Issued at,Data now,Returned,Durable,After the power loss");
  expect(lines).toHaveLength(3);
  // Numbered from 1, as on the page.
  expect(lines[1]).toMatch(/^1,Normal write,0 µs,/);
  expect(lines[2]).toMatch(/^2,O_SYNC write,0 µs,/);
  expect(lines[2]).toContain("✘ lost, though promised durable (its O_SYNC call had returned)");
  // The buffered write nobody synced had returned and was promised nothing.
  expect(lines[1]).toContain("it was not promised durable");

  const md = await save(page, "Download Markdown");
  expect(md.file).toBe("kvm-cache-writeback.md");
  expect(md.text).toContain("| # | Write | Issued at |");
  expect(md.text).toContain("cache=writeback");
  expect(md.text.split("\n").filter((l) => l.startsWith("| 2 | O_SYNC write"))).toHaveLength(1);
  // Under a failure's column, the tie rule, said once.
  expect(md.text).toContain(
    "A call that returns at the very instant of a failure counts as returned",
  );
});

test("Download Markdown on a page whose address has a crafted fragment: the handout links back without it", async ({
  page,
}) => {
  // A fragment the page did not write (its own holds only the writes, src/link/url.ts).
  await page.evaluate(() => {
    window.location.hash = "x)![t](https://tracker.test/t.png";
  });
  const md = await save(page, "Download Markdown");
  expect(md.text).not.toContain("](");
  expect(md.text).not.toContain("tracker.test");
  const address = new URL(page.url());
  address.hash = "";
  expect(md.text).toContain(`<${address.href}>`);
});
