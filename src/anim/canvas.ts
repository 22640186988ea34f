/**
 * The tokens and ack marks painted on one canvas, for when there are too many to keep a node each
 * (Diagram.tsx decides, at CANVAS_FROM). bench:ui measured why: with 2 000 writes playing, about
 * 1 000 tokens move apart at once, and the browser's style, layout and paint of that many SVG
 * nodes held playback to 40–47 fps; at 1 000 writes the page held about 7 000 nodes (6 952
 * counted), which every new write made the browser lay out again.
 *
 * It paints what the SVG layer shows (the same face, src/geometry/shapes.ts tokenFace, with
 * app.css's colours: shape, halo, outline, lost cross, highlight and ack pill, in the same order,
 * later writes on top), in the drawing's
 * viewBox units, scaled as the SVG is (`preserveAspectRatio` meet: centred, uniform).
 * e2e/diagram.spec.ts compares the two pixel by pixel, within a small tolerance. The loop
 * (./loop.ts) decides what is shown; this module only paints it, and repaints the last frame when
 * the canvas is resized or the theme changes.
 */
import { TYPE } from "../geometry/layout";
import { ACK_PILL, LOST_CROSS, STROKE, tokenFace, type TokenFace } from "../geometry/shapes";
import type { OpKind } from "../model/timeline";

export interface PaintedToken {
  /** The op's index, or with reordering (past the ops) the journal commit block's. */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  /** The write's kind, or a journal commit block (docs/model.md §8.14). */
  readonly kind: OpKind | "journal";
  readonly lost: boolean;
  readonly highlighted: boolean;
}

export interface PaintedAck {
  /** The op whose call returned. */
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/** The marks each canvas painted last, for the exports (Share.tsx): read by `paintedMarkup`. */
const lastPainted = new WeakMap<
  HTMLCanvasElement,
  { tokens: readonly PaintedToken[]; acks: readonly PaintedAck[] }
>();

export interface TokenCanvas {
  /** Paints these marks, in this order (the last on top), replacing what was painted. */
  paint(tokens: readonly PaintedToken[], acks: readonly PaintedAck[]): void;
  destroy(): void;
}

interface Size {
  readonly width: number;
  readonly height: number;
}

/** The ack mark's pill (Tokens.tsx: a 44 × 22 rect with rx 11), as a path. */

/** The colours and font app.css gives the SVG marks, read from the page's own stylesheet. */
interface Look {
  readonly ink: string;
  readonly paper: string;
  readonly lost: string;
  readonly journal: string;
  readonly focus: string;
  readonly font: string;
}

function readLook(el: Element): Look {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    ink: read("--ink", "#1b1b1b"),
    paper: read("--paper", "#fff"),
    lost: read("--lost", "#c00"),
    journal: read("--journal", "#e6e6e6"),
    focus: read("--focus", "#1a56db"),
    font: `bold ${String(TYPE.token)}px ${style.fontFamily || "sans-serif"}`,
  };
}

/**
 * Paints onto `canvas`, whose box covers the drawing's (app.css `.stack-tokens`); `view` is the
 * drawing's viewBox size. Without a 2D context (a test DOM) it paints nothing.
 */
