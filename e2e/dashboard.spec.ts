import { expect, test, type Page } from "@playwright/test";
import { addDaysToDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { insertClientsBulk, type ClientInsert } from "@/lib/db/clients/bulk";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, TEST_PASSWORD, testClientInsert, type TestFirm } from "@/lib/db/testing/fixtures";

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

const today = todayIn("America/Toronto", new Date());

/** A client with one deadline: a passport due `days` from today. */
function withPassport(firm: TestFirm, team: number, firstName: string, lastName: string, days: number): ClientInsert {
  return testClientInsert(firm.teams[team].id, { firstName, lastName, programs: ["FSW"], passportExpiresOn: addDaysToDate(today, days) });
}

test("an admin sees the whole firm and can narrow the dashboard to a team; a consultant sees only their team", async ({ page, browser }) => {
  const firm = await createTestFirm({ label: "e2e-dash", teams: ["North desk", "South desk"] });
  await prisma().$transaction((tx) =>
    insertClientsBulk(tx, firm.id, [withPassport(firm, 0, "Nadia", "North", -3), withPassport(firm, 1, "Sami", "South", 5)], { timeZone: "America/Toronto" }),
  );

  await signIn(page, firm.user("admin").email);
  await expect(page.getByRole("table", { name: /^Overdue/ }).getByRole("row", { name: /Nadia North/ })).toContainText("3 d overdue");
  await expect(page.getByRole("table", { name: /^Within 7 days/ }).getByRole("link", { name: "Sami South" })).toBeVisible();

  await page.getByRole("form", { name: "Filter by team" }).getByLabel("Team").selectOption({ label: "South desk" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`team=${firm.teams[1].id}`));
  await expect(page.getByText("Showing team South desk.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Nadia North" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sami South" })).toBeVisible();

  const consultant = await (await browser.newContext()).newPage();
  await signIn(consultant, firm.user("consultant").email);
  await expect(consultant.getByRole("link", { name: "Nadia North" })).toBeVisible();
  await expect(consultant.getByRole("link", { name: "Sami South" })).toHaveCount(0);
  // One team: no team filter; another team's id in the URL shows nothing of it.
  await expect(consultant.getByRole("form", { name: "Filter by team" })).toHaveCount(0);
  await consultant.goto(`/?team=${firm.teams[1].id}`);
  await expect(consultant.getByRole("link", { name: "Sami South" })).toHaveCount(0);
});
