import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/db/seed-demo";

// The main flow with the keyboard only (Tab and Shift+Tab, Enter, Space; no clicks): sign in → roster → a
// client → a draw → its export. At each step focus must be where a person expects it.

const MAX_TABS = 250;

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails when it is not reachable within MAX_TABS presses. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<number> {
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press(key);
  }
  throw new Error(`${target} was not reached with ${MAX_TABS} presses of Tab`);
}

/** After a page change, the first Tab lands on the skip link, as on a fresh page load. */
async function expectFreshStart(page: Page) {
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
}

test("sign in, open the roster, a client, a draw and download its export with the keyboard only", async ({ page }) => {
  const owner = DEMO_USERS.find((u) => u.role === "owner")!;
  await page.goto("/signin");
  // The email field has focus on arrival; Tab moves to the password; Enter submits.
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(owner.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  // The skip link comes first and moves focus into the main content.
  await expectFreshStart(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // Roster: through the main navigation.
  const nav = page.getByRole("navigation", { name: "Main" });
  const clientsLink = nav.getByRole("link", { name: "Clients", exact: true });
  await page.keyboard.press("Tab");
  await tabTo(page, clientsLink);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/clients");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The navigation stays; focus stays on the link just used, now marked as the current page.
  await expect(clientsLink).toBeFocused();
  await expect(clientsLink).toHaveAttribute("aria-current", "page");

  // A client: the first one in the roster table.
  const firstClient = page.getByRole("table").locator('a[href^="/clients/"]').first();
  const clientPath = (await firstClient.getAttribute("href"))!;
  // The roster writes "Last, First"; the client's page "First Last".
  const [lastName, firstName] = (await firstClient.textContent())!.split(",").map((part) => part.trim());
  await tabTo(page, firstClient);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === clientPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${firstName} ${lastName}`);

  // The link that was used is gone with the roster: focus moves to the start of the new content.
  await expect(page.locator("main#main")).toBeFocused();

  // A draw: Shift+Tab from the content goes back up through the navigation.
  const drawsLink = nav.getByRole("link", { name: "Draws", exact: true });
  await tabTo(page, drawsLink, "Shift+Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/draws");
  await expect(drawsLink).toBeFocused();
  await expect(drawsLink).toHaveAttribute("aria-current", "page");
  const firstDraw = page.getByRole("table").locator('a[href^="/draws/"]').first();
  const drawPath = (await firstDraw.getAttribute("href"))!;
  await tabTo(page, firstDraw);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === drawPath);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main#main")).toBeFocused();

  // Export: open the menu with Enter, then Space on the CSV button downloads the file.
  const menu = page.locator("summary", { hasText: "Export" });
  await tabTo(page, menu);
  await page.keyboard.press("Enter");
  const csvButton = page.getByRole("button", { name: "Impact (CSV)", exact: true });
  await expect(csvButton).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(csvButton, "the menu's first item follows its toggle").toBeFocused();
  const waiting = page.waitForEvent("download");
  await page.keyboard.press("Space");
  const download = await waiting;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.split(/\r?\n/)[0]).toMatch(/profile|client|name/i);
  // Focus stays on the button that started the download, so the person is where they left off.
  await expect(csvButton).toBeFocused();
});
