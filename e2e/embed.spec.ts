/**
 * Embedding (issue 10; docs/embedding.md): a host page on another origin frames the app with
 * `?embed=1`, sizes the frame from the height the embed reports, drives it with the message API
 * and hears what happens. Host pages are served from e2e/hosts on another port (playwright.config.ts), a second
 * origin; the app comes from the preview server (which sends CORS headers, so a frame sandboxed
 * without allow-same-origin can load its module chunks).
 */
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { HOST_URL } from "../playwright.config";

const HOST = HOST_URL.replace(/\/$/, "");
const SCENARIO = {
  version: 1,
  config: { mode: "writeback", guestBarriers: false, guestFs: "ext3" },
  ops: [
    { at: 0, kind: "normal" },
    { at: 0, kind: "osync" },
  ],
};

interface Heard {
  readonly origin: string;
  readonly data: { readonly type: string; readonly [field: string]: unknown };
}

/** Opens the host page on HOST framing the app at `search`. */
async function host(page: Page, search: string, sandbox = "allow-scripts allow-popups") {
  const app = new URL(test.info().project.use.baseURL ?? "").origin;
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const query = new URLSearchParams({ app: `${app}/${search}`, sandbox });
  await page.goto(`${HOST}/frame.html?${query.toString()}`);
  return { app, requests, errors, frame: page.frameLocator("#kcd") };
}

async function heard(page: Page, type?: string): Promise<Heard[]> {
  const all = await page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
  return type ? all.filter((h) => h.data.type === `kvm-cache-diagram:${type}`) : all;
}

async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => {
    (window as unknown as { send: (m: unknown) => void }).send(m);
  }, message);
}

