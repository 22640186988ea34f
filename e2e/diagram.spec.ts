/**
 * The diagram driven by the real model in the real browser: every cache mode × guest barrier
 * setting, power loss, the URL, bad input, the keyboard alone, reduced motion and axe.
 */
import { readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import {
  caughtUp,
  cutPowerOnceAcked,
  ledgerRow,
  openPaused,
  pathsOf,
  playUntil,
  pumpUntil,
} from "./helpers";
import { differing, drawing, writes } from "./pixels";

/** docs/model.md §3's O_SYNC table: the arrows travelled before the ack, and where it is acked. */
const OSYNC = [
  { mode: "writeback", barriers: "off", paths: ["red"], ackedIn: "in the host page cache" },
  { mode: "writeback", barriers: "on", paths: ["red", "green"], ackedIn: "on the platters" },
  { mode: "none", barriers: "off", paths: ["gray"], ackedIn: "in the disk write cache" },
  { mode: "none", barriers: "on", paths: ["gray", "green"], ackedIn: "on the platters" },
  { mode: "writethrough", barriers: "off", paths: ["blue"], ackedIn: "on the platters" },
  { mode: "writethrough", barriers: "on", paths: ["blue"], ackedIn: "on the platters" },
  { mode: "directsync", barriers: "off", paths: ["blue"], ackedIn: "on the platters" },
  { mode: "directsync", barriers: "on", paths: ["blue"], ackedIn: "on the platters" },
  { mode: "unsafe", barriers: "off", paths: ["red"], ackedIn: "in the host page cache" },
  { mode: "unsafe", barriers: "on", paths: ["red"], ackedIn: "in the host page cache" },
];

for (const row of OSYNC) {
  test(`O_SYNC under ${row.mode}, barriers ${row.barriers}: ${row.paths.join(" then ")}, acknowledged ${row.ackedIn}`, async ({
    page,
  }) => {
    await openPaused(page, `?mode=${row.mode}&barriers=${row.barriers}`);
    await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
    await page.getByRole("button", { name: "Play" }).click();
    const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
    const samples = await playUntil(page, 0, async () => (await acked.count()) > 0);
    expect(pathsOf(samples)).toEqual(row.paths);
    await expect(acked).toContainText(row.ackedIn);
    // The arrow it travelled is the active one in the drawing.
    for (const path of row.paths) {
      await expect(page.locator(`svg path[data-path="${path}"]`)).toHaveAttribute(
        "data-active",
        "true",
      );
    }
  });
}

test("an O_SYNC write takes visibly longer under writethrough than under none", async ({
  page,
}) => {
  const stepsUntilAck = async (mode: string) => {
    await openPaused(page, `?mode=${mode}&barriers=off`);
    await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
    await page.getByRole("button", { name: "Play" }).click();
    const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
    return (await playUntil(page, 0, async () => (await acked.count()) > 0)).length;
  };
  const none = await stepsUntilAck("none");
  const writethrough = await stepsUntilAck("writethrough");
  expect(writethrough).toBeGreaterThan(none);
});

test("power loss marks exactly the unsafe writes lost", async ({ page }) => {
  await openPaused(page, "?mode=writethrough&barriers=off");
  await cutPowerOnceAcked(page, ["Normal write", "O_SYNC write", "O_DIRECT write"]);
  // The buffered write still sits in guest RAM; the two others are on the platters.
  await expect(ledgerRow(page, 0)).toContainText("lost");
  await expect(ledgerRow(page, 1)).toContainText("survived");
  await expect(ledgerRow(page, 2)).toContainText("survived");
  await expect(page.locator('svg [data-lost="true"]')).toHaveCount(1);
  await expect(page.locator('svg .token[data-op="0"]')).toHaveAttribute("data-lost", "true");
  await expect(page.getByRole("status").filter({ hasText: "Power lost" })).toContainText(
    "Lost: #1.",
  );
  await expect(page.getByRole("button", { name: "Normal write" })).toBeDisabled();
});

test("the URL reflects the configuration and restores it", async ({ page }) => {
  await openPaused(page);
  await expect(page.getByRole("radio", { name: "writeback" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).toBeChecked();
  await page.getByRole("radio", { name: "none", exact: true }).check();
  await page.getByRole("checkbox", { name: "Guest barriers" }).uncheck();
  await page
    .getByRole("radiogroup", { name: "Disk write cache" })
    .getByRole("radio", { name: "battery" })
    .check();
  await expect(page).toHaveURL(/\?mode=none&barriers=off&fs=ext4&disk=battery$/);
  await page.reload();
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).not.toBeChecked();
  await expect(page.getByRole("radio", { name: "battery" })).toBeChecked();
});

test("bad URL parameters get a polite notice and the defaults", async ({ page }) => {
  await openPaused(page, "?mode=fast&barriers=maybe&disk=ssd");
  const notices = page.locator(".notices");
  await expect(notices).toContainText("“mode” is not valid");
  await expect(notices).toContainText("using writeback instead");
  await expect(notices).toContainText("“barriers” is not valid (expected on or off");
  await expect(notices).toContainText("“disk” is not valid");
  await expect(page.getByRole("radio", { name: "writeback" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "volatile" })).toBeChecked();
});

test("everything works with the keyboard alone", async ({ page }) => {
  await openPaused(page);
  /** Presses Tab until the focused control's text (or a radio's value) ends with `name`. */
  const tabTo = async (name: string) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLInputElement ? el.value : (el?.textContent.trim() ?? "");
      });
      if (focused.endsWith(name)) return;
    }
    throw new Error(`could not reach ${name} with Tab`);
  };
  // After the top bar's actions, the cache-mode strip, directly above the stack: Tab reaches it,
  // arrows change it.
  await tabTo("writeback");
  await expect(page.getByRole("radio", { name: "writeback" })).toBeFocused();
  await tabTo("O_SYNC write");
  await page.keyboard.press("Enter");
  await tabTo("Play");
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Pause" })).toBeFocused();
  await page.getByRole("radio", { name: "writeback" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeFocused();
  // The write issued before the change runs again under none (with barriers): gray, then green.
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
  const samples = await playUntil(page, 0, async () => (await acked.count()) > 0);
  expect(pathsOf(samples)).toEqual(["gray", "green"]);
  await expect(acked).toContainText("on the platters");
});

