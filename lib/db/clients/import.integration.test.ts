import { beforeAll, describe, expect, it } from "vitest";
import { CLIENT_CSV_COLUMNS } from "@/lib/clients/csv-template";
import { ForbiddenError } from "@/lib/errors";
import { createClient, getClient, getClientScoreHistory } from "./index";
import { importClientsCsv } from "./import";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

let firm: TestFirm;
let other: TestFirm;
let tag = 0;

type Row = Partial<Record<(typeof CLIENT_CSV_COLUMNS)[number], string>>;
const HEADER = CLIENT_CSV_COLUMNS.join(",");
const line = (row: Row) => CLIENT_CSV_COLUMNS.map((c) => row[c] ?? "").join(",");
const csv = (...rows: Row[]) => [HEADER, ...rows.map(line)].join("\n") + "\n";

/** A valid row with a unique profile number and email. */
function row(overrides: Row = {}): Row {
  tag += 1;
  return {
    firstName: "Ana",
    lastName: `Import${tag}`,
    email: `ana.import${tag}@example.com`,
    team: "Team One",
    profileNumber: `I${String(tag).padStart(9, "0")}`,
    profileSubmittedAt: "2026-02-03T14:25:00Z",
    programs: "CEC",
    crs: String(400 + tag),
    ...overrides,
  };
}

const owner = () => firm.user("owner").scope;
const countClients = () => prisma().client.count({ where: { firmId: firm.id } });

beforeAll(async () => {
  firm = await createTestFirm({ label: "import" });
  other = await createTestFirm({ label: "import-other" });
});

