/**
 * The <kvm-cache-diagram> element as one script (docs/embedding.md): `dist/kvm-cache-diagram.js`,
 * an ES module with everything inlined (React, the model, the styles, every part the page loads
 * lazily), so a docs page adds one script tag and nothing else is fetched. Built after the page
 * (`npm run build`), into the same dist/ without emptying it.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export const ELEMENT_FILE = "kvm-cache-diagram.js";

export default defineConfig({
  plugins: [react()],
  // Library mode leaves process.env.NODE_ENV alone; React needs it to pick its production build.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: process.env.SOURCEMAP === "1",
    lib: {
      entry: "src/embed/element.ts",
      formats: ["es"],
      fileName: () => ELEMENT_FILE,
    },
    rolldownOptions: {
      // One file; and fully minified (library mode keeps an ES module's whitespace, for
      // bundlers that would process it again: this one is shipped as it is).
      output: { codeSplitting: false, minify: true },
    },
  },
});
