import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser } from "@playwright/test";
import { isPublicPath } from "@/lib/auth/public-paths";
import { DEMO_USERS } from "@/lib/db/seed-demo";
import { appPages, fillRoute, type StorageState } from "./support/app-pages";
import { sweepValues } from "./support/page-sweep";

// axe-core on every page of the app (the same enumeration as every-page.spec.ts, so a new page is
// checked without being listed), signed in as each role of the demo firm: no serious or critical
// violation of WCAG 2.1 A/AA. A page a role may not open is checked as what that role gets (the
// forbidden or not-found page). Public pages are checked signed out.

const ROLES = ["owner", "admin", "consultant", "viewer"] as const;
// The route pattern ("/invite/[token]") tells a public page as well as a filled-in URL does.
const SIGNED_IN_PAGES = appPages().filter((p) => !isPublicPath(p.route));
const PUBLIC_PAGES = appPages().filter((p) => isPublicPath(p.route));
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's serious and critical violations, one line each, so a failure says what and where. */
async function violations(browser: Browser, url: string, state?: StorageState): Promise<string[]> {
  const context = await browser.newContext(state ? { storageState: state } : {});
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  await context.close();
  // axe ran on the page's content (an empty or blocked run would "pass" with nothing checked).
  expect(results.passes.length, `axe checked ${url}`).toBeGreaterThan(5);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((node) => `${v.impact} ${v.id} (${v.help}) at ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`));
}

for (const role of ROLES) {
  test.describe(`signed in as the demo firm's ${role}`, () => {
    const user = DEMO_USERS.find((u) => u.role === role)!;
    let sweep: Awaited<ReturnType<typeof sweepValues>>;
    test.beforeAll(async ({ browser }) => {
      sweep = await sweepValues(browser, user);
    });

    for (const appPage of SIGNED_IN_PAGES) {
      test(`${appPage.route}: no serious or critical axe violation (${role})`, async ({ browser }) => {
        const url = fillRoute(appPage, sweep.values);
        expect(await violations(browser, url, sweep.state), url).toEqual([]);
      });
    }
  });
}

test.describe("signed out", () => {
  let values: Record<string, string>;
  test.beforeAll(async ({ browser }) => {
    ({ values } = await sweepValues(browser, DEMO_USERS[0]));
  });

  test("the sweep checks public and signed-in pages", () => {
    expect(PUBLIC_PAGES.map((p) => p.route)).toEqual(expect.arrayContaining(["/signin", "/invite/[token]"]));
    expect(SIGNED_IN_PAGES.map((p) => p.route)).toEqual(expect.arrayContaining(["/", "/clients/[id]", "/draws/[number]"]));
  });

  for (const appPage of PUBLIC_PAGES) {
    test(`${appPage.route}: no serious or critical axe violation (signed out)`, async ({ browser }) => {
      const url = fillRoute(appPage, values);
      expect(await violations(browser, url), url).toEqual([]);
    });
  }
});
