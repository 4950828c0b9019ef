/**
 * Archived clients on the roster and in its exports: hidden by default, shown on request with the
 * roster's `archived` filter (include / only, kept in the URL), and every export of the view —
 * CSV, Excel, client status reports — follows the same filter, with an Archived column when
 * archived clients may be in it. Real PostgreSQL; files parsed back.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRosterQuery, rosterQueryToSearch } from "@/lib/clients/roster-query";
import { streamRosterCsv, streamRosterXlsx } from "@/lib/server/exports/roster";
import { archiveClient, unarchiveClient } from "./archive";
import { createClient } from "./create";
import { listClients } from "./list";
import { openReportBatch } from "../exports";
import { prisma } from "../prisma";
import { collect } from "../testing/collect";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

const NOW = new Date("2026-06-15T16:00:00Z");
let firm: TestFirm;
const owner = () => firm.user("owner").scope;
const consultant = () => firm.user("consultant").scope;

const csvRows = (buffer: Buffer): Record<string, string>[] => parse(buffer.toString("utf8"), { bom: true, columns: true, skip_empty_lines: true });

async function add(lastName: string, team: 0 | 1, archived = false): Promise<string> {
  const { id } = await createClient(owner(), {
    firstName: "Arch",
    lastName,
    teamId: firm.teams[team].id,
    status: "profile_active",
    profileSubmittedAt: "2026-01-10T15:00:00Z",
    programs: ["CEC"],
    manualCrs: 470,
    manualCrsReason: "From the IRCC account",
  });
  if (archived) await archiveClient(owner(), id);
  return id;
}

beforeAll(async () => {
  firm = await createTestFirm({ label: "archived" });
  await add("Active", 0);
  await add("Current", 1);
  await add("Shelved", 0, true);
  await add("Stored", 1, true);
});

const names = (rows: { lastName: string }[]) => rows.map((r) => r.lastName).sort();

describe("the roster's archived filter", () => {
  it("hides archived clients by default, includes them or shows only them on request", async () => {
    expect(names((await listClients(owner(), parseRosterQuery({}), { now: NOW })).rows)).toEqual(["Active", "Current"]);
    const included = await listClients(owner(), parseRosterQuery({ archived: "include" }), { now: NOW });
    expect(names(included.rows)).toEqual(["Active", "Current", "Shelved", "Stored"]);
    expect(included.rows.filter((r) => r.archived).map((r) => r.lastName).sort()).toEqual(["Shelved", "Stored"]);
    expect(names((await listClients(owner(), parseRosterQuery({ archived: "only" }), { now: NOW })).rows)).toEqual(["Shelved", "Stored"]);
  });

  it("keeps the filter in the URL, leaving the default out, and falls back to it on a bad value", () => {
    expect(rosterQueryToSearch(parseRosterQuery({ archived: "only" }))).toBe("archived=only");
    expect(rosterQueryToSearch(parseRosterQuery(new URLSearchParams("archived=include&status=profile_active")))).toBe("status=profile_active&archived=include");
    expect(rosterQueryToSearch(parseRosterQuery({ archived: "exclude" }))).toBe("");
    expect(parseRosterQuery({ archived: "everything" }).archived).toBe("exclude");
  });

  it("stays inside the caller's teams and combines with the other filters", async () => {
    expect(names((await listClients(consultant(), parseRosterQuery({ archived: "only" }), { now: NOW })).rows)).toEqual(["Shelved"]);
    expect(names((await listClients(owner(), parseRosterQuery({ archived: "include", team: firm.teams[1].id }), { now: NOW })).rows)).toEqual(["Current", "Stored"]);
  });

  it("an unarchived client is back in the default view", async () => {
    const id = await add("Returning", 0, true);
    expect(names((await listClients(owner(), parseRosterQuery({ q: "returning" }), { now: NOW })).rows)).toEqual([]);
    await unarchiveClient(owner(), id);
    expect(names((await listClients(owner(), parseRosterQuery({ q: "returning" }), { now: NOW })).rows)).toEqual(["Returning"]);
    await archiveClient(owner(), id);
  });
});

describe("roster exports follow the archived filter", () => {
  it("CSV: no archived client and no Archived column by default; on request, both", async () => {
    const plain = csvRows(await collect((sink) => streamRosterCsv(owner(), parseRosterQuery({}), sink, { now: NOW })));
    expect(plain.map((r) => r["Last name"]).sort()).toEqual(["Active", "Current"]);
    expect(Object.keys(plain[0])).not.toContain("Archived");

    const included = csvRows(await collect((sink) => streamRosterCsv(owner(), parseRosterQuery({ archived: "include" }), sink, { now: NOW })));
    expect(included.map((r) => [r["Last name"], r.Archived]).sort()).toEqual([
      ["Active", "No"],
      ["Current", "No"],
      ["Returning", "Yes"],
      ["Shelved", "Yes"],
      ["Stored", "Yes"],
    ]);

    const only = csvRows(await collect((sink) => streamRosterCsv(consultant(), parseRosterQuery({ archived: "only" }), sink, { now: NOW })));
    expect(only.map((r) => [r["Last name"], r.Archived]).sort()).toEqual([
      ["Returning", "Yes"],
      ["Shelved", "Yes"],
    ]);

    const audit = await prisma().auditLog.findFirstOrThrow({ where: { firmId: firm.id, action: "export.roster_csv" }, orderBy: { id: "desc" } });
    expect(audit.metadata).toMatchObject({ rows: 2, filters: { archived: "only" } });
  });

  it("Excel: archived only", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await collect((sink) => streamRosterXlsx(owner(), parseRosterQuery({ archived: "only" }), sink, { now: NOW }))) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const last = headers.indexOf("Last name") + 1;
    const archived = headers.indexOf("Archived") + 1;
    expect(archived).toBeGreaterThan(0);
    const rows: [string, string][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(last).value), String(row.getCell(archived).value)]);
    });
    expect(rows.sort()).toEqual([
      ["Returning", "Yes"],
      ["Shelved", "Yes"],
      ["Stored", "Yes"],
    ]);
  });

  it("client status reports for the view include archived clients only when the view does", async () => {
    const plain = await openReportBatch(owner(), { query: parseRosterQuery({}) }, { layout: "zip", now: NOW });
    expect(names(plain.clients)).toEqual(["Active", "Current"]);
    const only = await openReportBatch(owner(), { query: parseRosterQuery({ archived: "only", team: firm.teams[1].id }) }, { layout: "combined", now: NOW });
    expect(names(only.clients)).toEqual(["Stored"]);
  });
});
