import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { importRounds } from "@/lib/db/draws/import";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, TEST_PASSWORD } from "@/lib/db/testing/fixtures";
import { parseRounds } from "@/lib/draws/parse-rounds";

/**
 * A platform administrator maps an unrecognised draw name to a new category on the "Draw names"
 * screen; the round changes kind at once and clients can be tagged with the category. The round
 * is dated 1995 and its name is this run's own, so no other spec's draws are affected.
 */

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

const run = randomUUID().slice(0, 6);
const name = `Lighthouse Keepers ${run}, 2026-Version 1`;
const number = `dn-${run}`;

test("a platform administrator maps an unrecognised name to a new category; a firm admin may not", async ({ browser }) => {
  const dd = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`dd${i + 1}`, "0"]));
  const parsed = parseRounds({
    rounds: [{ drawNumber: number, drawDate: "1995-05-05", drawName: name, drawSize: "500", drawCRS: "470", drawText2: "", drawDateTime: "", drawCutOff: "", drawDistributionAsOn: "", ...dd }],
  });
  expect(parsed.rounds[0].kind).toBe("unrecognised");
  await importRounds(parsed.rounds, { source: "e2e draw names", importedBy: "e2e" });
  const firm = await createTestFirm({ label: "e2e-draw-names" });
  await prisma().user.update({ where: { email: firm.user("owner").email }, data: { platformAdmin: true } });

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, firm.user("admin").email);
  await adminPage.goto("/draws");
  await expect(adminPage.getByRole("link", { name: "Draw names" })).toHaveCount(0);
  await adminPage.goto("/draws/names");
  await expect(adminPage.getByRole("heading", { name: "Not available to your role" })).toBeVisible();

  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await signIn(page, firm.user("owner").email);
  await page.goto("/draws");
  await page.getByRole("link", { name: "Draw names" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Draw names" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();

  const code = `lk_${run}`;
  const form = page.getByRole("form", { name: `Create a category for "${name}"` });
  await form.getByLabel("Category code").fill(code);
  await form.getByLabel("Label").fill(`Lighthouse keepers ${run}`);
  await form.getByRole("button", { name: "Create the category" }).click();

  const mapped = page.getByRole("table", { name: "Mapped names" });
  await expect(mapped.getByRole("row", { name: new RegExp(name) })).toContainText(`Lighthouse keepers ${run}`);
  await expect(mapped.getByRole("row", { name: new RegExp(name) })).toContainText(firm.user("owner").email);
  await expect(page.getByRole("heading", { level: 3, name })).toHaveCount(0);
  expect((await prisma().draw.findUniqueOrThrow({ where: { number } })).kind).toBe(code);

  // The ledger filters by the new kind and labels it everywhere.
  await page.goto("/draws?from=1995-01-01&to=1995-12-31");
  await page.getByRole("checkbox", { name: `Lighthouse keepers ${run}` }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`kind=${code}`));
  await expect(page.getByRole("table", { name: /^Rounds: 1 draw/ }).getByRole("row", { name: new RegExp(`#${number}`) })).toContainText(`Lighthouse keepers ${run}`);
  await expect(page.getByRole("table", { name: "Cut-offs by kind in this range" }).getByRole("row", { name: new RegExp(`Lighthouse keepers ${run}`) })).toBeVisible();

  await page.goto(`/draws/${number}`);
  await expect(page.getByText(`Lighthouse keepers ${run} (2026-Version 1)`).first()).toBeVisible();
  await page.goto("/clients/new");
  await expect(page.getByRole("checkbox", { name: `Lighthouse keepers ${run}` })).toBeVisible();
});
