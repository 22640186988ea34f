/**
 * Owning the time: links carry the whole scenario and the moment, scenario files go out and come
 * back, and hostile links still open. The page is driven as a user would; what it shows after a
 * reload from the address bar must be identical.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { outcomeOf } from "../src/scenario/outcome";
import { parseScenario } from "../src/scenario/schema";
import { formatModelTime } from "../src/text/clock";
import { ledgerRow, openPaused, playUntil, revealBelowStage } from "./helpers";
import { problemLine } from "../src/text/scenario";

/** What a user sees that a link must restore: the ledger, the tokens, the clock. */
async function snapshot(page: Page) {
  await revealBelowStage(page);
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
  // Eight reloads of the page: on a loaded 2-core machine that outlasts the default 30 s.
  test.slow();
  await openPaused(page, "?mode=none&barriers=off&fs=ext3");
  const check = async () => {
    const before = await snapshot(page);
    await reopen(page);
    expect(await snapshot(page)).toEqual(before);
  };
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
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
  await expect(ledgerRow(page, 0)).toContainText("lost before its call returned");
  await expect(page.getByRole("status").filter({ hasText: "Power lost" })).toContainText(
    "Lost: #1.",
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
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Step forward" }).click();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(new URL(copied).hash).toBe("#writes=s");
  expect(copied).toMatch(/t=/);
});

test("Export scenario gives the JSON the command line reads, with the same outcomes", async ({
  page,
}) => {
  await openPaused(page, "?mode=none&barriers=off");
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
  await playUntil(page, 0, async () => (await acked.count()) > 0);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export scenario" }).click();
  const path = await (await download).path();
  const parsed = parseScenario(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(problemLine(parsed.problem));
  const [outcome] = outcomeOf(parsed.scenario).writes;
  expect(outcome?.survives).toBe(false);
  await expect(ledgerRow(page, 0)).toContainText("lost, though promised durable");
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
  // A key twice is refused as the CLI refuses it (src/scenario/text.ts), not read last-wins.
  await input.setInputFiles({
    name: "twice.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      '{"version": 1, "config": {"mode": "none", "mode": "unsafe", "guestBarriers": true}, "ops": []}',
    ),
  });
  await expect(
    page.getByText(
      'twice.json is not opened (document: the key "mode" appears twice in one object)',
    ),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: "writeback" })).toBeChecked();
  await input.setInputFiles({
    name: "good.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      // UTF-16 with its byte-order mark, as Notepad saves "Unicode": read as the CLI reads it.
      `\uFEFF${JSON.stringify({
        version: 1,
        config: { mode: "directsync", guestBarriers: false, guestFs: "ext3" },
        ops: [
          { at: 0, kind: "osync" },
          { at: 1, kind: "barrier" },
        ],
      })}`,
      "utf16le",
    ),
  });
  await expect(page.getByText("Opened good.json.")).toBeVisible();
  await expect(page.getByRole("radio", { name: "directsync" })).toBeChecked();
  await expect(
    page.getByRole("radiogroup", { name: "Guest filesystem" }).getByRole("radio", { name: "ext3" }),
  ).toBeChecked();
  await expect(ledgerRow(page, 1)).toContainText("Barrier");
  await expect(page).toHaveURL(/#writes=sb1$/);
});

test("the timeline: a slider named Time, stepped by the keyboard and dragged by the mouse", async ({
  page,
}) => {
  await openPaused(page, "?mode=writeback&barriers=on");
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  const slider = page.getByRole("slider", { name: "Time" });
  await expect(slider).toHaveAttribute("aria-valuenow", "0");
  await expect(slider).toHaveAttribute("aria-valuetext", "0 µs");
  const end = Number(await slider.getAttribute("aria-valuemax"));
  expect(end).toBeGreaterThan(14);
  await slider.focus();
  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuenow", String(end));
  // The O_SYNC write's journal commit is its own (docs/model.md §8.16): the run ends ~14 ms in.
  await expect(page.locator(".readout .clock")).toHaveText(formatModelTime(end));
  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuenow", "0");
  // Arrow keys step from event to event, as Step forward does.
  await page.keyboard.press("ArrowRight");
  const first = Number(await slider.getAttribute("aria-valuenow"));
  expect(first).toBeGreaterThan(0);
  await page.keyboard.press("ArrowLeft");
  await expect(slider).toHaveAttribute("aria-valuenow", "0");
  // A click anywhere on the track seeks there (no drag needed, WCAG 2.5.7); a drag moves the
  // token in the same frame as the pointer.
  const box = await slider.boundingBox();
  if (!box) throw new Error("no track");
  const token = page.locator('.token[data-op="0"]');
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  const middle = Number(await slider.getAttribute("aria-valuenow"));
  expect(middle).toBeGreaterThan(0);
  expect(middle).toBeLessThan(end);
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
  await page.mouse.down();
  const early = await token.getAttribute("transform");
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  expect(await token.getAttribute("transform")).not.toBe(early);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.up();
  expect(Number(await slider.getAttribute("aria-valuenow"))).toBeGreaterThan(middle);
  // The link follows the moment.
  await expect(page).toHaveURL(/t=/);
});

test("'If it failed now' and the exposure strip follow the model at the playhead", async ({
  page,
}) => {
  await openPaused(page, "?mode=none&barriers=off&ops=osync@0,normal@0&t=0.2");
  await revealBelowStage(page);
  const table = page.getByRole("table", { name: "If it failed now" });
  const row = (kind: string) => table.locator(`[data-failure="${kind}"]`);
  // At 0.2 ms the O_SYNC write sits acknowledged in the drive's volatile cache, the buffered
  // one in guest RAM (acknowledged too: it returned from there).
  await expect(row("power")).toHaveAttribute("data-lost", "2");
  await expect(row("power")).toHaveAttribute("data-lost-acked", "2");
  // Of those, only the O_SYNC write had been promised durable.
  await expect(row("power")).toHaveAttribute("data-lost-promised", "1");
  await expect(row("host")).toHaveAttribute("data-lost", "1");
  await expect(row("guest")).toHaveAttribute("data-lost", "1");
  await expect(page.getByRole("img", { name: /^Exposure/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Exposure/ })).toHaveAttribute(
    "aria-label",
    /at most 2 writes that had returned/,
  );
  // Striking there destroys exactly what the table said.
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Power lost" })).toContainText(
    "Lost: #1, #2.",
  );
});

test("reduced motion: scrubbing shows tokens only at box positions, never between", async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openPaused(page, "?mode=writethrough&barriers=on&ops=osync@0");
  const slider = page.getByRole("slider", { name: "Time" });
  const box = await slider.boundingBox();
  if (!box) throw new Error("no track");
  const token = page.locator('.token[data-op="0"]');
  const places = new Set<string | null>();
  for (let x = 0.02; x < 1; x += 0.04) {
    await page.mouse.click(box.x + box.width * x, box.y + box.height / 2);
    places.add(await token.getAttribute("transform"));
  }
  // Guest application, guest page cache, virtual disk, host page cache, disk cache, platters.
  expect(places.size).toBeGreaterThan(2);
  expect(places.size).toBeLessThanOrEqual(6);
});
