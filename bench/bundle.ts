/**
 * bench:ui, part 1 — bundle: builds the real app and a bare React 19 app (bench/bare-react) with
 * the same Vite, into a temporary directory, and compares the gzip size (node:zlib, level 9, file
 * by file) of their INITIAL JavaScript: the files named by `<script type="module" src>` and
 * `<link rel="modulepreload" href>` in the built index.html. Lazily loaded chunks are listed
 * separately and not counted. Target: app ≤ 1.40 × bare React, the d3 modules the drawing's
 * geometry uses included (issue 16). Then the two embeds that need no
 * server, whole, beside the app's JS in all.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { CannotRun, kib, message, REPO } from "./common";

export const APP_CONFIG = join(REPO, "vite.config.ts");
const BARE_CONFIG = join(REPO, "bench/bare-react/vite.config.ts");
/** The two ways to embed that need no server (docs/embedding.md), each one self-contained file. */
const EMBED_BUILDS = [
  { label: "element", config: join(REPO, "vite.element.config.ts"), file: "kvm-cache-diagram.js" },
  {
    label: "single file",
    config: join(REPO, "vite.single.config.ts"),
    file: "kvm-cache-diagram.html",
  },
] as const;

const TARGET_RATIO = 1.4;
export const GZIP_LEVEL = 9;

interface InitialJs {
  files: { path: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
  lazy: { count: number; gzip: number };
}

async function viteBuild(configFile: string, outDir: string): Promise<void> {
  try {
    await build({
      configFile,
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } catch (error) {
    throw new CannotRun(
      `vite build --config ${relative(REPO, configFile)} failed: ${message(error)}`,
    );
  }
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1];
    if (name !== undefined) attrs.set(name.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** The JS files index.html loads up front: module scripts and modulepreload links. */
function initialScripts(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = attributes(m[2] ?? "");
    const kind = (m[1] ?? "").toLowerCase();
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const url =
      kind === "script" && attrs.get("type") === "module"
        ? attrs.get("src")
        : kind === "link" && rel.includes("modulepreload")
          ? attrs.get("href")
          : undefined;
    if (url !== undefined && url !== "" && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

function measureInitialJs(outDir: string): InitialJs {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const gz = (path: string) => gzipSync(readFileSync(path), { level: GZIP_LEVEL }).length;
  const files = initialScripts(html).map((url) => {
    if (/^([a-z]+:)?\/\//i.test(url)) {
      throw new CannotRun(`index.html loads a script from another origin: ${url}`);
    }
    const clean = url.replace(/[?#].*$/, "");
    const path = resolve(outDir, clean.startsWith("/") ? `.${clean}` : clean);
    return { path: relative(outDir, path), raw: readFileSync(path).length, gzip: gz(path) };
  });
  if (files.length === 0) throw new CannotRun(`${outDir}/index.html loads no module script`);
  const initial = new Set(files.map((f) => f.path));
  const lazyFiles = allFiles(outDir).filter(
    (p) => /\.m?js$/.test(p) && !initial.has(relative(outDir, p)),
  );
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    lazy: { count: lazyFiles.length, gzip: lazyFiles.reduce((sum, p) => sum + gz(p), 0) },
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? allFiles(path) : [path];
  });
}

/** Builds and measures, printing as it goes; the app stays built in `<work>/app` for part 2. */
export async function bundle(work: string): Promise<{ readonly appOut: string }> {
  const appOut = join(work, "app");
  const bareOut = join(work, "bare-react");
  await viteBuild(APP_CONFIG, appOut);
  await viteBuild(BARE_CONFIG, bareOut);
  const app = measureInitialJs(appOut);
  const bare = measureInitialJs(bareOut);
  const ratio = app.gzip / bare.gzip;
  console.log(
    `bundle: app initial JS ${kib(app.gzip)} KiB gzip, bare React 19 ${kib(bare.gzip)} KiB ` +
      `→ ${ratio.toFixed(3)}× (target ≤ ${TARGET_RATIO.toFixed(2)}×: ` +
      `${ratio <= TARGET_RATIO ? "met" : "NOT met"})`,
  );
  const appFiles = app.files
    .map((f) => `${f.path} ${kib(f.raw)} KiB raw / ${kib(f.gzip)} gzip`)
    .join(", ");
  const lazy =
    app.lazy.count === 0
      ? "no lazy chunks"
      : `+ ${String(app.lazy.count)} lazy chunk(s), ${kib(app.lazy.gzip)} KiB gzip, not counted`;
  console.log(`        app initial: ${appFiles}; ${lazy}`);
  // The embeds carry everything, lazy parts included: compared with the app's whole JS.
  const embeds: string[] = [];
  for (const embed of EMBED_BUILDS) {
    const out = join(work, embed.label.replace(" ", "-"));
    await viteBuild(embed.config, out);
    const bytes = readFileSync(join(out, embed.file));
    const gzip = gzipSync(bytes, { level: GZIP_LEVEL }).length;
    embeds.push(`${embed.label} ${embed.file} ${kib(bytes.length)} KiB raw / ${kib(gzip)} gzip`);
  }
  console.log(
    `embeds: ${embeds.join(", ")}; the app's JS in all: ${kib(app.gzip + app.lazy.gzip)} KiB gzip`,
  );
  return { appOut };
}
