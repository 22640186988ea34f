/**
 * The stage tells the truth at every instant and reads where it is used: the ack mark leaves
 * from where the call returned, a crash stops the world, the verdict, volatility and the done
 * flag follow the model, the stack fits and stays legible at four viewports, nothing moves
 * during playback, the phone layout, direct manipulation by keyboard, and the worst moment.
 * Expected values come from the real model (src/model), never from a copy of its rules.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { CACHE_MODES, DISK_CACHES } from "../src/model/config";
import { matrixRow } from "../src/model/matrix";
import { OP_KINDS, type OpKind } from "../src/model/timeline";
import { ledgerRow, openPaused, playUntil } from "./helpers";

const BUTTON: Readonly<Record<OpKind, string>> = {
  normal: "Normal write",
  osync: "O_SYNC write",
  barrier: "Barrier",
  odirect: "O_DIRECT write",
};

const onOff = (on: boolean) => (on ? "on" : "off");

async function open(page: Page, search: string): Promise<void> {
  await page.goto(`./${search}`);
  await expect(page.getByRole("group", { name: /Storage stack/ })).toBeVisible();
}

async function issue(page: Page, kind: OpKind): Promise<void> {
  await page.getByRole("button", { name: BUTTON[kind], exact: true }).click();
}

/** Steps forward event by event until op `op`'s ack mark shows; returns the layer it leaves from. */
async function ackLayer(page: Page, op: number): Promise<string | null> {
  const ack = page.locator(`.ack[data-op="${String(op)}"]`);
  const forward = page.getByRole("button", { name: "Step forward" });
  for (let i = 0; i < 80; i++) {
    if (await ack.evaluate((el) => (el as SVGGElement).style.visibility !== "hidden")) {
      return ack.getAttribute("data-layer");
    }
    if (await forward.isDisabled()) break;
    await forward.click();
  }
  throw new Error(`op ${String(op)} was never acknowledged`);
}

for (const mode of CACHE_MODES) {
  test(`the ack mark leaves from where the call returned, under ${mode}, for every kind and barrier setting`, async ({
    page,
  }) => {
    for (const barriers of [false, true]) {
      for (const kind of OP_KINDS) {
        await open(page, `?mode=${mode}&barriers=${onOff(barriers)}`);
        // A barrier is measured as the matrix measures it: after a write it covers.
        if (kind === "barrier") await issue(page, "normal");
        await issue(page, kind);
        const row = matrixRow(mode, barriers, kind);
        // A barrier's call returns where its flush stopped or completed (docs/model.md §3).
        const expected =
          kind !== "barrier"
            ? row.ackedIn
            : row.flush === "passed"
              ? "platters"
              : row.flush === "ignored-by-qemu"
                ? "qemu"
                : "guest-block-layer";
        expect(
          await ackLayer(page, kind === "barrier" ? 1 : 0),
          `${kind}, barriers ${onOff(barriers)}`,
        ).toBe(expected);
      }
    }
  });
}

