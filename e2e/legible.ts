import type { Locator } from "@playwright/test";

export interface Legibility {
  /** The drawing's width on screen, CSS px. */
  readonly diagramWidth: number;
  /** The smallest box title on screen, CSS px (an SVG text's font size times its scale). */
  readonly smallestTitle: number;
  /** The smallest visible text anywhere in the diagram, and what it says. */
  readonly smallestText: { readonly px: number; readonly text: string };
}

/**
 * How large a diagram's words are on screen (issue 17: "as legible as the iframe"): every
 * visible text, SVG and HTML, at the size the reader sees it. `root` is the element's host or a
 * frame's body; it reads inside an open shadow root when there is one.
 */
export async function legibility(root: Locator): Promise<Legibility> {
  return root.evaluate((host) => {
    const scope: ParentNode = host.shadowRoot ?? host;
    const onScreen = (el: Element) => {
      const box = el.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers: not read by eye.
      return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== "hidden";
    };
    const size = (el: Element) => {
      const px = parseFloat(getComputedStyle(el).fontSize);
      // SVG text is sized in the viewBox's units: times the drawing's scale on screen.
      return el instanceof SVGGraphicsElement ? px * (el.getScreenCTM()?.a ?? 1) : px;
    };
    const figure = scope.querySelector("figure.diagram");
    const titles = [...scope.querySelectorAll(".box-title")].filter(onScreen).map(size);
    let smallest = { px: Infinity, text: "" };
    for (const el of scope.querySelectorAll("*")) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => (n.textContent ?? "").trim())
        .join(" ")
        .trim();
      if (own === "" || el.closest("style, script, title, desc") || !onScreen(el)) continue;
      const px = size(el);
      if (px < smallest.px) smallest = { px, text: own };
    }
    return {
      diagramWidth: figure?.getBoundingClientRect().width ?? 0,
      smallestTitle: titles.length ? Math.min(...titles) : 0,
      smallestText: smallest,
    };
  });
}
