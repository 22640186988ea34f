// @vitest-environment happy-dom
/**
 * The canvas's marks as SVG markup (what an exported frame carries past CANVAS_FROM tokens): the
 * token layer's own elements and attributes (src/ui/stage/Tokens.tsx), so the page's styles
 * and the exports' readers treat both alike.
 */
import { describe, expect, it } from "vitest";
import { JOURNAL_SHAPE, TOKEN_SHAPE } from "../geometry/shapes";
import { createTokenCanvas, paintedMarkup } from "./canvas";

const VIEW = { width: 660, height: 600 };

function parsed(markup: string): Element {
  return new DOMParser().parseFromString(
    `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`,
    "image/svg+xml",
  ).documentElement;
}

describe("paintedMarkup", () => {
  it("is null for a canvas nothing was painted on", () => {
    expect(paintedMarkup(document.createElement("canvas"))).toBeNull();
  });

  it("gives the last frame painted, as the SVG layer's tokens and ack marks", () => {
    const el = document.createElement("canvas");
    const canvas = createTokenCanvas(el, VIEW);
    canvas.paint([{ index: 0, x: 1, y: 2, kind: "normal", lost: false, highlighted: false }], []);
    canvas.paint(
      [
        { index: 3, x: 10.5, y: 20.25, kind: "osync", lost: true, highlighted: false },
        { index: 7, x: 30, y: 40, kind: "barrier", lost: false, highlighted: true },
        { index: 9, x: 50, y: 60, kind: "journal", lost: false, highlighted: false },
      ],
      [{ index: 3, x: 70, y: 80 }],
    );
    const svg = parsed(paintedMarkup(el) ?? "");
    const tokens = [...svg.querySelectorAll(".token")];
    expect(tokens.map((t) => t.getAttribute("data-op"))).toEqual(["3", "7"]);
    expect(tokens[0]?.getAttribute("transform")).toBe("translate(10.50 20.25)");
    expect(tokens[0]?.getAttribute("data-kind")).toBe("osync");
    expect(tokens[0]?.getAttribute("data-lost")).toBe("true");
    expect(tokens[0]?.querySelector(".body")?.getAttribute("d")).toBe(TOKEN_SHAPE.osync);
    expect(tokens[0]?.querySelectorAll(".lost-mark")).toHaveLength(1);
    expect(tokens[1]?.getAttribute("data-highlight")).toBe("true");
    expect(tokens[1]?.querySelectorAll(".lost-mark")).toHaveLength(0);
    const journal = svg.querySelector(".journal-token");
    expect(journal?.getAttribute("data-journal")).toBe("9");
    expect(journal?.querySelector(".body")?.getAttribute("d")).toBe(JOURNAL_SHAPE);
    expect(journal?.textContent).toBe("J");
    const acks = [...svg.querySelectorAll(".ack")];
    expect(acks.map((a) => a.getAttribute("transform"))).toEqual(["translate(70.00 80.00)"]);
    expect(acks.map((a) => a.getAttribute("data-op"))).toEqual(["3"]);
    canvas.destroy();
  });
});