test("reduced motion: tokens change place without travelling", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openPaused(page, "?mode=writethrough&barriers=on");
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
  const samples = await playUntil(page, 0, async () => (await acked.count()) > 0);
  const places = new Set(samples.map((s) => s.transform));
  // Guest application, guest page cache, virtual disk, host page cache (writethrough's clean
  // copy), disk write cache, platters: six places, nothing between.
  expect(places.size).toBeLessThanOrEqual(6);
  expect(pathsOf(samples)).toEqual(["blue"]);
});

test("the pause control is always visible, and the diagram has no WCAG A/AA violations", async ({
  page,
}) => {
  await openPaused(page, "?mode=unsafe&barriers=on");
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Barrier", exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.clock.runFor(600);
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.getByRole("button", { name: "Pause" }).click();
  // axe schedules its own timers: let the page's time flow again.
  await page.clock.resume();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);
});

test("a configuration change runs the same writes again under the new one, and says so once", async ({
  page,
}) => {
  await openPaused(page, "?mode=writethrough&barriers=off");
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.clock.runFor(400);
  const clock = await page.locator(".readout .clock").textContent();
  await page.getByRole("radio", { name: "none", exact: true }).check();
  await expect(
    page.getByText("The same writes were run again under the new configuration."),
  ).toBeVisible();
  // The playhead stays where it was.
  expect(await page.locator(".readout .clock").textContent()).toBe(clock);
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
  const samples = await playUntil(page, 0, async () => (await acked.count()) > 0);
  expect(pathsOf(samples)).toEqual(["gray"]);
  await expect(acked).toContainText("in the disk write cache");
});

