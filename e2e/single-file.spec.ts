/**
 * The single-file build (dist/kvm-cache-diagram.html): the whole app in one file that works
 * opened from disk and inside a sandbox="allow-scripts" frame, where module scripts and lazy
 * chunks cannot be fetched (issue 10, item 5). Its strict policy must refuse nothing it needs.
 */
import { fileURLToPath } from "node:url";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";

const FILE = fileURLToPath(new URL("../dist/kvm-cache-diagram.html", import.meta.url));

/** Console errors (a refused script, style or image shows as one) and uncaught exceptions. */
function problems(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") seen.push(m.text());
  });
  page.on("pageerror", (e) => seen.push(e.message));
  return seen;
}

async function works(root: Page | FrameLocator): Promise<void> {
  await expect(root.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  await root.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await root.getByRole("button", { name: "Play" }).click();
  // The ledger and the event line come from what the normal build loads lazily.
  await expect(root.getByRole("table", { name: "Operations" })).toBeVisible();
  await expect(
    root.getByRole("table", { name: "Operations" }).getByRole("cell", { name: /^returned/ }),
  ).toBeVisible({ timeout: 15_000 });
  await expect(root.locator("p.event")).toContainText(/#1/);
}

test("opened from disk (file://), it works, with nothing refused", async ({ page }) => {
  const seen = problems(page);
  await page.goto(`file://${FILE}?mode=writethrough`);
  await works(page);
  await expect(page.getByRole("radio", { name: "writethrough" })).toBeChecked();
  expect(seen).toEqual([]);
});

test("inside a sandbox=allow-scripts frame of another page, it works", async ({ page }) => {
  const seen = problems(page);
  await page.route("**/host.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Docs</title><iframe sandbox="allow-scripts" src="./kvm-cache-diagram.html?mode=none" title="KVM cache modes" style="width:1200px;height:1400px"></iframe>`,
    }),
  );
  await page.goto("./host.html");
  const frame = page.frameLocator("iframe");
  await works(frame);
  expect(seen).toEqual([]);
});
