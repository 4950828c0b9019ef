/**
 * Property-based test of the client CSV import against a real PostgreSQL: files of valid rows
 * with nasty cells mixed in (NULs, formulas, huge numbers, odd dates, BOMs, line endings), and
 * random bytes. Whatever the file, the import answers with a report or one of the app's typed
 * errors, never a database error; a refused file leaves the client count unchanged, and an
 * accepted one adds exactly the rows it reports. Runs are few: each one is a real import.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CLIENT_CSV_COLUMNS } from "@/lib/clients/csv-template";
import { AppError } from "@/lib/errors";
import { importClientsCsv, type ImportMode } from "./import";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

type Column = (typeof CLIENT_CSV_COLUMNS)[number];
let firm: TestFirm;
let tag = 0;

const countClients = () => prisma().client.count({ where: { firmId: firm.id } });
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

function goodRow(): Partial<Record<Column, string>> {
  tag += 1;
  return {
    firstName: "Ana",
    lastName: `Fuzz${tag}`,
    email: `ana.fuzz${tag}@example.com`,
    team: "Team One",
    profileNumber: `F${String(tag).padStart(9, "0")}`,
    profileSubmittedAt: "2026-02-03T14:25:00Z",
    programs: "CEC",
    crs: String(300 + (tag % 900)),
  };
}

const nastyCell = fc.oneof(
  fc.constantFrom(
    "=1+1", "+1", "-1", "@SUM(A1)", "99999999999999999999", "1e309", "\u0000", "x\u0000", "\uFEFF", "\uFFFD", "\r\n", "\"",
    "9999-12-31", "0001-01-01", "2026-02-30", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "",
  ),
  fc.string({ maxLength: 20 }),
  fc.uint8Array({ maxLength: 12 }).map((b) => new TextDecoder().decode(b)),
);

const file = fc
  .tuple(
    fc.array(fc.array(fc.tuple(fc.constantFrom(...CLIENT_CSV_COLUMNS), nastyCell), { maxLength: 2 }), { minLength: 1, maxLength: 4 }),
    fc.constantFrom("\n", "\r\n", "\r"),
    fc.boolean(),
  )
  .map(([rows, eol, bom]) => {
    const lines = rows.map((edits) => {
      const row = goodRow();
      for (const [column, value] of edits) row[column] = value;
      return CLIENT_CSV_COLUMNS.map((c) => quote(row[c] ?? "")).join(",");
    });
    return `${bom ? "\uFEFF" : ""}${[CLIENT_CSV_COLUMNS.join(","), ...lines].join(eol)}${eol}`;
  });

beforeAll(async () => {
  firm = await createTestFirm({ label: "import-fuzz" });
});

async function importChecked(text: string, mode: ImportMode) {
  const before = await countClients();
  let result;
  try {
    result = await importClientsCsv(firm.user("owner").scope, text, { mode });
  } catch (error) {
    // Only the app's own errors, in user words; a database error here would be a crash.
    expect(error, String(error)).toBeInstanceOf(AppError);
    expect(await countClients()).toBe(before);
    return;
  }
  const after = await countClients();
  expect(after - before, `imported ${result.imported} of ${result.total}`).toBe(result.imported);
  if (mode === "all-or-nothing" && result.errors.length > 0) expect(after).toBe(before);
  for (const error of result.errors) {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column.length).toBeGreaterThan(0);
  }
  expect(result.imported + new Set(result.errors.map((e) => e.line)).size).toBeGreaterThanOrEqual(Math.min(result.total, 1));
}

describe("importClientsCsv under random input (real PostgreSQL)", () => {
  it("all-or-nothing: a refused file writes nothing; an accepted one writes exactly what it reports", async () => {
    await fc.assert(fc.asyncProperty(file, (text) => importChecked(text, "all-or-nothing")), { numRuns: 40 });
  });

  it("valid rows: writes exactly the rows without errors, and never fails on the others", async () => {
    await fc.assert(fc.asyncProperty(file, (text) => importChecked(text, "valid-rows")), { numRuns: 40 });
  });

  it("random bytes, invalid UTF-8 included: a report, nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const before = await countClients();
        const result = await importClientsCsv(firm.user("owner").scope, new TextDecoder().decode(bytes), { mode: "valid-rows" });
        expect(result.imported).toBe(0);
        expect(await countClients()).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it("a file with a NUL in one cell is refused with that cell's error, not a database error (fuzz counterexamples)", async () => {
    const before = await countClients();
    const row = { ...goodRow(), lastName: "x\u0000" };
    const text = `${CLIENT_CSV_COLUMNS.join(",")}\n${CLIENT_CSV_COLUMNS.map((c) => quote(row[c] ?? "")).join(",")}\n`;
    const result = await importClientsCsv(firm.user("owner").scope, text, { mode: "valid-rows" });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([[2, "lastName"]]);
    expect(await countClients()).toBe(before);
  });

  it("a NUL as the profile number is that cell's error: the firm-wide duplicate lookup does not send it to PostgreSQL", async () => {
    const before = await countClients();
    const rows = [{ ...goodRow(), profileNumber: "\u0000" }, goodRow()];
    const text = [CLIENT_CSV_COLUMNS.join(","), ...rows.map((row) => CLIENT_CSV_COLUMNS.map((c) => quote(row[c] ?? "")).join(","))].join("\n");
    const result = await importClientsCsv(firm.user("owner").scope, text, { mode: "all-or-nothing" });
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => e.line === 2 && e.column === "profileNumber")).toBe(true);
    expect(result.imported).toBe(0);
    expect(await countClients()).toBe(before);
  });

  it("a submission time in year 1 (UTC year 0) is that cell's error, not a RangeError from the expiry arithmetic (fuzz counterexample)", async () => {
    const before = await countClients();
    const row = { ...goodRow(), profileSubmittedAt: "0001-01-01T00:00:00+14:00" };
    const text = `${CLIENT_CSV_COLUMNS.join(",")}\n${CLIENT_CSV_COLUMNS.map((c) => quote(row[c] ?? "")).join(",")}\n`;
    const result = await importClientsCsv(firm.user("owner").scope, text, { mode: "valid-rows" });
    expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([[2, "profileSubmittedAt", "Use a year from 1900 to 9998."]]);
    expect(await countClients()).toBe(before);
  });
});