test("every arrow keeps at least 3:1 contrast against the diagram's background", async ({
  page,
}) => {
  await openPaused(page);
  const ratios = await page.evaluate(() => {
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const frame = document.querySelector(".frame rect");
    const background = luminance(frame ? getComputedStyle(frame).fill : "rgb(255,255,255)");
    return [...document.querySelectorAll<SVGPathElement>("svg path[data-path]")].map((path) => {
      const stroke = luminance(getComputedStyle(path).stroke);
      const [hi, lo] = stroke > background ? [stroke, background] : [background, stroke];
      return { path: path.dataset.path, ratio: (hi + 0.05) / (lo + 0.05) };
    });
  });
  expect(ratios.map((r) => r.path)).toEqual(["red", "gray", "blue", "green"]);
  for (const { path, ratio } of ratios) expect(ratio, path).toBeGreaterThanOrEqual(3);
});

test("playback stops while the diagram is off screen and resumes when it is back", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await openPaused(page, "?mode=writeback&barriers=off");
  await page.getByRole("button", { name: "Normal write" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.clock.runFor(200);
  const clock = page.locator(".readout .clock");
  // The open safety matrix makes the page long enough to scroll the diagram away entirely.
  await page.getByText("Safety matrix: every mode at a glance").click();
  // React reveals the lazily loaded panel on a timer of its own: step the page's clock for it.
  await expect
    .poll(async () => {
      await page.clock.runFor(100);
      return page.getByRole("table", { name: /Safety matrix/ }).count();
    })
    .toBe(1);
  await page.evaluate(() => {
    window.scrollTo(0, document.body.scrollHeight);
  });
  await expect(page.locator("figure svg[role=group]")).not.toBeInViewport();
  await page.clock.runFor(200);
  const frozen = await clock.textContent();
  await page.clock.runFor(2_000);
  expect(await clock.textContent()).toBe(frozen);
  await page.locator("figure svg[role=group]").scrollIntoViewIfNeeded();
  // The browser reports the diagram visible again at its next rendering step.
  await expect
    .poll(async () => {
      await page.clock.runFor(100);
      return clock.textContent();
    })
    .not.toBe(frozen);
});

test("playback stops while the tab is hidden", async ({ page }) => {
  await openPaused(page, "?mode=writeback&barriers=off");
  await page.getByRole("button", { name: "Normal write" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.clock.runFor(200);
  const clock = page.locator(".readout .clock");
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, "visibilityState", {
        configurable: true,
        get: () => (h ? "hidden" : "visible"),
      });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await setHidden(true);
  const frozen = await clock.textContent();
  await page.clock.runFor(2_000);
  expect(await clock.textContent()).toBe(frozen);
  await setHidden(false);
  await page.clock.runFor(2_000);
  expect(await clock.textContent()).not.toBe(frozen);
});

test("a host crash spares the disk's volatile cache; power loss does not (docs/model.md §4)", async ({
  page,
}) => {
  const after = async (failure: string) => {
    await openPaused(page, "?mode=none&barriers=off&disk=volatile");
    await page.getByRole("button", { name: "O_DIRECT write" }).click();
    await page.getByRole("button", { name: "Play" }).click();
    const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
    await playUntil(page, 0, async () => (await acked.count()) > 0);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: failure, exact: true }).click();
    await expect(
      page.getByRole("columnheader", { name: `After the ${failure.toLowerCase()}` }),
    ).toBeVisible();
    return (await ledgerRow(page, 0).textContent()) ?? "";
  };
  expect(await after("Host crash")).toContain("survived");
  // An O_DIRECT write's return promised nothing: lost, but no promise broken.
  expect(await after("Power loss")).toContain(
    "lost; its call had returned, but it was not promised durable",
  );
  await expect(page.getByRole("button", { name: "Reset" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Play" })).toBeDisabled();
});

test("each failure marks the boxes it wipes; a QEMU kill wipes QEMU's box with the virtual disk (docs/model.md §4)", async ({
  page,
}) => {
  const wipedAfter = async (failure: string, after: string) => {
    await openPaused(page, "?mode=writeback&barriers=on&disk=volatile");
    await page.getByRole("button", { name: "O_DIRECT write" }).click();
    await page.getByRole("button", { name: failure, exact: true }).click();
    await expect(page.getByRole("columnheader", { name: after })).toBeVisible();
    return page
      .locator('svg .box[data-wiped="true"]')
      .evaluateAll((boxes) => boxes.map((b) => b.getAttribute("data-layer")));
  };
  expect(await wipedAfter("Guest crash", "After the guest crash")).toEqual([
    "guest-app",
    "guest-page-cache",
    "guest-block-layer",
  ]);
  expect(await wipedAfter("QEMU killed", "After QEMU was killed")).toEqual([
    "guest-app",
    "guest-page-cache",
    "guest-block-layer",
    "virtual-disk",
    "qemu",
  ]);
});

test("stepping forward and back walks the write through its events", async ({ page }) => {
  await openPaused(page, "?mode=none&barriers=on");
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  const acked = ledgerRow(page, 0).getByRole("cell", { name: /^returned/ });
  const forward = page.getByRole("button", { name: "Step forward" });
  let steps = 0;
  while ((await acked.count()) === 0 && steps < 20) {
    await forward.click();
    await caughtUp(page);
    steps++;
  }
  await expect(acked).toContainText("on the platters");
  const token = page.locator('svg .token[data-op="0"]');
  await expect(token).toHaveAttribute("data-layer", "platters");
  await page.getByRole("button", { name: "Step back" }).click();
  await expect(ledgerRow(page, 0)).toContainText("not yet");
  await expect(token).not.toHaveAttribute("data-layer", "platters");
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
});

test("playback stops when nothing is left to happen, and Play replays", async ({ page }) => {
  await openPaused(page, "?mode=directsync&barriers=off");
  await page.getByRole("button", { name: "O_DIRECT write" }).click();
  await page.getByRole("button", { name: "Play" }).click();
  const play = page.getByRole("button", { name: "Play" });
  await playUntil(page, 0, async () => (await play.count()) === 1);
  await expect(page.getByRole("button", { name: "Step forward" })).toBeDisabled();
  await expect(ledgerRow(page, 0)).toContainText("durable at");
  await play.click();
  await expect(ledgerRow(page, 0)).toContainText("not yet");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
});

test("a failure is a point in time: stepping back shows the world before it, forward shows it again", async ({
  page,
}) => {
  await openPaused(page, "?mode=writeback&barriers=off");
  await cutPowerOnceAcked(page, ["O_SYNC write"]);
  await expect(ledgerRow(page, 0)).toContainText("lost, though promised durable");
  const back = page.getByRole("button", { name: "Step back" });
  while (await back.isEnabled()) await back.click();
  await expect(ledgerRow(page, 0)).not.toContainText("lost");
  await expect(page.locator('.token[data-op="0"]')).not.toHaveAttribute("data-lost", "true");
  const forward = page.getByRole("button", { name: "Step forward" });
  while (await forward.isEnabled()) await forward.click();
  await expect(ledgerRow(page, 0)).toContainText("lost, though promised durable");
  await expect(page.locator('.token[data-op="0"]')).toHaveAttribute("data-lost", "true");
  // Undo keeps the write: it plays on to the platters.
  await page.getByRole("button", { name: "Undo failure" }).click();
  await expect(ledgerRow(page, 0)).not.toContainText("lost");
  await page.getByRole("button", { name: "Play" }).click();
  const durable = ledgerRow(page, 0).getByRole("cell", { name: /^durable at/ });
  await playUntil(page, 0, async () => (await durable.count()) > 0);
});

/**
 * Past CANVAS_FROM (200) tokens the diagram paints them on a canvas (src/anim/canvas.ts): the
 * picture must not change when the 201st write arrives. The same 200 writes are shown at the same
 * instant twice: drawn as SVG nodes, and painted, beside a 201st write issued long after (not yet
 * on screen). The two pictures are compared pixel by pixel in the browser.
 */
const TWO_HUNDRED = writes(200);

const CANVAS_CASES = [
  { label: "", at: "?mode=writethrough&barriers=on&t=3.1", writes: 200 },
  {
    label: ", after a power loss",
    at: "?mode=writethrough&barriers=on&crash=power@3.1&t=3.1",
    writes: 200,
  },
  // Journal commit blocks travel too (docs/model.md §8.14), one for each O_SYNC write and fsync
  // (§8.16): fewer writes, so that writes and blocks all stay SVG nodes.
  {
    label: ", with journal blocks",
    at: "?mode=writeback&barriers=off&fs=ext3&reorder=on&t=5000.5",
    writes: 100,
  },
];

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  for (const { label, at, writes: n } of CANVAS_CASES) {
    test(`past 200 tokens the canvas paints what the SVG drew (${String(viewport.width)} px${label})`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      const svg = await drawing(page, `${at}&ops=${writes(n)}`, "svg");
      const drawn = await page
        .locator("svg.stack-tokens .token, svg.stack-tokens .journal-token")
        .count();
      // The same writes, and more issued long after (not yet on screen): past 200 tokens.
      const later = Array.from({ length: 201 - n }, () => "normal@100000").join(",");
      const painted = await drawing(page, `${at}&ops=${writes(n)},${later}`, "canvas");
      expect(await page.locator(".token").count()).toBe(0);
      const empty = await drawing(page, at.replace(/&t=[^&]*/, ""), "svg");
      expect(drawn).toBeGreaterThanOrEqual(n);
      // The tokens make a difference (a canvas painting nothing would differ this much)...
      const tokens = await differing(page, svg, empty);
      expect(tokens).toBeGreaterThan(0.001);
      // ...and the canvas paints them where the SVG drew them, as the SVG drew them.
      expect(await differing(page, svg, painted)).toBeLessThan(tokens / 15);
    });
  }
}

test("past 200 writes an exported frame still carries every painted token, as vector marks", async ({
  context,
}) => {
  /** The visible tokens of the frame exported from `search`: op number, kind, lost, place. */
  const exported = async (search: string, layer: "svg" | "canvas") => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await openPaused(page, search);
    await expect(page.locator(`${layer}.stack-tokens`)).toHaveCount(1);
    // The export buttons load after the first view, revealed on React's timer (the test's clock).
    const exports = page.getByRole("group", { name: "Export" });
    await pumpUntil(page, () => exports.isVisible());
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exports.getByRole("button", { name: "Download SVG" }).click(),
    ]);
    const text = readFileSync(await download.path(), "utf8");
    await page.close();
    // Nothing of the frame is refused by the page's Content-Security-Policy on the way.
    expect(errors).toEqual([]);
    // Read where no such policy applies (a parsed document inherits the page's).
    const reader = await context.newPage();
    const tokens = await reader.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      return [...doc.querySelectorAll(".token[data-op]")]
        .filter((t) => !(t.getAttribute("style") ?? "").includes("hidden"))
        .map(
          (t) =>
            `#${t.getAttribute("data-op") ?? ""} ${t.getAttribute("data-kind") ?? ""}` +
            `${t.getAttribute("data-lost") ? " lost" : ""} ${t.getAttribute("transform") ?? ""}`,
        )
        .sort();
    }, text);
    await reader.close();
    return tokens;
  };
  const at = "?mode=writeback&barriers=off&crash=power@3.1&t=3.1";
  const drawn = await exported(`${at}&ops=${TWO_HUNDRED}`, "svg");
  const painted = await exported(`${at}&ops=${TWO_HUNDRED},normal@100000`, "canvas");
  expect(drawn.length).toBeGreaterThan(10);
  expect(drawn.some((t) => t.includes(" lost "))).toBe(true);
  expect(painted).toEqual(drawn);
});

test("an off failure button looks off: before any write the failure buttons are drawn apart from the ready ones", async ({
  page,
}) => {
  await openPaused(page, "?mode=writeback&barriers=on");
  const power = page.getByRole("button", { name: "Power loss", exact: true });
  // The words' colour and the border, what a person reads the state by (the fill barely differs).
  const look = () =>
    power.evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, border: s.borderColor };
    });
  await expect(power).toBeDisabled();
  const off = await look();
  await page.getByRole("button", { name: "O_SYNC write", exact: true }).click();
  await expect(power).toBeEnabled();
  const on = await look();
  expect(on.color).not.toBe(off.color);
  expect(on.border).not.toBe(off.border);
});
