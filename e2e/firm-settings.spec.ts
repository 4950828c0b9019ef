import { expect, test } from "@playwright/test";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, TEST_PASSWORD } from "@/lib/db/testing/fixtures";

/** An owner changes the firm's settings; a bad time zone is refused with the field named; a consultant has no access. */
test("an owner saves firm settings, a wrong time zone is named, a consultant may not open the screen", async ({ browser }) => {
  const firm = await createTestFirm({ label: "e2e-firm-settings" });
  const signIn = async (email: string) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    return page;
  };

  const page = await signIn(firm.user("owner").email);
  await page.getByRole("link", { name: "Firm", exact: true }).click();
  const form = page.getByRole("form", { name: "Firm settings" });
  await form.getByLabel("Time zone").fill("Mars/Olympus");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("timeZone: Not a known IANA time zone")).toBeVisible();

  await form.getByLabel("Time zone").fill("America/Vancouver");
  await form.getByLabel("Document buffer (months)").fill("3");
  await form.getByLabel("Firm name on PDFs").fill("Maple Immigration Law");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Settings saved")).toBeVisible();
  const saved = await prisma().firm.findUniqueOrThrow({ where: { id: firm.id } });
  expect([saved.timeZone, saved.documentBufferMonths, saved.pdfFirmName]).toEqual(["America/Vancouver", 3, "Maple Immigration Law"]);
  expect(await prisma().auditLog.count({ where: { firmId: firm.id, action: "firm.settings.update" } })).toBe(1);

  const consultant = await signIn(firm.user("consultant").email);
  await expect(consultant.getByRole("link", { name: "Firm", exact: true })).toHaveCount(0);
  await consultant.goto("/settings/firm");
  await expect(consultant.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
});