describe("importClientsCsv: validation report", () => {
  it("reports every error with line and column, and imports nothing in all-or-nothing mode", async () => {
    const before = await countClients();
    const result = await importClientsCsv(
      owner(),
      csv(row(), row({ team: "Atlantis", passportExpiresAt: "2031-02-30" }), row({ crs: "", email: "bad" }), row()),
      { mode: "all-or-nothing" },
    );
    expect(result).toMatchObject({ total: 4, valid: 2, imported: 0 });
    expect(result.errors.map((e) => [e.line, e.column, e.kind])).toEqual([
      [3, "team", "invalid"],
      [3, "passportExpiresAt", "invalid"],
      [4, "email", "invalid"],
      [4, "crs", "invalid"],
    ]);
    expect(result.errors[0].message).toBe('No team "Atlantis" in your firm. Teams: Team One, Team Two.');
    expect(await countClients()).toBe(before);
  });

  it("names an extra column and refuses the file", async () => {
    const text = `${HEADER},favouriteColour\n${line(row())},blue\n`;
    const result = await importClientsCsv(owner(), text, { mode: "valid-rows" });
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([expect.objectContaining({ line: 1, column: "favouriteColour" })]);
  });

  it("flags duplicates within the file and against existing clients, never importing them twice", async () => {
    const existing = await createClient(owner(), {
      firstName: "Existing",
      lastName: "Client",
      teamId: firm.teams[1].id,
      profileNumber: "EXIST00001",
      email: "existing.client@example.com",
      profileSubmittedAt: "2026-01-01T00:00:00Z",
      manualCrs: 450,
      manualCrsReason: "test",
    });
    const first = row();
    const text = csv(
      first,
      row({ profileNumber: first.profileNumber!.toLowerCase() }),
      row({ profileNumber: "exist00001" }),
      row({ email: "EXISTING.client@example.com" }),
      row(),
    );
    const before = await countClients();
    const progress: [string, number, number][] = [];
    const dry = await importClientsCsv(owner(), text, {
      mode: "valid-rows",
      dryRun: true,
      onCheckProgress: (done, total) => progress.push(["checked", done, total]),
      onProgress: (done, total) => progress.push(["saved", done, total]),
    });
    expect(dry.imported).toBe(0);
    // A dry run checks and saves nothing.
    expect(progress).toEqual([
      ["checked", 0, 5],
      ["checked", 5, 5],
    ]);
    expect(dry.errors.map((e) => [e.line, e.column, e.kind])).toEqual([
      [3, "profileNumber", "duplicate"],
      [4, "profileNumber", "duplicate"],
      [5, "email", "duplicate"],
    ]);
    expect(dry.duplicates).toEqual([
      { line: 3, field: "profileNumber", duplicateOfLine: 2 },
      { line: 4, field: "profileNumber", existingClientId: existing.id },
      { line: 5, field: "email", existingClientId: existing.id },
    ]);
    expect(await countClients()).toBe(before);

    // A consultant of Team One is told about the duplicate, but not which client of Team Two it is.
    const asConsultant = await importClientsCsv(firm.user("consultant").scope, text, { mode: "valid-rows", dryRun: true });
    expect(asConsultant.duplicates[1]).toEqual({ line: 4, field: "profileNumber" });

    const result = await importClientsCsv(owner(), text, { mode: "valid-rows" });
    expect(result).toMatchObject({ total: 5, valid: 2, imported: 2 });
    expect(await countClients()).toBe(before + 2);
    expect(await prisma().client.count({ where: { firmId: firm.id, profileNumber: "EXIST00001" } })).toBe(1);
  });

  it("a consultant may import only into their teams; a viewer not at all", async () => {
    const consultant = firm.user("consultant").scope; // Team One only
    const result = await importClientsCsv(consultant, csv(row(), row({ team: "team two" })), { mode: "all-or-nothing" });
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, column: "team", message: expect.stringContaining("only into your own teams") })]);
    await expect(importClientsCsv(firm.user("viewer").scope, csv(row()), { mode: "all-or-nothing" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("does not see another firm's teams, consultants or clients", async () => {
    const theirs = await createClient(other.user("owner").scope, {
      firstName: "Other",
      lastName: "Firm",
      teamId: other.teams[0].id,
      profileNumber: "OTHER00001",
      profileSubmittedAt: "2026-01-01T00:00:00Z",
      manualCrs: 450,
      manualCrsReason: "test",
    });
    const result = await importClientsCsv(owner(), csv(row({ consultantEmail: other.user("consultant").email }), row({ profileNumber: "OTHER00001" })), {
      mode: "valid-rows",
      dryRun: true,
    });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([[2, "consultantEmail"]]);
    expect(result.duplicates).toEqual([]);
    expect(theirs.id).toBeTruthy();
  });
});

describe("importClientsCsv: importing", () => {
  it("imports a clean file in one transaction with score history, derived dates and one audit entry", async () => {
    const rows = [row({ consultantEmail: firm.user("consultant").email.toUpperCase(), languageTestDate: "2025-03-01", categories: "stem;french" }), row({ crsEffectiveAt: "2026-03-01T10:00:00" }), row({ status: "prospect", crs: "", profileSubmittedAt: "", profileNumber: "" })];
    const progress: [string, number, number][] = [];
    const result = await importClientsCsv(owner(), csv(...rows), {
      mode: "all-or-nothing",
      chunkSize: 2,
      onCheckProgress: (done, total) => progress.push(["checked", done, total]),
      onProgress: (done, total) => progress.push(["saved", done, total]),
    });
    expect(result).toMatchObject({ total: 3, valid: 3, imported: 3, errors: [] });
    // Rows checked (as soon as the file is read, then as checking goes), then rows saved.
    expect(progress).toEqual([
      ["checked", 0, 3],
      ["checked", 3, 3],
      ["saved", 0, 3],
      ["saved", 2, 3],
      ["saved", 3, 3],
    ]);
    const imported = await prisma().client.findMany({ where: { firmId: firm.id, lastName: { in: rows.map((r) => r.lastName!) } }, orderBy: { lastName: "asc" } });
    expect(imported).toHaveLength(3);
    const first = await getClient(owner(), imported.find((c) => c.lastName === rows[0].lastName)!.id);
    expect(first).toMatchObject({
      consultantId: firm.user("consultant").id,
      teamName: "Team One",
      profileExpiresOn: "2027-02-03",
      profileExpiryOverride: false,
      languageTestExpiresOn: "2027-03-01",
      categories: ["stem", "french"],
      crsSource: "import",
    });
    const second = imported.find((c) => c.lastName === rows[1].lastName)!;
    expect(await getClientScoreHistory(owner(), second.id)).toEqual([
      { crs: Number(rows[1].crs), effectiveAt: "2026-03-01T10:00:00.000Z", source: "import", reason: "CSV import", createdByName: expect.any(String) },
    ]);
    const audits = await prisma().auditLog.findMany({ where: { firmId: firm.id, action: "client.import" }, orderBy: { id: "desc" }, take: 1 });
    expect(audits[0].metadata).toMatchObject({ mode: "all-or-nothing", total: 3, imported: 3, rowsWithErrors: 0 });
    expect(await prisma().auditLog.count({ where: { firmId: firm.id, action: "client.create", entityId: { in: imported.map((c) => c.id) } } })).toBe(0);
  });

  it("a failure inside the transaction leaves nothing behind", async () => {
    const before = await countClients();
    const scoresBefore = await prisma().crsScore.count({ where: { firmId: firm.id } });
    const auditsBefore = await prisma().auditLog.count({ where: { firmId: firm.id, action: "client.import" } });
    const boom = importClientsCsv(owner(), csv(row(), row(), row(), row()), {
      mode: "all-or-nothing",
      chunkSize: 2,
      onProgress: (done) => {
        if (done === 2) throw new Error("connection lost half-way");
      },
    });
    await expect(boom).rejects.toThrow("connection lost half-way");
    expect(await countClients()).toBe(before);
    expect(await prisma().crsScore.count({ where: { firmId: firm.id } })).toBe(scoresBefore);
    expect(await prisma().auditLog.count({ where: { firmId: firm.id, action: "client.import" } })).toBe(auditsBefore);
  });

  it("all-or-nothing with one bad row imports nothing; valid-rows imports the rest", async () => {
    const rows = [row(), row({ dateOfBirth: "12/05/1990" }), row()];
    const before = await countClients();
    expect((await importClientsCsv(owner(), csv(...rows), { mode: "all-or-nothing" })).imported).toBe(0);
    expect(await countClients()).toBe(before);
    const result = await importClientsCsv(owner(), csv(...rows), { mode: "valid-rows" });
    expect(result).toMatchObject({ imported: 2, valid: 2 });
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, column: "dateOfBirth" })]);
    expect(await countClients()).toBe(before + 2);
  });
});
