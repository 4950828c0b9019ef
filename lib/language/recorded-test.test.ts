import { describe, expect, it } from "vitest";
import { clientInputSchema } from "@/lib/clients/schema";
import { recordedLevels, recordedTestLabel, recordedTestTypeOf } from "./recorded-test";

const base = { firstName: "Ana", lastName: "Test", teamId: "11111111-1111-4111-8111-111111111111", status: "prospect" };
function issues(fields: Record<string, unknown>): [string, string][] {
  const parsed = clientInputSchema.safeParse({ ...base, ...fields });
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("the record's language test", () => {
  it("accepts a test with its date and no results yet (the date still drives the expiry)", () => {
    expect(issues({ languageTestType: "pte_core", languageTestDate: "2025-01-01" })).toEqual([]);
  });

  it("reads the form's text: decimals with a point or a comma, empty fields left out", () => {
    const parsed = clientInputSchema.parse({ ...base, languageTestType: "ielts_general", languageTestDate: "2025-01-01", languageResults: { listening: "7,5", reading: " 7 ", writing: "6.5", speaking: "6" } });
    expect(parsed.languageResults).toEqual({ listening: 7.5, reading: 7, writing: 6.5, speaking: 6 });
    expect(clientInputSchema.parse({ ...base, languageResults: { listening: "", reading: "" } }).languageResults).toBeNull();
  });

  it("names the field of each problem", () => {
    expect(issues({ languageTestType: "celpip_general", languageResults: { listening: "13", reading: "9" } })).toEqual([
      ["languageTestDate", "Enter the test result date: results are valid 2 years from it."],
      ["languageResults.listening", "expected a level from 1 to 12 (whole numbers) for CELPIP-General listening, got 13"],
      ["languageResults.writing", "Enter the writing result: a level from 1 to 12 (whole numbers)."],
      ["languageResults.speaking", "Enter the speaking result: a level from 1 to 12 (whole numbers)."],
    ]);
    expect(issues({ languageTestType: "toefl" })).toEqual([["languageTestType", "Choose one of: ielts_general, celpip_general, pte_core, tef_canada, tcf_canada, other."]]);
    expect(issues({ languageResults: { reading: "8" } })).toEqual([["languageTestType", "Choose the test these results are from."]]);
  });

  it("names the result's own field even when another field failed too (the calculator's copy of it)", () => {
    const found = issues({
      email: "not-an-email",
      languageTestType: "ielts_general",
      languageTestDate: "2025-01-01",
      languageResults: { listening: "8", reading: "9.5", writing: "7", speaking: "7" },
    });
    expect(found).toContainEqual(["languageResults.reading", "expected a band from 0 to 9 in steps of 0.5 for IELTS General Training reading, got 9.5"]);
    expect(found.map(([path]) => path)).toContain("email");
  });

  it("knows the tests by id, by name and by the labels stored before ids", () => {
    expect(["ielts_general", "IELTS General Training", "IELTS General", "CELPIP-General", "celpip general", "TEF Canada", "other"].map(recordedTestTypeOf)).toEqual([
      "ielts_general", "ielts_general", "ielts_general", "celpip_general", "celpip_general", "tef_canada", "other",
    ]);
    expect(recordedTestTypeOf("TOEFL")).toBeNull();
    expect(recordedTestLabel("tcf_canada")).toBe("TCF Canada");
    expect(recordedTestLabel("Duolingo")).toBe("Duolingo");
  });

  it("shows levels only for valid results, so old free-text results never break a page", () => {
    expect(recordedLevels("ielts_general", { listening: "8.0", reading: "CLB 9", writing: 9.5, speaking: 6 })).toEqual([
      { ability: "listening", score: 8, clb: 9 },
      { ability: "speaking", score: 6, clb: 7 },
    ]);
    expect(recordedLevels("other", { listening: 9, reading: 12.5 })).toEqual([{ ability: "listening", score: 9, clb: 9 }]);
    expect(recordedLevels(null, { listening: 9 })).toEqual([]);
  });
});
