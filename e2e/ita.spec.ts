import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addDaysToDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { insertClientsBulk } from "@/lib/db/clients/bulk";
import { roundToRow } from "@/lib/db/draws/import";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, TEST_PASSWORD, testClientInsert } from "@/lib/db/testing/fixtures";

/**
 * The day after the draw: a consultant ticks the clients IRCC invited on the draw page, records
 * the invitations with the ITA date, and finds each application deadline on the dashboard's radar.
 * The round is dated 1995 so no other spec's "latest draw" changes; the ITA date is set to a few
 * days ago in the form (it is editable) so the 60-day deadline lands in the radar's window.
 */

const run = randomUUID().slice(0, 6);
const number = `ita-${run}`;

test("record invitations from a draw page and see the application deadline in the radar", async ({ page }) => {
  await prisma().draw.create({
    data: roundToRow({
      number, date: "1995-06-01", drawnAt: null, tieBreakAt: null, size: 500, cutoff: 450, name: "Canadian Experience Class",
      kind: "cec", categoryVersion: null, programs: ["CEC"], distributionAsOf: null, distribution: [],
    }),
  });
  const firm = await createTestFirm({ label: "e2e-ita" });
  const team = firm.teams[0].id;
  const pooled = (firstName: string, crs: number) =>
    testClientInsert(team, {
      firstName,
      lastName: `Ita${run}`,
      profileSubmittedAt: "1995-01-10T15:00:00Z",
      scores: [{ crs, effectiveAt: "1995-01-10T15:00:00Z", source: "manual", reason: null }],
    });
  await prisma().$transaction((tx) => insertClientsBulk(tx, firm.id, [pooled("Amara", 480), pooled("Bilal", 470)], { timeZone: "America/Toronto" }));
  const itaDate = addDaysToDate(todayIn("America/Toronto", new Date()), -5);
  const dueOn = addDaysToDate(itaDate, 60);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(firm.user("consultant").email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  await page.goto(`/draws/${number}`);
  const form = page.getByRole("form", { name: `Record invitations of draw ${number}` });
  await expect(form.getByLabel("ITA date")).toHaveValue("1995-06-01");
  await form.getByRole("checkbox", { name: "Select every client still in the pool" }).check();
  await expect(form.getByRole("checkbox", { name: `Invited: Amara Ita${run}` })).toBeChecked();
  await form.getByRole("checkbox", { name: `Invited: Bilal Ita${run}` }).uncheck();
  await form.getByLabel("ITA date").fill(itaDate);
  await form.getByRole("button", { name: "Record invitations (1)" }).click();
  await expect(form.getByText("1 client is now invited")).toBeVisible();

  const amara = await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, firstName: "Amara" } });
  expect(amara.status).toBe("ita_received");
  expect(amara.itaRound).toBe(number);
  expect(amara.applicationDueOn?.toISOString().slice(0, 10)).toBe(dueOn);
  expect((await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, firstName: "Bilal" } })).status).toBe("profile_active");
  expect(await prisma().auditLog.count({ where: { firmId: firm.id, action: "client.ita.invite" } })).toBe(1);

  await page.goto("/");
  const radarRow = page.getByRole("row", { name: new RegExp(`Amara Ita${run}`) }).filter({ hasText: "Application due (ITA)" });
  await expect(radarRow).toContainText(dueOn);
  await expect(radarRow).toContainText("in 55 d");
});
