/**
 * Themes (issue 17, item 4; docs/embedding.md, "Themes"): `theme=light|dark|auto` in a link and
 * the element's `theme` attribute, auto following the browser's colour scheme live, and every
 * view axe-clean (WCAG 2.2 AA, target size included) in both themes.
 */
import { readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { HOST_URL } from "../playwright.config";
import { cutPowerOnceAcked, openPaused, pumpUntil, revealBelowStage } from "./helpers";
import { differing, drawing, writes } from "./pixels";

/** The relative luminance (WCAG 2.2) of an element's own colour `property`. */
async function luminance(
  target: Locator,
  property: "color" | "backgroundColor" = "backgroundColor",
): Promise<number> {
  const rgb = await target.evaluate((el, p) => getComputedStyle(el)[p], property);
  const [r, g, b] = (/(\d+), (\d+), (\d+)/.exec(rgb)?.slice(1) ?? []).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  if (r === undefined || g === undefined || b === undefined || rgb.startsWith("rgba"))
    throw new Error(`no solid colour: ${rgb}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark: a background nearer black than mid-gray; light: nearer white. */
async function expectBackground(target: Locator, theme: "light" | "dark") {
  await expect
    .poll(() => luminance(target))
    [theme === "dark" ? "toBeLessThan" : "toBeGreaterThan"](0.2);
}

const pageBackground = (page: Page) => page.locator("html");

test("theme=dark in a link gives a dark page, theme=light a light one whatever the browser's", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await openPaused(page, "?theme=dark&ops=osync@0&t=3");
  await expectBackground(pageBackground(page), "dark");
  // The text is light on it: the colours changed together.
  expect(await luminance(page.locator("h1"), "color")).toBeGreaterThan(0.5);
  await page.emulateMedia({ colorScheme: "dark" });
  await openPaused(page, "?theme=light");
  await expectBackground(pageBackground(page), "light");
});

test("theme=auto (the default) follows the browser's colour scheme, and its changes while open", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openPaused(page, "");
  await expectBackground(pageBackground(page), "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expectBackground(pageBackground(page), "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await openPaused(page, "?theme=auto&embed=1", { ledger: false });
  await expectBackground(pageBackground(page), "dark");
});

test("a theme that is not one is named, and the browser's colours are followed", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openPaused(page, "?theme=purple");
  await expect(page.getByText(/The URL parameter “theme” is not valid/)).toBeVisible();
  await expectBackground(pageBackground(page), "dark");
});

test("the element's theme attribute: dark, auto by default, the page's, and recoloured in place when a site's switch changes it", async ({
  page,
}) => {
  const app = new URL(test.info().project.use.baseURL ?? "").origin;
  await page.emulateMedia({ colorScheme: "light" });
  const open = async (theme?: string) => {
    const query = new URLSearchParams({ app, width: "688", ...(theme ? { theme } : {}) });
    await page.goto(`${HOST_URL}column.html?${query.toString()}`);
    const element = page.locator("kvm-cache-diagram");
    await expect(element.getByRole("group", { name: /Storage stack/ })).toBeVisible();
    return { element, root: element.locator(".element-root") };
  };
  const dark = await open("dark");
  await expectBackground(dark.root, "dark");
  // Only the element is recoloured: the host page's text stays dark.
  expect(await luminance(page.locator("h1"), "color")).toBeLessThan(0.2);
  await dark.element.evaluate((el) => {
    el.setAttribute("theme", "light");
  });
  await expectBackground(dark.root, "light");
  await page.emulateMedia({ colorScheme: "dark" });
  const auto = await open();
  await expectBackground(auto.root, "dark");
  // A chosen light in a dark browser (or on a dark host page) paints its own light background.
  const light = await open("light");
  await expectBackground(light.root, "light");
  // theme="page": the host page's own colour scheme, as a docs theme's dark switch sets it,
  // whatever the browser's; a page with none is drawn light.
  const page_ = await open("page");
  await expectBackground(page_.root, "light");
  await page.evaluate(() => {
    document.documentElement.style.colorScheme = "dark";
  });
  await expectBackground(page_.root, "dark");
  await page.evaluate(() => {
    document.documentElement.style.colorScheme = "light";
  });
  await expectBackground(page_.root, "light");
  await page.evaluate(() => {
    document.documentElement.style.colorScheme = "light dark";
  });
  await expectBackground(page_.root, "dark");
  await expect(page_.element.getByText(/is not valid/)).toHaveCount(0);
});

test("the full page's Colours control: dark at once, kept in the address; auto follows the browser again", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await openPaused(page, "?mode=none");
  const colours = page.getByRole("combobox", { name: "Colours" });
  await pumpUntil(page, () => colours.isVisible());
  await expect(colours).toHaveValue("auto");
  await colours.selectOption("dark");
  await expectBackground(pageBackground(page), "dark");
  expect(new URL(page.url()).searchParams.get("theme")).toBe("dark");
  expect(new URL(page.url()).searchParams.get("mode")).toBe("none");
  await colours.selectOption("auto");
  await expectBackground(pageBackground(page), "light");
  expect(new URL(page.url()).searchParams.has("theme")).toBe(false);
});

test("an exported picture is light whatever the page's theme (for print and slides)", async ({
  page,
}) => {
  await openPaused(page, "?theme=dark&mode=writeback&barriers=off");
  await cutPowerOnceAcked(page, ["Normal write", "O_SYNC write"]);
  await revealBelowStage(page);
  await page.clock.resume(); // decoding the image runs on the page's own timers
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("group", { name: "Export" })
      .getByRole("button", { name: "Download PNG" })
      .click(),
  ]);
  const base64 = readFileSync(await download.path()).toString("base64");
  // The picture's mean luminance: a light drawing is mostly paper.
  const mean = await page.evaluate(async (png) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D context");
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4)
      sum +=
        (0.2126 * (data[i] ?? 0) + 0.7152 * (data[i + 1] ?? 0) + 0.0722 * (data[i + 2] ?? 0)) / 255;
    return sum / (data.length / 4);
  }, base64);
  expect(mean).toBeGreaterThan(0.7);
});

test("past 200 tokens the canvas repaints in the new colours when the browser turns dark", async ({
  page,
}) => {
  const at = "?mode=writethrough&barriers=on&t=3.1";
  const later = "normal@100000";
  await page.emulateMedia({ colorScheme: "dark" });
  const svg = await drawing(page, `${at}&ops=${writes(200)}`, "svg");
  const empty = await drawing(page, "?mode=writethrough&barriers=on", "svg");
  // Painted in light, then the browser turns dark while the page is open (auto follows it).
  await page.emulateMedia({ colorScheme: "light" });
  await drawing(page, `${at}&ops=${writes(200)},${later}`, "canvas");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectBackground(pageBackground(page), "dark");
  const png = await page.locator(".stack-wrap").screenshot({ animations: "disabled" });
  const tokens = await differing(page, svg, empty);
  expect(tokens).toBeGreaterThan(0.001);
  expect(await differing(page, svg, png.toString("base64"))).toBeLessThan(tokens / 15);
});

/** axe with the WCAG 2.2 A and AA rules, target size (2.5.8) included. */
async function axe(page: Page) {
  // axe waits on timers of its own: let the page's clock run.
  await page.clock.resume();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  }));
}

/** A failure already struck, writes lost, the wiped layers tinted: every colour at once. */
const AFTER_A_FAILURE =
  "mode=writeback&barriers=off&ops=osync@0,normal@0,barrier@1&crash=power@8&t=20";

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      // The wiped layers' flash is still: axe measures one colour, not a frame of an animation.
      await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
    });

    test(`axe: the full page, after a failure, with Faults, the ledger and the safety matrix open (${theme})`, async ({
      page,
    }) => {
      await openPaused(page, `?${AFTER_A_FAILURE}`);
      await page.getByText("Faults: none").click();
      await pumpUntil(page, () => page.getByRole("checkbox").nth(1).isVisible());
      await page.getByText("Safety matrix: every mode at a glance").click();
      await pumpUntil(page, () => page.getByRole("table", { name: /Safety matrix/ }).isVisible());
      expect(await axe(page)).toEqual([]);
    });

    test(`axe: presenter mode (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await openPaused(page, `?present=1&${AFTER_A_FAILURE}`, { ledger: false });
      expect(await axe(page)).toEqual([]);
    });

    test(`axe: compare (${theme})`, async ({ page }) => {
      await openPaused(page, `?${AFTER_A_FAILURE}&compare=writethrough`);
      const compared = page.getByRole("region", { name: "Compared configuration" });
      await pumpUntil(page, () =>
        compared.getByRole("group", { name: /Storage stack/ }).isVisible(),
      );
      expect(await axe(page)).toEqual([]);
    });

    test(`axe: the embed (${theme})`, async ({ page }) => {
      await openPaused(page, `?embed=1&ledger=1&theme=${theme}&${AFTER_A_FAILURE}`, {
        ledger: false,
      });
      await revealBelowStage(page);
      expect(await axe(page)).toEqual([]);
    });
  });
}
