// The e2e suite's second origin (playwright.config.ts): serves the host pages of e2e/hosts as
// a docs site would, on another port than the app, so the app runs in a cross-origin frame.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
const PORT = Number(process.env.HOST_PORT ?? 4174);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

const DOCS = fileURLToPath(new URL("../../docs/embedding.md", import.meta.url));

/**
 * `/docs/<name>.html?app=<origin>`: the block marked `example=<name>` in docs/embedding.md, as a
 * page of this origin, with the docs' placeholder addresses replaced by the app's and this one.
 */
async function docsExample(name, app) {
  const markdown = await readFile(DOCS, "utf8");
  const block = new RegExp("```\\w+ example=" + name + "\\n([\\s\\S]*?)\\n```").exec(markdown);
  if (!block) return null;
  const body = block[1]
    .replaceAll("https://diagram.example.org/", `${app}/`)
    .replaceAll("https://docs.example.org", `http://127.0.0.1:${String(PORT)}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs: ${name}</title></head><body><h1>Docs</h1>${body}</body></html>`;
}

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://x");
  const example = /^\/docs\/([a-z]+)\.html$/.exec(url.pathname);
  if (example) {
    docsExample(example[1], url.searchParams.get("app") ?? "").then(
      (page) =>
        page === null
          ? response.writeHead(404).end()
          : response.writeHead(200, { "content-type": TYPES[".html"] }).end(page),
      () => response.writeHead(500).end(),
    );
    return;
  }
  const path = normalize(decodeURIComponent(url.pathname));
  const file = join(ROOT, path === "/" ? "index.html" : path);
  if (!file.startsWith(ROOT) || !(extname(file) in TYPES)) {
    response.writeHead(404).end();
    return;
  }
  readFile(file).then(
    (body) => response.writeHead(200, { "content-type": TYPES[extname(file)] }).end(body),
    () => response.writeHead(404).end(),
  );
}).listen(PORT, "127.0.0.1");