export function createTokenCanvas(canvas: HTMLCanvasElement, view: Size): TokenCanvas {
  const ctx = canvas.getContext("2d");
  let look: Look | null = null;
  let last: { tokens: readonly PaintedToken[]; acks: readonly PaintedAck[] } = {
    tokens: [],
    acks: [],
  };
  // Device pixels per viewBox unit, and where the viewBox's origin lands, in device pixels.
  let scale = 1;
  let originX = 0;
  let originY = 0;
  /**
   * Each face (a kind, lost or not, highlighted or not; the ack pill) is drawn once per scale on
   * a small canvas of its own, then copied where it goes: stroking a thousand haloed shapes per
   * frame cost the browser more than the SVG it replaces (bench:ui), copying them does not.
   */
  const sprites = new Map<string, HTMLCanvasElement>();

  const fit = () => {
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    const s = Math.min(width / view.width, height / view.height);
    scale = s * dpr;
    originX = ((width - view.width * s) / 2) * dpr;
    originY = ((height - view.height * s) / 2) * dpr;
    look = readLook(canvas);
    sprites.clear();
  };

  type Draw = (c: CanvasRenderingContext2D, look: Look) => void;
  /**
   * A face drawn on a square reaching SPRITE_REACH viewBox units around its centre, the centre
   * placed `phaseX`, `phaseY` quarters of a pixel past the square's middle pixel.
   */
  const sprite = (key: string, phaseX: number, phaseY: number, draw: Draw) => {
    const id = `${key} ${String(phaseX)} ${String(phaseY)}`;
    let made = sprites.get(id);
    if (made) return made;
    made = document.createElement("canvas");
    const side = Math.ceil(2 * SPRITE_REACH * scale);
    made.width = side;
    made.height = side;
    const c = made.getContext("2d");
    if (c && look) {
      const middle = Math.floor(side / 2);
      c.setTransform(scale, 0, 0, scale, middle + phaseX / PHASES, middle + phaseY / PHASES);
      c.lineJoin = "round";
      draw(c, look);
    }
    sprites.set(id, made);
    return made;
  };

  const paint = (tokens: readonly PaintedToken[], acks: readonly PaintedAck[]) => {
    last = { tokens, acks };
    lastPainted.set(canvas, last);
    if (!ctx) return;
    if (!look) fit();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    // Copied to whole device pixels (a copy at a fraction of one is resampled, and blurs), from
    // the sprite drawn at the nearest quarter pixel: as sharp as the SVG, and where it draws.
    const put = (key: string, x: number, y: number, draw: Draw) => {
      const px = originX + x * scale;
      const py = originY + y * scale;
      const ix = Math.floor(px);
      const iy = Math.floor(py);
      const phaseX = Math.round((px - ix) * PHASES);
      const phaseY = Math.round((py - iy) * PHASES);
      const image = sprite(key, phaseX, phaseY, draw);
      const middle = Math.floor(image.width / 2);
      ctx.drawImage(image, ix - middle, iy - middle);
    };
    for (const t of tokens) {
      const key = `${t.kind}${t.lost ? " lost" : ""}${t.highlighted ? " highlighted" : ""}`;
      put(key, t.x, t.y, (c, l) => {
        drawToken(c, l, faceOf(t));
      });
    }
    for (const a of acks) put("ack", a.x, a.y, drawAck);
  };

  // A new size (a resized window, a phone turned) clears the canvas: repaint what was there.
  const observer =
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver(() => {
          fit();
          paint(last.tokens, last.acks);
        });
  observer?.observe(canvas);
  // Another theme (src/ui/theme.ts sets data-theme, live when it follows the browser) brings other
  // colours: read them again and repaint.
  const themed = canvas.closest("[data-theme]");
  const recolour =
    themed === null || typeof MutationObserver === "undefined"
      ? null
      : new MutationObserver(() => {
          fit();
          paint(last.tokens, last.acks);
        });
  if (themed) recolour?.observe(themed, { attributes: true, attributeFilter: ["data-theme"] });

  return {
    paint,
    destroy() {
      observer?.disconnect();
      recolour?.disconnect();
    },
  };
}

/** Sub-pixel positions a sprite is drawn at, per axis (a quarter pixel apart). */
const PHASES = 4;

/** How far any face reaches from its centre (the ack pill: 22 and its outline), in viewBox units. */
const SPRITE_REACH = 24;

/** A painted token's face: what the SVG layer draws for it (no number: past CANVAS_FROM none shows). */
function faceOf(t: PaintedToken): TokenFace {
  return tokenFace(t.kind, { label: null, lost: t.lost, highlighted: t.highlighted });
}

