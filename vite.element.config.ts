/**
 * The <kvm-cache-diagram> element as one script (docs/embedding.md): `dist/kvm-cache-diagram.js`,
 * an ES module with everything inlined (React, the model, the styles, every part the page loads
 * lazily), so a docs page adds one script tag and nothing else is fetched. Built after the page
 * (`npm run build`), into the same dist/ without emptying it.
 */
import react from "@vitejs/plugin-react";
import { defineConfig, type BuildEnvironmentOptions, type LibraryFormats } from "vite";

export const ELEMENT_FILE = "kvm-cache-diagram.js";

/**
 * One file of dist/ built from `entry` after the page, into the same dist/ without emptying it
 * (the element here, the host page's script in vite.host.config.ts).
 */
export function oneFile(entry: string, file: string, format: LibraryFormats) {
  return {
    outDir: "dist",
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: process.env.SOURCEMAP === "1",
    lib: { entry, formats: [format], fileName: () => file, name: "kvmCacheDiagram" },
  } satisfies BuildEnvironmentOptions;
}

export default defineConfig({
  plugins: [react()],
  // Library mode leaves process.env.NODE_ENV alone; React needs it to pick its production build.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    ...oneFile("src/embed/element.ts", ELEMENT_FILE, "es"),
    rolldownOptions: {
      // One file; and fully minified (library mode keeps an ES module's whitespace, for
      // bundlers that would process it again: this one is shipped as it is).
      output: { codeSplitting: false, minify: true },
    },
  },
});
