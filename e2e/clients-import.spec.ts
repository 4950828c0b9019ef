import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { consultantOf, profileNumber, seedFirm } from "./support/firm";

const HEADER =
  "firstName,lastName,email,dateOfBirth,team,consultantEmail,profileNumber,profileSubmittedAt,profileExpiresAt,status,programs,nominationProvince,categories,crs,crsEffectiveAt,languageTest,languageTestDate,languageListening,languageReading,languageWriting,languageSpeaking,ecaIssuedAt,workPermitExpiresAt,passportExpiresAt,notes";

function row(values: Record<string, string>): string {
  return HEADER.split(",")
    .map((column) => values[column] ?? "")
    .join(",");
}

async function upload(page: Page, name: string, csv: string) {
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
}

test("a CSV with errors shows the row-by-row report and imports nothing", async ({ page }) => {
  const firm = await seedFirm("import-bad");
  const consultant = consultantOf(firm, 0);
  const csv = [
    HEADER,
    row({ firstName: "Valid", lastName: "Importrow", email: "valid@client.example", team: "Team One", profileNumber: profileNumber(), profileSubmittedAt: "2026-02-01T10:00:00Z", programs: "CEC", crs: "475" }),
    row({ firstName: "Broken", lastName: "Importrow", team: "No Such Team", profileNumber: profileNumber(), profileSubmittedAt: "2026-02-01T10:00:00Z", programs: "CEC", crs: "475" }),
    row({ firstName: "Baddate", lastName: "Importrow", team: "Team One", dateOfBirth: "1990-13-45", profileNumber: profileNumber(), profileSubmittedAt: "2026-02-01T10:00:00Z", programs: "XYZ", crs: "475" }),
  ].join("\n");

  await signIn(page, consultant, "/clients");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await upload(page, "clients-with-errors.csv", csv);

  await expect(page.getByRole("status", { name: "The file has problems: nothing has been imported" })).toBeVisible();
  await expect(page.getByTestId("import-summary")).toContainText("3 rows: 1 valid, 2 with problems");
  const report = page.getByRole("table", { name: /^Problems found/ });
  await expect(report.locator("tbody tr", { hasText: "team" }).first()).toContainText("3");
  await expect(report.locator("tbody tr").filter({ hasText: "dateOfBirth" })).toHaveCount(1);
  await expect(report.locator("tbody tr").filter({ hasText: "dateOfBirth" }).getByRole("cell").first()).toHaveText("4");
  await expect(report.locator("tbody tr").filter({ hasText: "programs" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Import the 1 valid row" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d+ client/ })).toHaveCount(0);

  await page.goto("/clients?q=importrow");
  await expect(page.getByText("No clients match these filters.")).toBeVisible();
});

test("a valid CSV is imported and its rows appear in the roster; a duplicate is flagged", async ({ page }) => {
  const firm = await seedFirm("import-ok");
  const consultant = consultantOf(firm, 0);
  const first = profileNumber();
  const csv = [
    HEADER,
    row({ firstName: "Hana", lastName: "Csvimport", email: `hana-${firm.slug}@client.example`, team: "Team One", profileNumber: first, profileSubmittedAt: "2026-02-01T10:00:00Z", programs: "CEC;FSW", categories: "stem", crs: "488" }),
    row({ firstName: "Ravi", lastName: "Csvimport", team: "Team One", consultantEmail: consultant.email, profileNumber: profileNumber(), profileSubmittedAt: "2026-02-03T08:15:30", programs: "FSW", crs: "462", languageTest: "ielts_general", languageTestDate: "2025-06-01", languageListening: "8", languageReading: "7", languageWriting: "6.5", languageSpeaking: "7" }),
  ].join("\n");

  await signIn(page, consultant, "/clients/import");
  await upload(page, "clients.csv", csv);
  await expect(page.getByRole("status", { name: "Every row is valid" })).toBeVisible();
  await expect(page.getByTestId("import-summary")).toContainText("2 rows: 2 valid, 0 with problems");
  await page.getByRole("button", { name: "Import 2 clients" }).click();
  await expect(page.getByRole("status", { name: "Import complete" })).toContainText("Imported 2 clients");

  await page.goto("/clients?q=csvimport&sort=crs&dir=desc");
  const names = page.getByRole("table", { name: /^Clients, sorted by/ }).locator("tbody th");
  await expect(names).toHaveText(["Csvimport, Hana", "Csvimport, Ravi"]);
  await expect(page.getByRole("table", { name: /^Clients, sorted by/ }).locator("tbody tr").first()).toContainText("488");

  // The same file again: both rows are duplicates now, and nothing is doubled.
  await page.goto("/clients/import");
  await upload(page, "clients-again.csv", csv);
  await expect(page.getByTestId("import-summary")).toContainText("2 duplicates");
  await page.goto("/clients?q=csvimport");
  await expect(names).toHaveCount(2);
});

test("the template downloads with the documented header", async ({ page }) => {
  const firm = await seedFirm("template");
  await signIn(page, consultantOf(firm, 0), "/clients/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the template" }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
  expect(text.split(/\r?\n/)[0]).toBe(HEADER);
});
