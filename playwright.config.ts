import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

// Same port as `preview` in vite.config.ts (strictPort there, so a stray server fails loudly).
// E2E_PORT moves both servers, so two checkouts can run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${String(PORT)}/`;
/** The host pages' origin (e2e/hosts): another port, so another origin, on the same machine. */
const HOST_PORT = PORT + 1;
export const HOST_URL = `http://127.0.0.1:${String(HOST_PORT)}/`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL: BASE_URL,
    headless: true,
    trace: "off",
    video: "off",
    screenshot: "off",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: "npm run preview",
      url: BASE_URL,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // A second origin for the host pages that embed the app (e2e/embed.spec.ts).
      command: `node e2e/hosts/serve.mjs`,
      url: `${HOST_URL}frame.html`,
      env: { HOST_PORT: String(HOST_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
