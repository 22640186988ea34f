/**
 * The drawing as pixels (e2e/diagram.spec.ts, e2e/themes.spec.ts): past CANVAS_FROM (200) tokens
 * the diagram paints them on a canvas (src/anim/canvas.ts), and a test compares that picture with
 * the SVG layer's, pixel by pixel in the browser.
 */
import { expect, type Page } from "@playwright/test";
import { openPaused } from "./helpers";

const KINDS = ["normal", "osync", "barrier", "odirect"] as const;
/** `n` writes of every kind, issued over the first 5 ms. */
export const writes = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${KINDS[i % KINDS.length] ?? "normal"}@${String((i % 25) * 0.2)}`,
  ).join(",");

/** The drawing (stack and token layer) as PNG, once its token layer is `layer`. */
export async function drawing(
  page: Page,
  search: string,
  layer: "svg" | "canvas",
): Promise<string> {
  await openPaused(page, search, { ledger: false });
  // The canvas painter loads once there are that many tokens: until then they are SVG nodes.
  await expect(page.locator(`${layer}.stack-tokens`)).toHaveCount(1);
  const png = await page.locator(".stack-wrap").screenshot({ animations: "disabled" });
  return png.toString("base64");
}

/**
 * The share of pixels of either picture that have no pixel within one pixel of the same place in
 * the other that is within `threshold` in every channel (0–255): edges anti-aliased a fraction of
 * a pixel apart match, a mark missing or misplaced does not.
 */
export async function differing(page: Page, a: string, b: string, threshold = 64): Promise<number> {
  return page.evaluate(
    async ({ a, b, threshold }) => {
      const pixels = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext("2d");
        if (!ctx) throw new Error("no 2D context");
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = [await pixels(a), await pixels(b)];
      if (x.width !== y.width || x.height !== y.height) return 1;
      const { width, height } = x;
      let unmatched = 0;
      for (const [p, q] of [
        [x, y],
        [y, x],
      ] as const) {
        for (let row = 0; row < height; row++) {
          for (let col = 0; col < width; col++) {
            const i = 4 * (row * width + col);
            let matched = false;
            for (let dy = -1; dy <= 1 && !matched; dy++) {
              for (let dx = -1; dx <= 1 && !matched; dx++) {
                const r = row + dy;
                const c = col + dx;
                if (r < 0 || c < 0 || r >= height || c >= width) continue;
                const j = 4 * (r * width + c);
                matched =
                  Math.abs((p.data[i] ?? 0) - (q.data[j] ?? 0)) <= threshold &&
                  Math.abs((p.data[i + 1] ?? 0) - (q.data[j + 1] ?? 0)) <= threshold &&
                  Math.abs((p.data[i + 2] ?? 0) - (q.data[j + 2] ?? 0)) <= threshold;
              }
            }
            if (!matched) unmatched++;
          }
        }
      }
      return unmatched / (2 * width * height);
    },
    { a, b, threshold },
  );
}