test("a crash stops the world: the token stays where it was, nothing arrives, nothing more is said", async ({
  page,
}) => {
  await openPaused(page, "?mode=none&barriers=off");
  await issue(page, "osync");
  await page.getByRole("button", { name: "Play" }).click();
  const token = page.locator('.token[data-op="0"]');
  // Until the write is on its way along the gray arrow, between QEMU and the disk's cache.
  await playUntil(page, 0, async () => (await token.getAttribute("data-path")) === "gray");
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  const event = page.getByRole("status").filter({ hasText: "Power lost" });
  await expect(event).toContainText("Lost: #1.");
  const before = {
    transform: await token.getAttribute("transform"),
    layer: await token.getAttribute("data-layer"),
    event: await event.textContent(),
  };
  expect(before.layer).toBe("virtual-disk");
  await expect(token).toHaveAttribute("data-lost", "true");
  await expect(page.getByRole("button", { name: "Step forward" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Play" })).toBeDisabled();
  await page.clock.runFor(10_000);
  expect(await token.getAttribute("transform")).toBe(before.transform);
  expect(await token.getAttribute("data-layer")).toBe(before.layer);
  expect(await event.textContent()).toBe(before.event);
  await expect(ledgerRow(page, 0)).toContainText("lost before its call returned");
  await expect(page.getByText(/now in the disk write cache/)).toHaveCount(0);
});

test("the verdict, volatility and the done flag follow the model for every mode, barrier setting and disk", async ({
  page,
}) => {
  for (const mode of CACHE_MODES) {
    for (const barriers of [false, true]) {
      for (const disk of DISK_CACHES) {
        const what = `${mode}, barriers ${onOff(barriers)}, disk ${disk}`;
        await open(page, `?mode=${mode}&barriers=${onOff(barriers)}&disk=${disk}`);
        const row = matrixRow(mode, barriers, "osync", { diskCache: disk });
        const verdict = page.getByRole("region", { name: "Verdict" }).locator("[data-verdict]");
        await expect(verdict, what).toHaveAttribute(
          "data-verdict",
          row.safeOnPowerLoss ? "safe" : "unsafe",
        );
        await expect(verdict, what).toContainText(row.safeOnPowerLoss ? "✔" : "✘");
        await expect(page.locator("[data-done-flag]"), what).toHaveAttribute(
          "data-layer",
          row.ackedIn,
        );
        const volatile = (layer: string) =>
          page.locator(`svg [data-layer="${layer}"][data-volatile]`);
        await expect(volatile("disk-cache"), what).toHaveAttribute(
          "data-volatile",
          String(disk === "volatile"),
        );
        await expect(volatile("host-page-cache"), what).toHaveAttribute("data-volatile", "true");
        await expect(volatile("platters"), what).toHaveAttribute("data-volatile", "false");
      }
    }
  }
});

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

for (const viewport of VIEWPORTS) {
  test(`at ${String(viewport.width)}×${String(viewport.height)} the whole stack shows without scrolling, and no label is clipped`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await open(page, "?mode=unsafe&barriers=on");
    await issue(page, "osync");
    const svg = page.getByRole("group", { name: /Storage stack/ });
    const frame = await svg.boundingBox();
    if (!frame) throw new Error("no diagram");
    for (const layer of ["guest-app", "platters"]) {
      const box = await page.locator(`svg [data-layer="${layer}"] rect`).boundingBox();
      expect(box, layer).not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0), layer).toBeLessThanOrEqual(viewport.height);
      expect(box?.y ?? -1, layer).toBeGreaterThanOrEqual(0);
    }
    // Every piece of text in the drawing lies wholly inside it.
    const clipped = await svg.evaluate((el) => {
      const outer = el.getBoundingClientRect();
      return Array.from(el.querySelectorAll("text"))
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return (
            r.left < outer.left - 0.5 ||
            r.right > outer.right + 0.5 ||
            r.top < outer.top - 0.5 ||
            r.bottom > outer.bottom + 0.5
          );
        })
        .map((t) => t.textContent);
    });
    expect(clipped).toEqual([]);
    // Arrow labels never run into one another.
    const overlaps = await svg.evaluate((el) => {
      const rects = Array.from(el.querySelectorAll(".arrow-label")).map((t) => ({
        text: t.textContent,
        r: t.getBoundingClientRect(),
      }));
      const hits: string[] = [];
      rects.forEach((a, i) => {
        rects.slice(i + 1).forEach((b) => {
          if (
            a.r.left < b.r.right &&
            b.r.left < a.r.right &&
            a.r.top < b.r.bottom &&
            b.r.top < a.r.bottom
          )
            hits.push(`${a.text} / ${b.text}`);
        });
      });
      return hits;
    });
    expect(overlaps).toEqual([]);
  });
}

