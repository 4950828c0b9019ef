import { expect, test } from "@playwright/test";
import { ageOn, calculateCrs, crsInputSchema } from "../lib/crs";
import { todayIn } from "../lib/dates";
import { signIn } from "./support/auth";
import { consultantOf, profileNumber, seedFirm } from "./support/firm";

test("enters IELTS results: the CLB levels show beside them, the calculator uses them, the client page shows both", async ({ page }) => {
  const firm = await seedFirm("ielts");
  await signIn(page, consultantOf(firm, 0), "/clients/new");

  await page.getByLabel("First name").fill("Ines");
  await page.getByLabel("Last name").fill("Bandscore");
  await page.getByLabel("Date of birth").fill("1995-03-02");
  await page.getByLabel("Profile number").fill(profileNumber());
  await page.getByLabel("Profile submitted: date").fill("2026-01-15");
  await page.getByLabel("Profile submitted: time").fill("14:30:15");
  await page.getByLabel("Federal Skilled Worker (FSW)").check();
  await page.getByLabel("Level of education").selectOption("bachelors");

  await page.getByLabel("Test", { exact: true }).selectOption("ielts_general");
  await page.getByLabel("Test result date").fill("2025-10-01");
  const results = { Listening: "8", Reading: "7", Writing: "6.5", Speaking: "5.5" };
  for (const [ability, band] of Object.entries(results)) await page.getByLabel(ability, { exact: true }).fill(band);
  // IRCC's chart: L 8.0 → CLB 9, R 7.0 → CLB 9, W 6.5 → CLB 8, S 5.5 → CLB 6.
  await expect(page.getByRole("status", { name: "Listening level" })).toHaveText("CLB 9");
  await expect(page.getByRole("status", { name: "Reading level" })).toHaveText("CLB 9");
  await expect(page.getByRole("status", { name: "Writing level" })).toHaveText("CLB 8");
  await expect(page.getByRole("status", { name: "Speaking level" })).toHaveText("CLB 6");

  const factors = {
    age: ageOn("1995-03-02", todayIn("America/Toronto", new Date())),
    hasAccompanyingSpouse: false,
    education: "bachelors",
    firstLanguage: { language: "english", clb: { listening: 9, reading: 9, writing: 8, speaking: 6 } },
    canadianWorkYears: 0,
    foreignWorkYears: 0,
    certificateOfQualification: false,
    siblingInCanada: false,
    canadianEducation: "none",
    provincialNomination: false,
  };
  const expected = calculateCrs(crsInputSchema.parse(factors)).total;
  const computed = page.getByRole("status", { name: "Computed CRS score" });
  await expect(computed).toHaveText(String(expected));

  // A better speaking band changes the level and the score at once.
  await page.getByLabel("Speaking", { exact: true }).fill("7.5");
  await expect(page.getByRole("status", { name: "Speaking level" })).toHaveText("CLB 10");
  const better = calculateCrs(crsInputSchema.parse({ ...factors, firstLanguage: { language: "english", clb: { ...factors.firstLanguage.clb, speaking: 10 } } })).total;
  await expect(computed).toHaveText(String(better));

  // Off the scale: refused in the form, naming the field and the scale.
  await page.getByLabel("Reading", { exact: true }).fill("9.5");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByLabel("Reading", { exact: true })).toHaveAccessibleDescription(/from 0 to 9 in steps of 0\.5.*got 9\.5/);
  await page.getByLabel("Reading", { exact: true }).fill("7");

  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("client-crs")).toHaveText(String(better));
  await expect(page.getByText("IELTS General Training, 2025-10-01")).toBeVisible();
  const table = page.getByRole("table", { name: "Language test results and levels" });
  await expect(table.getByRole("row", { name: /Writing/ })).toContainText("6.5");
  await expect(table.getByRole("row", { name: /Writing/ })).toContainText("CLB 8");
  await expect(table.getByRole("row", { name: /Speaking/ })).toContainText("CLB 10");
});
