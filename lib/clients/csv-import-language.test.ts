import { describe, expect, it } from "vitest";
import { type CsvValidationContext, validateClientCsv } from "./csv-import";

const context: CsvValidationContext = {
  teamsByName: new Map([["toronto", "11111111-1111-4111-8111-111111111111"]]),
  consultantsByEmail: new Map(),
  knownCategories: [],
  timeZone: "America/Toronto",
  now: new Date("2026-11-25T12:00:00Z"),
};

/** A file of the required columns and the language ones (optional columns may be left out). */
const HEADER = "firstName,lastName,team,status,languageTest,languageTestDate,languageListening,languageReading,languageWriting,languageSpeaking";
const csv = (...tests: string[]) => [HEADER, ...tests.map((t, i) => `Ana,Test${i},Toronto,prospect,${t}`)].join("\n") + "\n";

describe("validateClientCsv: language test columns", () => {
  it("records the test, its date and its raw results", () => {
    const { rows, errors } = validateClientCsv(csv("ielts_general,2025-06-01,8.5,7,7,7.5", "TEF Canada,2025-06-01,434,434,428,456", "other,2025-06-01,9,9,8,8", ",,,,,"), context);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.input.languageTestType, r.input.languageResults])).toEqual([
      ["ielts_general", { listening: 8.5, reading: 7, writing: 7, speaking: 7.5 }],
      ["tef_canada", { listening: 434, reading: 434, writing: 428, speaking: 456 }],
      ["other", { listening: 9, reading: 9, writing: 8, speaking: 8 }],
      [null, null],
    ]);
    expect(rows[0].input.languageTestDate).toBe("2025-06-01");
  });

  it("names the line, the column and the scale of a result off the test's scale", () => {
    const { errors, rows } = validateClientCsv(csv("ielts_general,2025-06-01,9.5,7.25,7,7", "tef_canada,2025-06-01,700,434,428,456", "tcf_canada,2025-06-01,500,500,21,12"), context);
    expect(rows).toEqual([]);
    expect(errors.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 2, column: "languageListening", message: "expected a band from 0 to 9 in steps of 0.5 for IELTS General Training listening, got 9.5" },
      { line: 2, column: "languageReading", message: "expected a band from 0 to 9 in steps of 0.5 for IELTS General Training reading, got 7.25" },
      { line: 3, column: "languageListening", message: "expected a score from 0 to 699 (whole numbers) for TEF Canada listening, got 700" },
      { line: 4, column: "languageWriting", message: "expected a score from 0 to 20 (whole numbers) for TCF Canada writing, got 21" },
    ]);
  });

  it("refuses an unknown test once, results without a test, a test without its date or a result, and text for a score", () => {
    const { errors } = validateClientCsv(csv("toefl,2025-06-01,100,100,100,100", ",,8,7,7,7", "pte_core,,60,60,69,", "celpip_general,2025-06-01,9,nine,9,9"), context);
    expect(errors.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 2, column: "languageTest", message: 'Unknown language test "toefl". Use one of: ielts_general, celpip_general, pte_core, tef_canada, tcf_canada, other.' },
      { line: 3, column: "languageTest", message: "Choose the test these results are from." },
      { line: 4, column: "languageTestDate", message: "Enter the test result date: results are valid 2 years from it." },
      { line: 4, column: "languageSpeaking", message: "Enter the speaking result: a score from 10 to 90 (whole numbers)." },
      { line: 5, column: "languageReading", message: "Enter a number." },
    ]);
  });

  it("refuses a CLB level above 12 for another test", () => {
    const { errors } = validateClientCsv(csv("other,2025-06-01,13,9,9,9"), context);
    expect(errors.map((e) => [e.column, e.message])).toEqual([["languageListening", "expected a CLB level from 0 to 12 (whole numbers), got 13"]]);
  });
});