test("legible from the back of a classroom at 1024×768", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page, "?mode=writeback&barriers=on");
  await issue(page, "osync");
  const sizes = await page.getByRole("group", { name: /Storage stack/ }).evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize) * scale;
    const all = Array.from(svg.querySelectorAll("text"));
    return {
      titles: Math.min(...Array.from(svg.querySelectorAll(".box-title")).map(px)),
      labels: Math.min(...Array.from(svg.querySelectorAll(".arrow-label")).map(px)),
      smallest: Math.min(...all.map(px)),
      horizontal: Array.from(svg.querySelectorAll(".arrow-label")).every(
        (t) => !t.getAttribute("transform"),
      ),
    };
  });
  expect(sizes.titles).toBeGreaterThanOrEqual(18);
  expect(sizes.labels).toBeGreaterThanOrEqual(14);
  expect(sizes.smallest).toBeGreaterThanOrEqual(12);
  expect(sizes.horizontal).toBe(true);
  const token = await page.locator('.token[data-op="0"] .body').boundingBox();
  expect(token?.width ?? 0).toBeGreaterThanOrEqual(20);
  // The first write is #1, as a class counts (issue 17, item 8); its data-op stays 0.
  await expect(page.locator('.token[data-op="0"] .token-index')).toHaveText("1");
  const number = await page.locator('.token[data-op="0"] .token-index').evaluate((t) => {
    const svg = (t as SVGTextElement).ownerSVGElement;
    const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0;
    return parseFloat(getComputedStyle(t).fontSize) * scale;
  });
  expect(number).toBeGreaterThanOrEqual(12);
});

test("resting tokens and the ack mark never cover a box title", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openPaused(page, "?mode=writeback&barriers=off");
  for (const kind of ["normal", "osync", "odirect", "osync", "normal", "barrier"] as const) {
    await issue(page, kind);
  }
  const forward = page.getByRole("button", { name: "Step forward" });
  // Every instant up to the last ack: tokens rest in the trays, acks rise through them.
  for (let i = 0; i < 40 && !(await forward.isDisabled()); i++) {
    await forward.click();
    const covered = await page.evaluate(() => {
      const titles = Array.from(document.querySelectorAll(".box-title")).map((t) => ({
        text: t.textContent,
        r: t.getBoundingClientRect(),
      }));
      const marks = Array.from(document.querySelectorAll(".token, .ack")).filter(
        (m) => (m as SVGGElement).style.visibility !== "hidden" && !m.getAttribute("data-path"),
      );
      const hits: string[] = [];
      for (const m of marks) {
        const r = m.getBoundingClientRect();
        for (const t of titles) {
          if (r.left < t.r.right && t.r.left < r.right && r.top < t.r.bottom && t.r.top < r.bottom)
            hits.push(
              `${m.getAttribute("class") ?? ""} ${m.getAttribute("data-op") ?? ""} over ${t.text}`,
            );
        }
      }
      return hits;
    });
    expect(covered).toEqual([]);
  }
});

test("the diagram never moves during playback, nor when the power is cut", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openPaused(page, "?mode=writeback&barriers=on");
  await issue(page, "osync");
  await issue(page, "normal");
  const svg = page.getByRole("group", { name: /Storage stack/ });
  const top = async () => (await svg.boundingBox())?.y;
  const start = await top();
  await page.getByRole("button", { name: "Play" }).click();
  for (let i = 0; i < 60; i++) {
    await page.clock.runFor(150);
    expect(await top()).toBe(start);
  }
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Power loss", exact: true }).click();
  expect(await top()).toBe(start);
});

