import { expect, test, type Browser, type Page } from "@playwright/test";
import { isPublicPath } from "@/lib/auth/public-paths";
import { DEMO_USERS } from "@/lib/db/seed-demo";
import { appPages, fillRoute, type StorageState } from "./support/app-pages";
import { sweepValues } from "./support/page-sweep";

// Loads every page of the app (app/**/page.tsx) as a person would, with the console and the
// network watched: a script refused by the Content-Security-Policy, an uncaught error or a
// resource that fails to load (the missing favicon, a chunk) fails the page's test. Public pages
// are loaded signed out, the others as the demo firm's owner, who may see every page.

let ownerState: StorageState;
let segmentValues: Record<string, string>;

test.beforeAll(async ({ browser }) => {
  ({ state: ownerState, values: segmentValues } = await sweepValues(browser, DEMO_USERS[0]));
});

/** Everything that goes wrong while the page loads, in words a failing test can print. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });
  page.on("console", (message) => {
    // "Failed to load resource" is the browser's echo of a failed response, reported below with its URL.
    if (message.text().startsWith("Failed to load resource")) return;
    if (message.type() === "error" || /Refused to|securitypolicyviolation/.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`uncaught error: ${error.message}`));
  page.on("response", (response) => {
    // The page's own document is checked by the test (the not-found page is a 404 on purpose).
    if (response.status() >= 400 && response.request().resourceType() !== "document") {
      problems.push(`${response.status()} for ${response.request().resourceType()} ${response.url()}`);
    }
  });
  page.on("requestfailed", (request) => {
    // ERR_ABORTED: a prefetch or navigation superseded by the next one, not a broken resource.
    const reason = request.failure()?.errorText;
    if (reason !== "net::ERR_ABORTED") problems.push(`request failed (${reason}) for ${request.url()}`);
  });
  return problems;
}

async function visit(browser: Browser, url: string, signedIn: boolean) {
  const context = await browser.newContext(signedIn ? { storageState: ownerState } : {});
  const page = await context.newPage();
  const problems = await watch(page);
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  return { context, page, problems, status: response?.status() };
}

const PAGES = appPages();

test("the sweep finds the app's pages, route groups left out of their URLs", () => {
  const routes = PAGES.map((p) => p.route);
  expect(routes).toEqual(expect.arrayContaining(["/", "/signin", "/forbidden", "/clients/[id]/edit", "/draws/[number]", "/invite/[token]"]));
  expect(routes.filter((route) => route.includes("("))).toEqual([]);
});

for (const appPage of PAGES) {
  test(`${appPage.route} loads with no CSP violation, error or missing resource (${appPage.file})`, async ({ browser }) => {
    const url = fillRoute(appPage, segmentValues);
    const signedIn = !isPublicPath(new URL(url, "http://localhost").pathname);
    const { context, page, problems, status } = await visit(browser, url, signedIn);
    expect(status, `status of ${url}`).toBe(200);
    expect(new URL(page.url()).pathname, "no redirect").toBe(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(problems, `problems on ${url}${signedIn ? " (signed in)" : " (signed out)"}`).toEqual([]);
    await context.close();
  });
}

test("an unknown address shows the not-found page with no CSP violation or error", async ({ browser }) => {
  const { context, page, problems, status } = await visit(browser, `/no-such-page-${Date.now()}`, true);
  expect(status).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

test("the favicon the pages link to is served, signed out too", async ({ page, request }) => {
  await page.goto("/signin");
  const icons = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(icons.some((href) => new URL(href).pathname === "/favicon.ico")).toBe(true);
  for (const href of icons) {
    const response = await request.get(href, { maxRedirects: 0 });
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\//);
  }
});
