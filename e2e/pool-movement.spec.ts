import { expect, test, type Page } from "@playwright/test";
import { createTestFirm, TEST_PASSWORD } from "@/lib/db/testing/fixtures";

/**
 * The ledger's pool movement, on IRCC's snapshot that the test database is seeded with (rounds up
 * to #418). Round 418 is picked through the form so rounds other specs add do not change what is
 * compared.
 */

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

test("the ledger shows how the pool moved per CRS range since the previous round and since January", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-pool-movement" });
  await signIn(page, firm.user("viewer").email);
  await page.goto("/draws?kind=cec");

  const picker = page.getByRole("form", { name: "Choose the round for the pool movement" });
  await picker.getByLabel("Round").selectOption("418");
  await picker.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/kind=cec/);
  await expect(page).toHaveURL(/pool=418/);

  const table = page.getByRole("table", { name: "Change in profiles per CRS range" });
  await expect(table.getByRole("columnheader")).toHaveText(["CRS range", "Pool on 2026-05-24", "Since #416", "Since #389 (first of 2026)"]);
  // Round 416's pool had 15,659 profiles in 501–600 and round 389's (January 4) 21,013.
  await expect(table.getByRole("row", { name: /^501–600/ }).getByRole("cell")).toHaveText(["17,945", "+2,286", "−3,068"]);
  await expect(table.getByRole("row", { name: /^Total/ }).getByRole("cell")).toHaveText(["238,847", "+5,077", "+2,293"]);
  // The overlapping 451–500 subtotal is not a row of its own: its ten-point rows are.
  await expect(table.getByRole("row", { name: /^451–500/ })).toHaveCount(0);
  await expect(table.getByRole("row", { name: /^491–500/ })).toHaveCount(1);
  await expect(page.getByRole("img", { name: /since the first round of 2026 \(#389, pool of January 4, 2026\): 2,293 more profiles, 3,068 fewer profiles between 501 and 600/ })).toBeVisible();
});
