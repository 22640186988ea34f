/**
 * Take-away material (issue 9): the current frame of the diagram as a standalone SVG or a PNG,
 * with a footer saying what it shows (its words: src/text/exports.ts), and the download of any
 * of them. Everything is made in the page: nothing is sent anywhere.
 */
import { SHARE } from "../../text/share";

const SVG_NS = "http://www.w3.org/2000/svg";
const FOOTER_LINE = 18;

/** Text as XML character data. */
function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The diagram as drawn now, as one standalone SVG document: the stack, the tokens' layer over it
 * (its SVG, or past CANVAS_FROM tokens the markup of what the canvas painted: src/anim/canvas.ts),
 * the page's style rules, and the footer lines under the drawing. Written as text from the live
 * nodes, never cloned into the page: a clone's `style` attribute (the loop hides covered tokens
 * with one) would be applied anew, which the page's Content-Security-Policy refuses.
 * Always in the light theme, whatever the page shows (docs/embedding.md, "Themes"): a picture is
 * printed and put on slides, mostly on white. The dark colours apply under `data-theme="dark"`
 * (src/ui/theme.css), which the picture's own root does not carry.
 */
export function frameSvg(
  stack: SVGSVGElement,
  tokens: SVGSVGElement | string | null,
  footer: readonly string[],
): string {
  const box = stack.viewBox.baseVal;
  const height = box.height + 12 + footer.length * FOOTER_LINE;
  const serializer = new XMLSerializer();
  const nodes = (parent: Node | null) =>
    [...(parent?.childNodes ?? [])].map((child) => serializer.serializeToString(child)).join("");
  return [
    `<svg xmlns="${SVG_NS}" class="stack" viewBox="0 0 ${String(box.width)} ${String(height)}"`,
    ` width="${String(box.width * 2)}" height="${String(height * 2)}">`,
    `<style>${xmlText(pageCss())}</style>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    nodes(stack),
    typeof tokens === "string" ? tokens : nodes(tokens),
    ...footer.map(
      (text, i) =>
        `<text x="8" y="${String(box.height + 12 + (i + 0.7) * FOOTER_LINE)}" font-size="13"` +
        ` fill="#1b1b1b">${xmlText(text)}</text>`,
    ),
    "</svg>",
  ].join("");
}

/** The page's own style rules (same origin), so the exported drawing looks as it does here. */
function pageCss(): string {
  return [...document.styleSheets]
    .flatMap((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText);
      } catch {
        return [];
      }
    })
    .join("\n");
}

/** Rasterises an SVG document at its own width and height (set by frameSvg at 2× the drawing). */
export async function svgToPng(svgText: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext("2d")?.drawImage(image, 0, 0);
    return await new Promise<Blob>((done, fail) => {
      canvas.toBlob((blob) => {
        if (blob) done(blob);
        else fail(new Error(SHARE.noPng));
      }, "image/png");
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` under `name` through the browser's download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  // Revoked after the click has been handled: some browsers read the URL asynchronously.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
