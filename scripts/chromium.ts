/**
 * How the tests and benchmarks launch Chromium: Debian's package (scripts/ensure-chromium.mjs
 * installs it; Playwright downloads none here), or CHROMIUM_PATH. The flags keep a headless
 * Chromium off the network, which the test machines do not have.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
