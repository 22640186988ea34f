/**
 * The single-file build: `dist/kvm-cache-diagram.html`, the whole app (scripts, styles, every
 * part the normal build loads lazily) inlined in one HTML file. It works where module scripts
 * and chunks cannot be fetched: opened from disk (`file://`, a teacher's offline copy) and inside
 * `sandbox="allow-scripts"` frames of any origin. Built after the normal build, into the same
 * directory (`npm run build` runs both).
 *
 * Its Content-Security-Policy allows exactly the inlined script and style, by their SHA-256
 * hashes: nothing else runs, and nothing is fetched from anywhere.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";

export const SINGLE_FILE = "kvm-cache-diagram.html";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The inlined elements' contents, as the browser hashes them (between the tags, verbatim). */
function inlined(html: string, tag: "script" | "style"): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map(
    (m) => m[1] ?? "",
  );
}

/** After inlining: the policy after <meta charset>, and the file under its own name. */
function policyAndName(): Plugin {
  return {
    name: "single-file-policy",
    apply: "build",
    enforce: "post",
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const page = bundle["index.html"];
        if (page?.type !== "asset" || typeof page.source !== "string") {
          this.error("single-file build: no index.html to finish");
        }
        const html = page.source;
        const policy = [
          "default-src 'none'",
          `script-src ${inlined(html, "script").map(sha256).join(" ")}`,
          `style-src ${inlined(html, "style").map(sha256).join(" ")}`,
          "img-src data: blob:",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'none'",
        ].join("; ");
        // The icon too: a file next to it would be a request the policy refuses.
        const icon = readFileSync(fileURLToPath(new URL("public/favicon.svg", import.meta.url)));
        const source = html
          .replace(
            /<meta charset="[^"]*"\s*\/?>/i,
            (tag) =>
              `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
          )
          .replace(
            'href="./favicon.svg"',
            `href="data:image/svg+xml;base64,${icon.toString("base64")}"`,
          );
        delete bundle["index.html"];
        this.emitFile({ type: "asset", fileName: SINGLE_FILE, source });
      },
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [react(), viteSingleFile(), policyAndName()],
  build: {
    outDir: "dist",
    // The normal build is already there: add to it.
    emptyOutDir: false,
    sourcemap: false,
  },
});
