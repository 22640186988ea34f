/**
 * The element in a docs column (issue 17, item 1): it lays itself out by its own width, not the
 * window's, so a 688 px column at a 1440 px window (VitePress's) gets the one-column layout and
 * a drawing as wide as the column, as legible as an iframe of the embed in the same column.
 */
import { expect, test, type Page } from "@playwright/test";
import { HOST_URL } from "../playwright.config";
import { legibility } from "./legible";

async function column(page: Page, width: number, frame = false) {
  const app = new URL(test.info().project.use.baseURL ?? "").origin;
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const query = new URLSearchParams({ app, width: String(width), frame: frame ? "1" : "0" });
  await page.goto(`${HOST_URL}column.html?${query.toString()}`);
  const root = frame
    ? page.frameLocator("iframe").locator("body")
    : page.locator("kvm-cache-diagram");
  await expect(root.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  return { root, errors };
}

test("in a 688 px column at a 1440×900 window the element is laid out for the column: a 600 px drawing, 16 px titles, nothing under 11 px", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { root, errors } = await column(page, 688);
  const seen = await legibility(root);
  expect(seen.diagramWidth).toBeGreaterThanOrEqual(600);
  expect(seen.smallestTitle).toBeGreaterThanOrEqual(16);
  expect(seen.smallestText.px, seen.smallestText.text).toBeGreaterThanOrEqual(11);
  // The buttons and the verdict come under the stage, not squeezed beside it.
  const stage = await root.locator(".stage").boundingBox();
  const side = await root.locator(".side").boundingBox();
  expect(side?.y ?? 0).toBeGreaterThan((stage?.y ?? 0) + (stage?.height ?? 0) - 1);
  await page.locator(".column").screenshot({ path: "test-results/element-688.png" });
  expect(errors).toEqual([]);
});

for (const width of [320, 480, 688, 900, 1200]) {
  test(`in a ${String(width)} px column at a 1440×900 window the element is as legible as the iframe`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const frame = await legibility((await column(page, width, true)).root);
    const { root, errors } = await column(page, width);
    const element = await legibility(root);
    expect(element.diagramWidth).toBeGreaterThanOrEqual(frame.diagramWidth - 2);
    expect(element.smallestTitle).toBeGreaterThanOrEqual(frame.smallestTitle - 0.5);
    expect(element.smallestText.px, element.smallestText.text).toBeGreaterThanOrEqual(
      Math.min(11, frame.smallestText.px),
    );
    expect(errors).toEqual([]);
  });
}
