import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Keep in sync with PORT in playwright.config.ts.
const PREVIEW_PORT = 4173;

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path (or straight from dist/).
  base: "./",
  plugins: [react()],
  server: {
    port: 5173,
  },
  preview: {
    host: "127.0.0.1",
    port: PREVIEW_PORT,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    sourcemap: true,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
