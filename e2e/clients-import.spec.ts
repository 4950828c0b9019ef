import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { consultantOf, profileNumber, seedFirm } from "./support/firm";

const HEADER =
  "firstName,lastName,email,dateOfBirth,team,consultantEmail,profileNumber,profileSubmittedAt,profileExpiresAt,status,programs,nominationProvince,categories,crs,crsEffectiveAt,languageTest,languageTestDate,languageListening,languageReading,languageWriting,languageSpeaking,ecaIssuedAt,workPermitExpiresAt,passportExpiresAt,itaDate,itaRound,notes";

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

test("a large CSV reports rows checked while it is checked, then rows saved", async ({ page }) => {
  const firm = await seedFirm("import-progress");
  const consultant = consultantOf(firm, 0);
  const ROWS = 6_000;
  const csv = [
    HEADER,
    ...Array.from({ length: ROWS }, (_, i) =>
      row({ firstName: `Row${i}`, lastName: "Progressrow", team: "Team One", profileNumber: `PRG${String(i).padStart(7, "0")}`, profileSubmittedAt: "2026-02-01T10:00:00Z", programs: "CEC", crs: "470" }),
    ),
  ].join("\n");
  await signIn(page, consultant, "/clients/import");

  // The route's stream: "check" progress from the moment the file is read, then the report.
  const response = await page.request.post("/api/clients/import?mode=all-or-nothing&dryRun=1", { headers: { "Content-Type": "text/csv; charset=utf-8" }, data: csv });
  expect(response.ok()).toBe(true);
  const events = (await response.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; phase?: string; done?: number; total?: number });
  const checks = events.filter((e) => e.type === "progress");
  expect(checks[0]).toEqual({ type: "progress", phase: "check", done: 0, total: ROWS });
  expect(checks.at(-1)).toEqual({ type: "progress", phase: "check", done: ROWS, total: ROWS });
  expect(checks.every((e, i) => e.phase === "check" && (i === 0 || e.done! >= checks[i - 1].done!))).toBe(true);
  expect(events.at(-1)).toMatchObject({ type: "result", report: { total: ROWS, valid: ROWS, imported: 0 } });

  // The page: every text the progress area showed, recorded as it changes.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[aria-live="polite"] p')) if (seen.at(-1) !== el.textContent) seen.push(el.textContent ?? "");
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await upload(page, "large.csv", csv);
  await expect(page.getByTestId("import-summary")).toContainText("6,000 rows: 6,000 valid, 0 with problems");
  const progressSeen = () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.splice(0));
  expect((await progressSeen()).some((t) => /^[\d,]+ of 6,000 rows checked$/.test(t))).toBe(true);

  // The import checks every row again before saving: that phase counts rows too, no bare spinner.
  await page.getByRole("button", { name: "Import 6,000 clients" }).click();
  await expect(page.getByRole("status", { name: "Import complete" })).toContainText("Imported 6,000 clients");
  const seen = await progressSeen();
  const firstSaved = seen.findIndex((t) => /^[\d,]+ of 6,000 rows saved$/.test(t));
  expect(firstSaved, seen.join(" | ")).toBeGreaterThan(0);
  expect(seen.slice(0, firstSaved).some((t) => /^[\d,]+ of 6,000 rows checked$/.test(t)), seen.join(" | ")).toBe(true);
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
