import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { preparedBrowserFromEnv } from "./scripts/lib/browser";

// Run through `npm run test:e2e` (scripts/with-test-db.ts --e2e): it builds if needed, creates a
// fresh test database with the demo firm, picks E2E_PORT, and runs Playwright with the
// react-server condition and tsx (NODE_OPTIONS) so specs can seed their own firms through lib/db.
if (!process.env.TEST_RUN_ID || !process.env.DATABASE_URL || !process.env.E2E_PORT) {
  throw new Error("Run the end-to-end tests with `npm run test:e2e` (it prepares a fresh test database).");
}

// Workers load this file again: values chosen here are kept in the environment they inherit.
process.env.E2E_NEXTAUTH_SECRET ||= randomBytes(32).toString("base64url");
const port = Number(process.env.E2E_PORT);
const baseURL = `http://localhost:${port}`;

// Prepared once by with-test-db.ts (scripts/lib/browser.ts): E2E_CHROMIUM, else the Chromium
// bundled in @sparticuz/chromium. The browser's env adds its NSS libraries and fonts, for the
// browser only (not for Node or the web server).
const browser = preparedBrowserFromEnv();
const launchOptions = {
  executablePath: browser.executablePath,
  args: browser.args,
  env: { ...process.env, ...browser.env },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    command: `node ${path.join("node_modules", "next", "dist", "bin", "next")} start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.DATABASE_URL,
      NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET,
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      // The react-server condition is for Playwright's Node only; in Next it would break rendering.
      NODE_OPTIONS: "",
    },
  },
});