/** A face as the SVG layer draws it, with app.css's colours: halo, body and outline, its marks. */
function drawToken(c: CanvasRenderingContext2D, look: Look, face: TokenFace): void {
  const path = new Path2D(face.shape);
  c.strokeStyle = face.highlighted ? look.focus : look.paper;
  c.lineWidth = face.haloWidth;
  c.stroke(path);
  // A journal commit block has a gray body (app.css), a write a white one.
  c.fillStyle = face.kind === "journal" ? look.journal : look.paper;
  c.fill(path);
  c.strokeStyle = look.ink;
  c.lineWidth = STROKE.outline;
  c.stroke(path);
  if (face.label) {
    c.fillStyle = look.ink;
    c.font = look.font;
    c.textAlign = "center";
    c.fillText(face.label.text, 0, face.label.y);
  }
  if (face.lost) {
    c.strokeStyle = look.lost;
    c.lineWidth = STROKE.lost;
    c.lineCap = "round";
    c.stroke(new Path2D(LOST_CROSS));
  }
}

/** The ack mark as the SVG layer draws it: an ink pill with "ack" in white. */
function drawAck(c: CanvasRenderingContext2D, look: Look): void {
  const pill = new Path2D();
  pill.roundRect(ACK_PILL.x, ACK_PILL.y, ACK_PILL.width, ACK_PILL.height, ACK_PILL.rx);
  c.fillStyle = look.ink;
  c.fill(pill);
  c.strokeStyle = look.paper;
  c.lineWidth = STROKE.ack;
  c.stroke(pill);
  c.fillStyle = look.paper;
  c.font = look.font;
  c.textAlign = "center";
  c.fillText(ACK_PILL.text, 0, ACK_PILL.textY);
}

/**
 * What `canvas` shows now, as the SVG token layer would draw it (Tokens.tsx: the same elements,
 * classes and attributes, so the page's styles apply): a picture exported from the page stays
 * vector past CANVAS_FROM tokens. Null if nothing was painted on it.
 */
export function paintedMarkup(canvas: HTMLCanvasElement): string | null {
  const frame = lastPainted.get(canvas);
  if (!frame) return null;
  const at = (x: number, y: number) => `translate(${x.toFixed(2)} ${y.toFixed(2)})`;
  const font = String(TYPE.token);
  const tokens = frame.tokens.map((t) => {
    const face = faceOf(t);
    const attributes =
      t.kind === "journal"
        ? `class="journal-token" data-journal="${String(t.index)}"`
        : `class="token" data-op="${String(t.index)}" data-kind="${t.kind}"` +
          (t.lost ? ' data-lost="true"' : "") +
          (t.highlighted ? ' data-highlight="true"' : "");
    return (
      `<g ${attributes} transform="${at(t.x, t.y)}">` +
      `<path class="halo" d="${face.shape}" stroke-width="${String(face.haloWidth)}"/>` +
      `<path class="body" d="${face.shape}" stroke-width="${String(STROKE.outline)}"/>` +
      (face.label
        ? `<text class="token-index" y="${String(face.label.y)}" text-anchor="middle" font-size="${font}">${face.label.text}</text>`
        : "") +
      (face.lost
        ? `<path class="lost-mark" d="${LOST_CROSS}" stroke-width="${String(STROKE.lost)}"/>`
        : "") +
      "</g>"
    );
  });
  const p = ACK_PILL;
  const acks = frame.acks.map(
    (a) =>
      `<g class="ack" data-ack="true" data-op="${String(a.index)}" transform="${at(a.x, a.y)}">` +
      `<rect x="${String(p.x)}" y="${String(p.y)}" width="${String(p.width)}" height="${String(p.height)}" rx="${String(p.rx)}" stroke-width="${String(STROKE.ack)}"/>` +
      `<text y="${String(p.textY)}" text-anchor="middle" font-size="${font}">${p.text}</text></g>`,
  );
  return [...tokens, ...acks].join("");
}
