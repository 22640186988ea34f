/**
 * Real docs sites built from the recipes in docs/embedding.md (the blocks marked
 * `site=<tool> file=<path>`), so the doc and the test cannot drift: each tool's site is written
 * into e2e/sites/<tool>/site/ (ignored), built with the tool, and served from an origin of its
 * own. Each npm tool's dependencies stay out of the root package.json: its own package.json and
 * package-lock.json under e2e/sites/<tool>/, installed with `npm ci` when the lock changed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const SITES = fileURLToPath(new URL("sites/", import.meta.url));
const DOCS = fileURLToPath(new URL("../docs/embedding.md", import.meta.url));

export type Tool = "vitepress" | "docusaurus" | "mkdocs";

interface ToolSite {
  /** Pages besides the recipe's: where the reader starts, to navigate to the recipe's page. */
  readonly pages: Readonly<Record<string, string>>;
  /** The build, run in the site's folder. */
  readonly build: readonly string[];
  /** Where the built site lands, under the site's folder. */
  readonly out: string;
  /** The recipe's page, as the built site serves it. */
  readonly page: string;
  /** Installed from npm (its own package.json), or a program that must be on PATH. */
  readonly npm: boolean;
}

export const TOOLS: Readonly<Record<Tool, ToolSite>> = {
  vitepress: {
    pages: { "docs/index.md": "# Storage docs\n\nAn introduction.\n" },
    build: ["../node_modules/.bin/vitepress", "build", "docs"],
    out: "docs/.vitepress/dist",
    page: "/cache-modes.html",
    npm: true,
  },
  docusaurus: {
    pages: {
      "docs/intro.md":
        "---\nslug: /\nsidebar_position: 1\n---\n\n# Storage docs\n\nAn introduction.\n",
    },
    // Unminified: minifying (most of the build time) tells nothing about the recipe.
    build: ["../node_modules/.bin/docusaurus", "build", "--no-minify", "--out-dir", "out"],
    out: "out",
    page: "/cache-modes",
    npm: true,
  },
  mkdocs: {
    pages: { "docs/index.md": "# Storage docs\n\nAn introduction.\n" },
    build: ["mkdocs", "build", "--quiet", "--site-dir", "out"],
    out: "out",
    page: "/cache-modes/",
    npm: false,
  },
};

/** The recipe's files for `tool`, as docs/embedding.md writes them. */
export function recipe(tool: Tool): Record<string, string> {
  const markdown = readFileSync(DOCS, "utf8");
  const files: Record<string, string> = {};
  for (const m of markdown.matchAll(/```\w+ site=(\w+) file=(\S+)\n([\s\S]*?)\n```/g)) {
    const [, site, file, body] = m;
    if (site === tool && file !== undefined && body !== undefined) files[file] = `${body}\n`;
  }
  return files;
}

/** Whether the tool can be run here (an npm tool always can: its harness installs it). */
export function available(tool: Tool): boolean {
  const site = TOOLS[tool];
  return site.npm || spawnSync(site.build[0] ?? "", ["--version"]).status === 0;
}

function install(tool: Tool): void {
  const folder = join(SITES, tool);
  const lock = join(folder, "package-lock.json");
  // npm writes node_modules/.package-lock.json on every install: newer than the lock, nothing to do.
  const installed = join(folder, "node_modules", ".package-lock.json");
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: folder,
    stdio: "pipe",
  });
}

/** Builds `tool`'s site with the diagram served at `app` (its origin); returns the output folder. */
export function buildSite(tool: Tool, app: string): string {
  const site = TOOLS[tool];
  if (site.npm) install(tool);
  const folder = join(SITES, tool, "site");
  rmSync(folder, { recursive: true, force: true });
  const files = { ...site.pages, ...recipe(tool) };
  for (const [file, body] of Object.entries(files)) {
    const path = join(folder, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body.replaceAll("https://diagram.example.org/", `${app}/`));
  }
  const [command = "", ...args] = site.build;
  const result = spawnSync(command, args, { cwd: folder, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${tool} build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return join(folder, site.out);
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

/** Serves a built site as a static host would (`/a` → a.html or a/index.html); its origin. */
export async function serveSite(root: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const candidates = [path, `${path}.html`, join(path, "index.html")].map((p) => join(root, p));
    const file = candidates.find(
      (c) => c.startsWith(root) && existsSync(c) && statSync(c).isFile(),
    );
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return { origin: `http://127.0.0.1:${String(port)}`, server };
}
