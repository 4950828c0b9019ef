/**
 * Property-based tests of the client CSV check: whatever bytes a person uploads, the check returns
 * a report (never throws), every problem names a file line and a column, and a row it passes holds
 * only values the database can store. Runs are bounded (numRuns, sizes) to keep the suite fast.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvValidation, type CsvValidationContext, validateClientCsv } from "./csv-import";
import { CLIENT_CSV_COLUMNS } from "./csv-template";

const TORONTO = "11111111-1111-4111-8111-111111111111";
const context: CsvValidationContext = {
  teamsByName: new Map([["toronto", TORONTO]]),
  teamNames: ["Toronto"],
  consultantsByEmail: new Map([["sofia@firm.example", "33333333-3333-4333-8333-333333333333"]]),
  knownCategories: ["french", "healthcare", "stem", "trades"],
  timeZone: "America/Toronto",
  now: new Date("2026-11-25T12:00:00Z"),
};

type Column = (typeof CLIENT_CSV_COLUMNS)[number];
const GOOD: Partial<Record<Column, string>> = {
  firstName: "Priya",
  lastName: "Sharma",
  email: "priya@example.com",
  team: "Toronto",
  profileNumber: "E001234567",
  profileSubmittedAt: "2026-02-03T14:25:00-05:00",
  programs: "CEC",
  crs: "487",
};
const HEADER = CLIENT_CSV_COLUMNS.join(",");
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** How a browser or `readFile(…, "utf8")` turns uploaded bytes into text: bad sequences become U+FFFD. */
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);

/** Checks the report's shape; returns it for further checks. */
function checkReport(text: string): CsvValidation {
  let result: CsvValidation;
  expect(() => (result = validateClientCsv(text, context))).not.toThrow();
  result = result!;
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const error of result.errors) {
    expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= lineCount + 1, `line ${error.line}`).toBe(true);
    expect(error.column.length).toBeGreaterThan(0);
    expect(error.message.length).toBeGreaterThan(0);
    expect(["invalid", "duplicate"]).toContain(error.kind);
  }
  // Every data row is either accepted or has at least one error naming its line.
  const errorLines = new Set(result.errors.map((e) => e.line));
  for (const row of result.rows) expect(errorLines.has(row.line)).toBe(false);
  if (result.errors.every((e) => e.column !== "(file)" && e.line !== 1)) {
    expect(result.rows.length + errorLines.size).toBe(result.total);
  }
  // Nothing accepted holds a NUL: PostgreSQL refuses it in text ("invalid byte sequence 0x00").
  for (const { input } of result.rows) expect(JSON.stringify(input)).not.toContain("\\u0000");
  return result;
}

/** Cell values meant to break things: formulas, huge numbers, NULs, BOMs, odd line breaks, quotes. */
const nastyCell = fc.oneof(
  fc.constantFrom(
    "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0",
    "99999999999999999999999999", "1e309", "-0", "1200.0", "0x4B0", "NaN", "Infinity", "1201", "１２００",
    "\u0000", "a\u0000b", "\uFEFF", "\uFFFD\uFFFD", "\r", "\n", "\r\n", "\"", "\"\"", ",", ";", "\t",
    "9999-12-31", "0000-01-01", "2026-02-30", "9999-12-31T23:59:59-14:00", "275760-09-13T00:00:00Z", "",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.uint8Array({ maxLength: 20 }).map(decode),
);

describe("validateClientCsv under random input", () => {
  it("never throws on random bytes, invalid UTF-8 included, and reports problems by line", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        checkReport(decode(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on random text after the real header, with any line endings and a BOM or not", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 8 }),
        (bom, eol, lines) => {
          checkReport(`${bom ? "\uFEFF" : ""}${[HEADER, ...lines].join(eol)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reports any nasty cell in a valid row on that row's line, or accepts a value the database can store", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...CLIENT_CSV_COLUMNS), nastyCell), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.nat({ max: 3 }),
        (edits, eol, blankLinesBefore) => {
          const row: Partial<Record<Column, string>> = { ...GOOD };
          for (const [column, value] of edits) row[column] = value;
          const text = [HEADER, ...Array(blankLinesBefore).fill(""), CLIENT_CSV_COLUMNS.map((c) => quote(row[c] ?? "")).join(","), ""].join(eol);
          const result = checkReport(text);
          expect(result.total).toBe(1);
          if (result.rows.length === 0) {
            expect(result.errors.length).toBeGreaterThan(0);
            // Quoted line breaks make the row span lines; it still starts after the blank lines.
            for (const error of result.errors) expect(error.line).toBe(2 + blankLinesBefore);
          } else {
            const { input } = result.rows[0];
            expect(input.scores.every((s) => Number.isInteger(s.crs) && s.crs >= 0 && s.crs <= 1200)).toBe(true);
            for (const instant of [input.profileSubmittedAt, ...input.scores.map((s) => s.effectiveAt)]) {
              if (instant) expect(instant, "an instant PostgreSQL can store").toMatch(/^\d{4}-\d{2}-\d{2}T/);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reports a 10 MB line as a field error of its line, in well under a few seconds", () => {
    const huge = "x".repeat(10 * 1024 * 1024);
    const row = CLIENT_CSV_COLUMNS.map((c) => (c === "firstName" ? huge : (GOOD[c] ?? ""))).join(",");
    const started = performance.now();
    const result = checkReport(`${HEADER}\n${row}\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([[2, "firstName"]]);
  });
});
