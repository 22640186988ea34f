/**
 * The host page's script (docs/embedding.md, "Auto-height"): `dist/embed.js`, a classic script
 * (IIFE), so any docs tool can include it as it includes any script (a `<script src>` tag,
 * Docusaurus's `scripts`, MkDocs's `extra_javascript`, mdBook's `additional-js`). Built after
 * the page, into the same dist/ without emptying it.
 */
import { defineConfig } from "vite";
import { oneFile } from "./vite.element.config";

export const HOST_SCRIPT = "embed.js";

export default defineConfig({
  build: {
    ...oneFile("src/embed/hostScript.ts", HOST_SCRIPT, "iife"),
    rolldownOptions: { output: { minify: true } },
  },
});