test("an embed in a frame sandboxed without allow-same-origin shows the stage, reports its height and links to the full view", async ({
  page,
}) => {
  const { app, requests, errors, frame } = await host(page, "?embed=1&mode=none&ops=osync@0");
  await expect(frame.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  await expect(frame.getByRole("radio", { name: "none" })).toBeChecked();
  // No page title and no ledger unless asked: the docs page has its own.
  await expect(frame.getByRole("heading", { name: "KVM cache modes" })).toHaveCount(0);
  await expect(frame.getByRole("table", { name: "Operations" })).toHaveCount(0);
  await expect(
    frame.getByText("ext4 guest, barriers on · disk write cache volatile"),
  ).toBeVisible();
  // The host sized the frame from the reported height: nothing is cut off, nothing scrolls.
  await expect.poll(async () => (await heard(page, "resize")).length).toBeGreaterThan(0);
  const reported = (await heard(page, "resize")).at(-1)?.data.height as number;
  expect(reported).toBeGreaterThan(500);
  const box = await page.locator("#kcd").boundingBox();
  expect(Math.round(box?.height ?? 0)).toBe(reported);
  // The drawing takes the frame's width, however short the frame was made at first.
  const drawing = await frame.locator("figure.diagram").boundingBox();
  expect(drawing?.width ?? 0).toBeGreaterThan(600);
  // The way out carries the same scenario, without the embed's own parameters.
  const link = frame.getByRole("link", { name: "Open full view" });
  const href = new URL((await link.getAttribute("href")) ?? "");
  expect(href.origin).toBe(app);
  expect(href.searchParams.get("mode")).toBe("none");
  expect(href.hash).toBe("#writes=s");
  expect(href.searchParams.has("embed")).toBe(false);
  expect(await heard(page, "ready")).toHaveLength(1);
  // Nothing was fetched from anywhere but the docs page and the app.
  expect(requests.filter((u) => !u.startsWith(HOST) && !u.startsWith(app))).toEqual([]);
  expect(errors).toEqual([]);
});

test("ledger=1 shows the ledger, play=1 plays", async ({ page }) => {
  const { frame } = await host(page, "?embed=1&ledger=1&play=1&ops=normal@0");
  const ledger = frame.getByRole("table", { name: "Operations" });
  await expect(ledger).toBeVisible();
  await expect(ledger.getByRole("cell", { name: /^returned/ })).toBeVisible({
    timeout: 15_000,
  });
});

test("commands from an allowed origin drive the embed, and its events come back", async ({
  page,
}) => {
  const { errors, frame } = await host(page, `?embed=1&ledger=1&origin=${HOST}`);
  await expect.poll(async () => (await heard(page, "ready")).length).toBe(1);
  await send(page, { type: "kvm-cache-diagram:load", version: 1, scenario: SCENARIO });
  await expect(frame.getByRole("radio", { name: "writeback" })).toBeChecked();
  await expect(frame.getByText("ext3 guest, barriers off")).toBeVisible();
  const rows = frame.getByRole("table", { name: "Operations" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  // Events go only to the allowed origin, and the state carries the scenario loaded.
  const state = (await heard(page, "state")).at(-1);
  expect(state?.origin).toBe("null");
  expect(state?.data.scenario).toEqual({
    ...SCENARIO,
    config: { ...SCENARIO.config, diskCache: "volatile" },
  });

  await send(page, { type: "kvm-cache-diagram:issue", version: 1, kind: "barrier" });
  await expect(rows).toHaveCount(4);
  await send(page, { type: "kvm-cache-diagram:play", version: 1 });
  // Both writes are acknowledged (without barriers, the O_SYNC one in the host page cache).
  await expect
    .poll(async () => (await heard(page, "acked")).map((h) => h.data.write), { timeout: 20_000 })
    .toEqual(expect.arrayContaining([0, 1]));
  await send(page, { type: "kvm-cache-diagram:pause", version: 1 });
  await send(page, { type: "kvm-cache-diagram:fail", version: 1, kind: "power" });
  await expect.poll(async () => (await heard(page, "lost")).length).toBe(1);
  const lost = (await heard(page, "lost"))[0]?.data;
  expect(lost?.failure).toBe("power");
  expect(lost?.acked).toEqual(expect.arrayContaining([0, 1]));
  await expect(frame.getByRole("button", { name: "Undo failure" })).toBeEnabled();

  await send(page, { type: "kvm-cache-diagram:seek", version: 1, tMs: 0 });
  await expect.poll(async () => (await heard(page, "state")).at(-1)?.data.tMs).toBe(0);
  expect(errors).toEqual([]);
});

/** Commands no embed may run, whoever sends them: each is refused by `parseCommand`. */
const MALFORMED: unknown[] = [
  null,
  42,
  "kvm-cache-diagram:play",
  [],
  { type: "kvm-cache-diagram:issue", version: 1, kind: "fsync" },
  { type: "kvm-cache-diagram:issue", version: 2, kind: "osync" },
  { type: "kvm-cache-diagram:fail", version: 1, kind: "normal" },
  { type: "kvm-cache-diagram:load", version: 1, scenario: { version: 1 } },
  { type: "kvm-cache-diagram:load", version: 1, scenario: SCENARIO, tMs: "5" },
  { type: "kvm-cache-diagram:seek", version: 1, tMs: -5 },
  { type: "kvm-cache-diagram:play", version: 1, kind: "osync" },
  { type: "kvm-cache-diagram:__proto__", version: 1 },
  { type: "other-widget:resize", height: 3 },
];

/**
 * Sends 1 000 messages cycling through `shapes`, every third with unknown fields added, and
 * checks the embed (framed with `ops=osync@0` and its ledger) is as it was: one write, no
 * failure, no state event, no page error.
 */
async function fuzz(page: Page, search: string, shapes: unknown[]) {
  const { errors, frame } = await host(page, search);
  const rows = frame.getByRole("table", { name: "Operations" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  const frameErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") frameErrors.push(m.text());
  });
  await page.evaluate((shapes) => {
    const send = (window as unknown as { send: (m: unknown) => void }).send;
    for (let i = 0; i < 1000; i++) {
      const base = shapes[i % shapes.length];
      send(
        i % 3 === 0 && typeof base === "object" && base !== null && !Array.isArray(base)
          ? { ...base, junk: "x".repeat(i % 50), nested: { deep: [i, { n: i }] } }
          : base,
      );
    }
  }, shapes);
  await page.waitForTimeout(500);
  await expect(rows).toHaveCount(2);
  await expect(frame.getByRole("button", { name: "Undo failure" })).toBeDisabled();
  expect(await heard(page, "state")).toEqual([]);
  expect(errors).toEqual([]);
  expect(frameErrors).toEqual([]);
  return { rows };
}

test("1,000 malformed, foreign and unauthorised messages change nothing and throw nothing", async ({
  page,
}) => {
  // No origin= in the URL: commands from this host are not allowed, however well formed.
  await fuzz(page, "?embed=1&ledger=1&ops=osync@0", [
    ...MALFORMED,
    { type: "kvm-cache-diagram:issue", version: 1, kind: "osync" },
    { type: "kvm-cache-diagram:fail", version: 1, kind: "power" },
  ]);
});

test("1,000 malformed commands from an allowed origin change nothing and throw nothing", async ({
  page,
}) => {
  // The host is allowed: every message reaches the parser, which must refuse each one.
  const { rows } = await fuzz(page, `?embed=1&ledger=1&ops=osync@0&origin=${HOST}`, MALFORMED);
  // The same host's well-formed command is still run: the origin really was allowed.
  await send(page, { type: "kvm-cache-diagram:issue", version: 1, kind: "normal" });
  await expect(rows).toHaveCount(3);
});

/** A docs example (docs/embedding.md, a block marked `example=<name>`), served by the host. */
async function docsExample(page: Page, name: string) {
  const app = new URL(test.info().project.use.baseURL ?? "").origin;
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${HOST}/docs/${name}.html?app=${encodeURIComponent(app)}`);
  return { errors };
}

test("docs/embedding.md: the plain iframe example shows its scenario", async ({ page }) => {
  const { errors } = await docsExample(page, "iframe");
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("radio", { name: "writeback" })).toBeChecked();
  await expect(frame.getByText("ext3 guest, barriers off")).toBeVisible();
  await expect(frame.getByRole("link", { name: "Open full view" })).toBeVisible();
  // Its embed.js line sized it to its content.
  const box = page.locator("iframe");
  await expect
    .poll(async () =>
      Math.abs(((await box.boundingBox())?.height ?? 0) - (await contentHeight(frame))),
    )
    .toBeLessThanOrEqual(4);
  expect(errors).toEqual([]);
});

test("docs/embedding.md: the message API example loads, plays and hears the acknowledgement", async ({
  page,
}) => {
  const { errors } = await docsExample(page, "messages");
  await expect(page.getByText("Write #1 returned.")).toBeVisible({ timeout: 20_000 });
  // It sized the frame from the reported height.
  const height = await page.locator("#diagram").getAttribute("height");
  expect(Number(height)).toBeGreaterThan(600);
  await expect(page.frameLocator("#diagram").getByText("ext3 guest, barriers off")).toBeVisible();
  expect(errors).toEqual([]);
});

test("docs/embedding.md: the element example shows two independent diagrams in open shadow roots, styled", async ({
  page,
}) => {
  const { errors } = await docsExample(page, "element");
  const elements = page.locator("kvm-cache-diagram");
  await expect(elements).toHaveCount(2);
  const [first, second] = [elements.nth(0), elements.nth(1)];
  // Playwright's locators pierce open shadow roots: what assistive technology reaches, a test does.
  await expect(first.getByRole("radio", { name: "none" })).toBeChecked();
  await expect(first.getByText("ext3 guest, barriers off")).toBeVisible();
  await expect(second.getByRole("radio", { name: "writethrough" })).toBeChecked();
  await expect(second.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  expect(await first.evaluate((el) => el.shadowRoot?.mode)).toBe("open");
  // Its styles apply inside (the strip's radios are drawn as segments) and not outside.
  const segment = first.locator(".segment label").first();
  expect(await segment.evaluate((el) => getComputedStyle(el).borderRadius)).toBe("5px");
  expect(await page.locator("h1").evaluate((el) => getComputedStyle(el).fontSize)).toBe("32px");

  // Independent: a write in one is not in the other; each fires its own events.
  await first.evaluate((el) => {
    (window as unknown as { told: string[] }).told = [];
    el.addEventListener("kvm-cache-diagram:state", (e) => {
      const detail = (e as CustomEvent<{ scenario: { ops: unknown[] } }>).detail;
      (window as unknown as { told: string[] }).told.push(
        `ops ${String(detail.scenario.ops.length)}`,
      );
    });
  });
  await first.getByRole("button", { name: "Normal write", exact: true }).click();
  await expect(first.locator("svg .token")).toHaveCount(1);
  await expect(second.locator("svg .token")).toHaveCount(1);
  await first.getByRole("button", { name: "Normal write", exact: true }).click();
  await expect(first.locator("svg .token")).toHaveCount(2);
  await expect(second.locator("svg .token")).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { told: string[] }).told)).toEqual([
    "ops 1",
    "ops 2",
  ]);
  // Its attributes are live: a new mode shows at once.
  await first.evaluate((el) => {
    el.setAttribute("mode", "directsync");
  });
  await expect(first.getByRole("radio", { name: "directsync" })).toBeChecked();
  expect(errors).toEqual([]);
});

/** The late host page (e2e/hosts/late.html): dist/embed.js added `delay` ms after the frame loaded. */
async function lateHost(page: Page, search: string, delay: number, sandbox?: string) {
  const app = new URL(test.info().project.use.baseURL ?? "").origin;
  const query = new URLSearchParams({
    app: `${app}/${search}`,
    script: `${app}/embed.js`,
    delay: String(delay),
  });
  if (sandbox !== undefined) query.set("sandbox", sandbox);
  await page.goto(`${HOST}/late.html?${query.toString()}`);
  return page.frameLocator("#kcd");
}

/** The embed's content height, measured inside the frame. */
async function contentHeight(frame: FrameLocator): Promise<number> {
  return frame.locator("body").evaluate((body) => body.getBoundingClientRect().height);
}

test("dist/embed.js added 2 s after the frame loaded sizes it to its content, and follows it", async ({
  page,
}) => {
  const frame = await lateHost(page, "?embed=1&mode=writeback&ops=osync@0", 2_000);
  await expect(frame.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  const box = page.locator("#kcd");
  // Before the script: the snippet's height, the content longer than that.
  expect((await box.boundingBox())?.height).toBe(400);
  await page.waitForFunction(() => "frameLoaded" in window);
  await page.waitForFunction(() => "scriptAdded" in window, undefined, { timeout: 10_000 });
  const loaded = await page.evaluate(() => {
    const w = window as unknown as { frameLoaded: number; scriptAdded: number };
    return w.scriptAdded - w.frameLoaded;
  });
  expect(loaded).toBeGreaterThanOrEqual(2_000);
  await expect
    .poll(async () =>
      Math.abs(((await box.boundingBox())?.height ?? 0) - (await contentHeight(frame))),
    )
    .toBeLessThanOrEqual(4);
  expect((await box.boundingBox())?.height).toBeGreaterThan(600);
  // The content grows (the ledger's "Why" opened): the frame follows.
  const before = (await box.boundingBox())?.height ?? 0;
  await frame.getByText("Why, and what this assumes").click();
  await expect.poll(async () => (await box.boundingBox())?.height ?? 0).toBeGreaterThan(before);
  await expect
    .poll(async () =>
      Math.abs(((await box.boundingBox())?.height ?? 0) - (await contentHeight(frame))),
    )
    .toBeLessThanOrEqual(4);
});

test("dist/embed.js sizes a sandboxed frame whose origin= leaves the host page out, and the embed warns once what to add", async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning" && m.text().includes("kvm-cache-diagram")) warnings.push(m.text());
  });
  const frame = await lateHost(
    page,
    "?embed=1&mode=none&origin=https://docs.example.org",
    0,
    "allow-scripts",
  );
  await expect(frame.getByRole("group", { name: /Storage stack/ })).toBeVisible();
  const box = page.locator("#kcd");
  await expect
    .poll(async () =>
      Math.abs(((await box.boundingBox())?.height ?? 0) - (await contentHeight(frame))),
    )
    .toBeLessThanOrEqual(4);
  await expect.poll(() => warnings.length).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(`Add it: origin=https://docs.example.org,${HOST}`);
});
