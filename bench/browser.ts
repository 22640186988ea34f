/**
 * bench:ui's browser: the built app served by `vite preview`, opened in Debian's headless
 * Chromium (1280×800, no tracing: tracing roughly halves the frame rate), and the few moves the
 * frame-rate and click-to-paint parts both make on the page.
 *
 * Functions passed to page.evaluate run in the browser, and tsx (esbuild, keepNames) wraps every
 * NAMED function in a `__name(...)` call that does not exist there: inside them, use only inline
 * anonymous arrows, never `function f` or `const f = () => ...`.
 */
import { chromium, type Browser, type Locator, type Page } from "@playwright/test";
import { createServer } from "node:net";
import { preview, type PreviewServer } from "vite";
import { chromiumLaunchOptions } from "../scripts/chromium";
import { APP_CONFIG } from "./bundle";
import { CannotRun, message, sleep } from "./common";

const PREFERRED_PORT = 4179;
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Past CANVAS_FROM tokens the app paints them on one canvas (src/anim/canvas.ts) instead of a node
 * each: this counts, in the page, what each repaint of that canvas painted (one drawImage per mark
 * shown; a clearRect starts a repaint) and a signature of where, so motion is seen there too. A
 * string, run before the app's scripts (a function would be wrapped in tsx's __name).
 */
const COUNT_PAINTED_MARKS = `(() => {
  const record = { repaints: 0, marks: 0, signature: 0 };
  window.__paintedMarks = record;
  const proto = CanvasRenderingContext2D.prototype;
  const drawImage = proto.drawImage;
  const clearRect = proto.clearRect;
  const ours = (ctx) => ctx.canvas.classList && ctx.canvas.classList.contains("stack-tokens");
  proto.drawImage = function (...args) {
    if (ours(this)) {
      record.marks++;
      record.signature = (record.signature * 31 + args[1] * 7 + args[2]) % 1000000007;
    }
    return drawImage.apply(this, args);
  };
  proto.clearRect = function (...args) {
    if (ours(this)) {
      record.repaints++;
      record.marks = 0;
      record.signature = 0;
    }
    return clearRect.apply(this, args);
  };
})();`;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => {
      done(false);
    });
    probe.listen(port, "127.0.0.1", () => {
      probe.close(() => {
        done(true);
      });
    });
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => {
        done(port);
      });
    });
  });
}

export interface Session {
  readonly page: Page;
  /** The served app's address. */
  readonly url: string;
  /** Errors the page logged or threw (printed at the end, never failed on). */
  readonly problems: string[];
  readonly close: () => Promise<void>;
}

/** Serves the app built in `appOut` and opens a page on it. */
export async function openSession(appOut: string): Promise<Session> {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  };
  try {
    const port = (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : await anyFreePort();
    try {
      server = await preview({
        configFile: APP_CONFIG,
        logLevel: "warn",
        build: { outDir: appOut },
        preview: { host: "127.0.0.1", port, strictPort: true, open: false },
      });
    } catch (error) {
      throw new CannotRun(`vite preview on port ${String(port)} failed: ${message(error)}`);
    }
    const url = `http://127.0.0.1:${String(port)}/`;

    const { executablePath, args } = chromiumLaunchOptions;
    try {
      browser = await chromium.launch({ executablePath, headless: true, args });
    } catch (error) {
      throw new CannotRun(`Chromium (${executablePath}) would not start: ${message(error)}`);
    }
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(COUNT_PAINTED_MARKS);
    const page = await context.newPage();
    page.on("pageerror", (error) => {
      problems.push(`page error: ${error.message}`);
    });
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });

    return { page, url, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Scrolls the diagram's top to the top of the viewport (the app may pause an off-screen diagram). */
export async function showDiagram(page: Page): Promise<void> {
  await page.evaluate(async () => {
    document.querySelector("figure.diagram")?.scrollIntoView({ block: "start" });
    await new Promise((next) => requestAnimationFrame(next));
  });
}

export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#root main", { timeout: 10_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await showDiagram(page);
  await sleep(500); // let the first renders and any entrance effects settle
}

export const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** The one button with this accessible name, or why there is none. */
export async function findButton(page: Page, name: string): Promise<Locator | string> {
  const matches = button(page, name);
  await matches
    .first()
    .waitFor({ timeout: 3000 })
    .catch(() => undefined);
  const count = await matches.count();
  if (count === 0) return `the app has no '${name}' button yet`;
  if (count > 1) return `the app has ${String(count)} '${name}' buttons`;
  return matches;
}