test("on a phone, the cache-mode choice sits directly above the stack, and the buttons right under it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, "");
  const modes = await page.getByRole("radiogroup", { name: "Cache mode" }).boundingBox();
  const svg = await page.getByRole("group", { name: /Storage stack/ }).boundingBox();
  if (!modes || !svg) throw new Error("missing");
  expect(modes.y + modes.height).toBeLessThanOrEqual(svg.y);
  expect(svg.y - (modes.y + modes.height)).toBeLessThan(24);
  const platters = await page.locator('svg [data-layer="platters"] rect').boundingBox();
  expect((platters?.y ?? Infinity) + (platters?.height ?? 0)).toBeLessThanOrEqual(844);
  for (const name of ["O_SYNC write", "Play"]) {
    const button = await page.getByRole("button", { name, exact: true }).boundingBox();
    expect((button?.y ?? Infinity) + (button?.height ?? 0), name).toBeLessThanOrEqual(844);
  }
  // Pressing them does not scroll the stack away.
  await issue(page, "osync");
  await page.getByRole("button", { name: "Play" }).click();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test("direct manipulation by keyboard: QEMU chooses the mode, the guest filesystem toggles barriers", async ({
  page,
}) => {
  await open(page, "?mode=writeback&barriers=on");
  const qemu = page.getByRole("button", { name: /^QEMU cache mode: writeback/ });
  for (let i = 0; i < 20; i++) {
    if (await qemu.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(qemu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio", { name: "none", exact: true })).toBeChecked();
  await expect(page).toHaveURL(/mode=none/);
  await page.keyboard.press(" ");
  await expect(page.getByRole("radio", { name: "writethrough" })).toBeChecked();
  // The arrow the mode selects is the active one.
  await expect(page.locator('svg path[data-path="blue"]')).toHaveAttribute("data-active", "true");
  await page.keyboard.press("Shift+Tab");
  const guest = page.getByRole("button", { name: /^Guest filesystem: ext4, barriers on/ });
  await expect(guest).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).not.toBeChecked();
  await expect(page).toHaveURL(/barriers=off/);
});

test("the guest filesystem is a choice, and the article's two guests are one click each", async ({
  page,
}) => {
  await open(page, "?mode=writeback");
  const fs = page.getByRole("radiogroup", { name: "Guest filesystem" });
  await expect(fs.getByRole("radio", { name: "ext4" })).toBeChecked();
  await page.getByRole("button", { name: "Debian 6 guest: ext3, no barriers" }).click();
  await expect(fs.getByRole("radio", { name: "ext3" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).not.toBeChecked();
  await expect(page).toHaveURL(/barriers=off&fs=ext3/);
  await page.getByRole("button", { name: "ext4 guest: barriers on" }).click();
  await expect(fs.getByRole("radio", { name: "ext4" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Guest barriers" })).toBeChecked();
  await page.goto("./?fs=ext3&barriers=on");
  await expect(fs.getByRole("radio", { name: "ext3" })).toBeChecked();
});

test("ext3 writes buffered data out at the next 5 s commit; ext4 holds it 30–35 s", async ({
  page,
}) => {
  const writtenOutAt = async (fs: string) => {
    await openPaused(page, `?mode=none&barriers=on&fs=${fs}`);
    await issue(page, "normal");
    const forward = page.getByRole("button", { name: "Step forward" });
    const status = page.locator("p.event");
    for (let i = 0; i < 20; i++) {
      await forward.click();
      const text = (await status.textContent()) ?? "";
      if (/writes it out|writes #1 out/.test(text))
        return page.locator(".readout .clock").textContent();
    }
    throw new Error("never written out");
  };
  expect(await writtenOutAt("ext3")).toBe("5.000000 s");
  expect(await writtenOutAt("ext4")).toBe("35.000000 s");
});

test("power loss at the worst moment loses the acknowledged O_SYNC write under none without barriers", async ({
  page,
}) => {
  await openPaused(page, "?mode=none&barriers=off");
  await issue(page, "osync");
  await page.getByRole("button", { name: "Play" }).click();
  // Played to the end: the write is safely on the platters by now.
  const durable = ledgerRow(page, 0).getByRole("cell", { name: /^durable at/ });
  await playUntil(page, 0, async () => (await durable.count()) > 0);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: /worst/ }).click();
  await expect(ledgerRow(page, 0)).toContainText("lost, though promised durable");
  const event = page.getByRole("status").filter({ hasText: "Power lost" });
  await expect(event).toContainText(/^Power lost\. Lost: #1\./);
  await expect(event).toContainText(
    "One had been promised durable (an O_SYNC write or an fsync had returned).",
  );
  await expect(event).toContainText("(At the worst moment so far.)");
  // The token is back where the worst moment found it: in the disk's volatile cache.
  await expect(page.locator('.token[data-op="0"]')).toHaveAttribute("data-layer", "disk-cache");
  await page.clock.resume();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);
});
