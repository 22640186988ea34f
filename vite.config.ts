import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/**
 * The built page's Content-Security-Policy: it loads only its own scripts, styles, images and
 * data, nothing inline, no plugins, no <base>, no form posts. React's `style` props go through
 * the CSSOM (element.style), which CSP does not restrict, so style-src needs no 'unsafe-inline'
 * (checked in Chromium: no violation with writes in flight, a failure and the lazy parts open).
 * frame-ancestors cannot be set from a <meta> (browsers ignore it there): a site that wants to
 * limit who embeds the page must send it as an HTTP header.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * Puts the policy in the built index.html right after <meta charset>, ahead of every tag it
 * governs. Build only: the dev server serves CSS as inline <style> elements (for hot updates),
 * which this policy blocks (checked: the dev page renders unstyled with it), and injects an
 * inline script (React Refresh's preamble).
 */
function contentSecurityPolicy(): Plugin {
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml(html) {
      if (!charset.test(html)) {
        throw new Error("index.html: no <meta charset> to put the Content-Security-Policy after");
      }
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
    },
  };
}

// Keep in sync with PORT in playwright.config.ts (E2E_PORT moves both).
const PREVIEW_PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path (or straight from dist/).
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  server: {
    port: 5173,
  },
  preview: {
    host: "127.0.0.1",
    port: PREVIEW_PORT,
    strictPort: true,
    // A frame sandboxed without allow-same-origin has an opaque origin: its module scripts and
    // lazy chunks load only with CORS (docs/embedding.md says what a host must send).
    headers: { "Access-Control-Allow-Origin": "*" },
  },
  build: {
    outDir: "dist",
    // No source maps in what is deployed; SOURCEMAP=1 npm run build to get them for debugging.
    sourcemap: process.env.SOURCEMAP === "1",
    // The page's own first files are preloaded from index.html; the lazy parts are not given
    // lists of what to preload with them (those lists were 0.8 KiB of the first view's code): a
    // lazy part that needs another lazy chunk fetches it when it runs. No polyfill: every
    // browser that runs this app's JavaScript supports modulepreload.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === "html" ? deps : []),
    },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The model the first view runs (and the lazy parts share) as one file, not five, with
          // the store's zustand core (the tour's store shares it): every file costs its own gzip
          // header and module glue on the first load.
          groups: [
            {
              name: "model",
              test: /\/src\/(model\/(config|failure|rules|simulate|timeline|position)|scenario\/session)\.ts$|\/node_modules\/zustand\/esm\/vanilla\.mjs$/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: "node",
    // These machines are shared and noisy (2 cores): a slow test is not a failing one.
    testTimeout: 30_000,
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "lab/**/*.test.ts"],
  },
});
