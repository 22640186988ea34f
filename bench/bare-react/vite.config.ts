// Builds the bare React 19 baseline for `npm run bench:ui` with the same Vite and React plugin
// as the real app: `vite build --config bench/bare-react/vite.config.ts` (from the repo root).
// bench/bundle.ts passes its own temporary outDir. The default is also outside the repo: ESLint's
// ignore list only covers the top-level dist/, so a bench/bare-react/dist would get linted.
import react from "@vitejs/plugin-react";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: join(tmpdir(), "kvm-cache-diagram-bare-react"),
    emptyOutDir: true,
  },
});
