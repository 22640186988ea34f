/**
 * bench:ui, part 3 — click to paint: with 999 writes issued, real (CDP) clicks on "O_SYNC write",
 * each timed by the browser's Event Timing API (the measure behind Interaction to Next Paint:
 * from the input's timestamp to the next frame presented after its handlers, 8 ms steps, nothing
 * under 16 ms reported). The baseline is clicks on the model-time readout in the same state,
 * which do nothing. Target: the 1000th write ≤ 16 ms. Also when the ledger, a deferred render,
 * counts the new write.
 *
 * Functions passed to page.evaluate run in the browser: no named functions inside them (see
 * bench/browser.ts).
 */
import type { Locator } from "@playwright/test";
import { findButton, openApp, type Session } from "./browser";
import { message, sleep } from "./common";
import { median, percentile } from "./stats";

/** Click to paint is measured at this write (and the few after it), against a plain click. */
const CLICK_AT_WRITE = 1000;
const CLICKS = 15;

interface ClickTimes {
  readonly write: number[];
  readonly plain: number[];
  /** From each write's click to the ledger counting it (the panels' deferred render), in ms. */
  readonly ledger: number[];
}

/** Click to paint at the CLICK_AT_WRITE-th write, and for a plain click, in ms (see the header). */
async function timeClicks({ page, url }: Session): Promise<ClickTimes | string> {
  await openApp(page, url);
  const normal = await findButton(page, "Normal write");
  if (typeof normal === "string") return normal;
  const osync = await findButton(page, "O_SYNC write");
  if (typeof osync === "string") return osync;
  const first = await normal.elementHandle();
  await page.evaluate(
    async ({ a, count }) => {
      for (let i = 0; i < count; i++) {
        a.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
      }
      await new Promise((next) => requestAnimationFrame(next));
      await new Promise((next) => requestAnimationFrame(next));
    },
    { a: first, count: CLICK_AT_WRITE - 1 },
  );
  await first.dispose();
  await sleep(1000); // what loads or settles after the writes
  // The Event Timing API (what Interaction to Next Paint is built on): from the input's
  // timestamp to the frame presented after its handlers ran, in steps of 8 ms; clicks under
  // 16 ms are not reported at all, and count as 16 here (an upper bound).
  await page.evaluate(() => {
    const w = window as unknown as {
      clickDurations: number[];
      clickedAt: number;
      ledgerAfter: number;
    };
    w.clickDurations = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "click") w.clickDurations.push(e.duration);
    }).observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
    // When the ledger (which follows the drawing in a deferred render) counts the new write.
    w.ledgerAfter = NaN;
    document.addEventListener(
      "click",
      (e) => {
        w.clickedAt = e.timeStamp;
      },
      true,
    );
    const ledger = document.querySelector('table[aria-label="Operations"]');
    if (ledger) {
      new MutationObserver(() => {
        w.ledgerAfter = performance.now() - w.clickedAt;
      }).observe(ledger, { attributes: true, attributeFilter: ["aria-rowcount"] });
    }
  });
  const timeClick = async (target: Locator): Promise<{ paint: number; ledger: number }> => {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (!box) throw new Error("the click target has no box");
    await page.evaluate(() => {
      const w = window as unknown as { clickDurations: number[]; ledgerAfter: number };
      w.clickDurations.length = 0;
      w.ledgerAfter = NaN;
    });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await sleep(400); // entries are delivered after the frame is presented
    return page.evaluate(() => {
      const w = window as unknown as { clickDurations: number[]; ledgerAfter: number };
      return { paint: Math.max(16, ...w.clickDurations), ledger: w.ledgerAfter };
    });
  };
  // Beside the buttons, so no scrolling tells the two apart; clicking it does nothing.
  const plainTarget = page.locator(".readout");
  const write: number[] = [];
  const plain: number[] = [];
  const ledger: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    // Alternated, so both see the same machine load.
    plain.push((await timeClick(plainTarget)).paint);
    const clicked = await timeClick(osync.first());
    write.push(clicked.paint);
    if (!Number.isNaN(clicked.ledger)) ledger.push(clicked.ledger);
  }
  return { write, plain, ledger };
}

/** Measures and prints. */
export async function clickToPaint(session: Session): Promise<void> {
  try {
    const clicks = await timeClicks(session);
    if (typeof clicks === "string") {
      console.log(`click to paint: skipped: ${clicks}`);
    } else {
      const write = median(clicks.write);
      const ms = (v: number) => (v <= 16 ? "≤ 16 ms" : `${v.toFixed(0)} ms`);
      console.log(
        `click to paint (Event Timing): writes ${String(CLICK_AT_WRITE)}–` +
          `${String(CLICK_AT_WRITE + CLICKS - 1)}: median ${ms(write)}, ` +
          `p90 ${ms(percentile(clicks.write, 0.9))}; a click that does nothing (baseline): ` +
          `median ${ms(median(clicks.plain))}, p90 ${ms(percentile(clicks.plain, 0.9))} ` +
          `(target ≤ 16 ms: ${write <= 16 ? "met" : "NOT met"})`,
      );
      console.log(
        clicks.ledger.length > 0
          ? `        the ledger (a deferred render) counts the new write after a median ` +
              `${median(clicks.ledger).toFixed(0)} ms, p90 ` +
              `${percentile(clicks.ledger, 0.9).toFixed(0)} ms`
          : "        the ledger's update was not seen (no table named Operations)",
      );
    }
  } catch (error) {
    console.log(`click to paint: failed: ${message(error)}`);
  }
}
