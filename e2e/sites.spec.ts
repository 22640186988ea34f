/**
 * The recipes of docs/embedding.md in the docs tools people use (issue 17, item 2): a real site
 * built with each tool from the recipe's text (e2e/sites.ts), served from its own origin, with
 * the diagram from the preview server. The iframe is sized to its content by embed.js, the
 * element is laid out for the theme's column, both react to a click, and the element renders
 * when the reader arrives through the sidebar (client-side navigation) as on a full load; the
 * site's own dark switch turns the element dark with it (docs/embedding.md, "Themes").
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Server } from "node:http";
import { legibility } from "./legible";
import { available, buildSite, serveSite, TOOLS, type Tool } from "./sites";

/** The diagram's two forms on the recipe's page: sized, laid out, and reacting. */
async function checkDiagrams(page: Page): Promise<void> {
  const frame = page.frameLocator('iframe[src*="embed=1"]');
  const box = page.locator('iframe[src*="embed=1"]');
  await expect(frame.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  // embed.js sized the frame to its content: not the snippet's 1200 px, nothing scrolls inside.
  await expect
    .poll(
      async () => {
        const inside = await frame
          .locator("body")
          .evaluate((body) => body.getBoundingClientRect().height);
        return Math.abs(((await box.boundingBox())?.height ?? 0) - inside);
      },
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(4);
  await clickWrite(frame.locator("body"));

  const element = page.locator("kvm-cache-diagram");
  await expect(element.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  const seen = await legibility(element);
  expect(seen.diagramWidth).toBeGreaterThanOrEqual(600);
  expect(seen.smallestTitle).toBeGreaterThanOrEqual(16);
  expect(seen.smallestText.px, seen.smallestText.text).toBeGreaterThanOrEqual(11);
  await clickWrite(element);
}

/** A normal write clicked: a second token (the recipe's scenario has one O_SYNC write). */
async function clickWrite(diagram: Locator): Promise<void> {
  await expect(diagram.locator("svg .token")).toHaveCount(1);
  await diagram.getByRole("button", { name: "Normal write", exact: true }).click();
  await expect(diagram.locator("svg .token")).toHaveCount(2);
}

/** Each tool's own light/dark switch, flipped as a reader does (its default theme is light). */
const DARK_SWITCH: Readonly<Record<Tool, (page: Page) => Promise<void>>> = {
  // Two switches: the nav bar's, and the narrow screens' menu's (hidden here).
  vitepress: (page) =>
    page.getByRole("switch", { name: "Switch to dark theme" }).filter({ visible: true }).click(),
  docusaurus: (page) => page.getByRole("button", { name: /dark and light mode/ }).click(),
  mkdocs: (page) => page.getByTitle("Switch to dark mode").click(),
};

/** The dark theme's paper (src/ui/theme.css). */
const DARK_PAPER = "rgb(18, 20, 23)";

const background = (target: Locator) =>
  target.evaluate((el) => getComputedStyle(el).backgroundColor);

for (const tool of Object.keys(TOOLS) as Tool[]) {
  test.describe(`${tool} site from docs/embedding.md`, () => {
    // Skipped only where the tool is not installed: .ci/run installs MkDocs; mdBook has no Debian package.
    test.skip(!available(tool), `${tool} is not installed here (the recipe is written, not built)`);
    let site: { origin: string; server: Server } | null = null;
    const errors: string[] = [];

    test.beforeAll(async () => {
      // An npm ci and a build the first time: minutes on a 2-core machine, not seconds.
      test.setTimeout(600_000);
      const app = new URL(test.info().project.use.baseURL ?? "").origin;
      const started = Date.now();
      site = await serveSite(buildSite(tool, app));
      console.log(`${tool}: installed and built in ${String((Date.now() - started) / 1000)} s`);
    });

    test.afterAll(() => {
      site?.server.close();
    });

    test.beforeEach(async ({ page }) => {
      errors.length = 0;
      page.on("pageerror", (e) => errors.push(e.message));
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    test("on a full load of the page, the iframe is sized and the element laid out for the column; both react", async ({
      page,
    }) => {
      await page.goto(`${site?.origin ?? ""}${TOOLS[tool].page}`);
      await checkDiagrams(page);
      await page
        .locator("kvm-cache-diagram")
        .screenshot({ path: `test-results/site-${tool}-element.png` });
      expect(errors).toEqual([]);
    });

    test("the site's dark switch turns the element (theme=\"page\") dark with it; the iframe follows the browser's", async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${site?.origin ?? ""}${TOOLS[tool].page}`);
      const element = page.locator("kvm-cache-diagram");
      await expect(element.getByRole("group", { name: /Storage stack/ })).toBeVisible();
      const root = element.locator(".element-root");
      await expect.poll(() => background(root)).toBe("rgb(255, 255, 255)");
      await DARK_SWITCH[tool](page);
      await expect.poll(() => background(root)).toBe(DARK_PAPER);
      const frame = page.frameLocator('iframe[src*="embed=1"]');
      await expect.poll(() => background(frame.locator("html"))).toBe("rgb(255, 255, 255)");
      await page.emulateMedia({ colorScheme: "dark" });
      await expect.poll(() => background(frame.locator("html"))).toBe(DARK_PAPER);
      await page
        .locator("kvm-cache-diagram")
        .screenshot({ path: `test-results/site-${tool}-dark.png` });
      expect(errors).toEqual([]);
    });

    test("arriving through the sidebar, the element renders and the iframe is sized", async ({
      page,
    }) => {
      await page.goto(`${site?.origin ?? ""}/`);
      await page.evaluate(() => {
        (window as unknown as { sameDocument: boolean }).sameDocument = true;
      });
      await page.getByRole("link", { name: "Cache modes" }).first().click();
      await expect(page.getByRole("heading", { name: "Cache modes", level: 1 })).toBeVisible();
      await checkDiagrams(page);
      // VitePress and Docusaurus navigate without loading a page; MkDocs (without Material's
      // instant navigation) loads it.
      const same = await page.evaluate(() => "sameDocument" in window);
      expect(same).toBe(tool !== "mkdocs");
      expect(errors).toEqual([]);
    });
  });
}
