/**
 * The host page's script (docs/embedding.md, "Auto-height"): `dist/embed.js`, a classic script
 * (IIFE), so any docs tool can include it as it includes any script (a `<script src>` tag,
 * Docusaurus's `scripts`, MkDocs's `extra_javascript`, mdBook's `additional-js`). Built after
 * the page, into the same dist/ without emptying it.
 */
import { defineConfig } from "vite";

export const HOST_SCRIPT = "embed.js";

export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: process.env.SOURCEMAP === "1",
    lib: {
      entry: "src/embed/hostScript.ts",
      formats: ["iife"],
      name: "kvmCacheDiagramEmbed",
      fileName: () => HOST_SCRIPT,
    },
    rolldownOptions: { output: { minify: true } },
  },
});
