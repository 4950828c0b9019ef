/**
 * The language test on a client's record (Client.languageTestType / languageTestDate /
 * languageResults): one of the designated tests with its four results, converted to CLB/NCLC for
 * display and the calculator, or "other" with CLB levels entered directly (a test DrawDesk has
 * no chart for). Shared by the client form, the server actions and the CSV import. Pure zod.
 */
import { z } from "@/lib/zod";
import type { Ability } from "@/lib/crs/vocabulary";
import { CLB_MAX, CLB_MIN } from "@/lib/crs/vocabulary";
import { clbFor, describeScale, isLanguageTest, LANGUAGE_TEST_INFO, LANGUAGE_TESTS, type LanguageTest, scaleProblem, TEST_ABILITIES } from "./tests";

export const OTHER_TEST = "other";
export const RECORDED_TEST_TYPES = [...LANGUAGE_TESTS, OTHER_TEST] as const;
export type RecordedTestType = (typeof RECORDED_TEST_TYPES)[number];

export const RECORDED_TEST_LABELS: Record<RecordedTestType, string> = {
  ...(Object.fromEntries(LANGUAGE_TESTS.map((t) => [t, LANGUAGE_TEST_INFO[t].label])) as Record<LanguageTest, string>),
  other: "Other test (CLB entered directly)",
};

/** The record's results: raw scores for a designated test, CLB levels for "other". */
export type RecordedResults = Partial<Record<Ability, number>>;

/** "7.5", "7,5" (a French-locale decimal) or 7.5 → 7.5; "" → left out; anything else → NaN (refused). */
function resultNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return text === "" ? undefined : Number(text.replace(",", "."));
}
const result = z.preprocess(resultNumber, z.number({ error: "Enter a number." }).optional());

/** The four results, each optional here (which are required depends on the test, see checkRecordedTest). */
export const recordedResultsSchema = z.preprocess(
  (value) => (value && typeof value === "object" && Object.values(value).every((v) => resultNumber(v) === undefined) ? null : value),
  z.object({ listening: result, reading: result, writing: result, speaking: result }).nullable().default(null),
);

/** Accepts the ids and the tests' names ("IELTS General Training", the old "IELTS General"). */
export const recordedTestTypeSchema = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? null : (recordedTestTypeOf(v) ?? v)) : v),
  z.enum(RECORDED_TEST_TYPES, { error: `Choose one of: ${RECORDED_TEST_TYPES.join(", ")}.` }).nullable().default(null),
);

type IssueSink = { addIssue(issue: { code: "custom"; path: PropertyKey[]; message: string }): void };
interface RecordedTestFields {
  languageTestType: RecordedTestType | null;
  languageTestDate: string | null;
  languageResults: RecordedResults | null;
}

/** The record's cross-field rules; issues name the field (languageResults.reading, …) and the scale. */
export function checkRecordedTest(record: RecordedTestFields, ctx: IssueSink): void {
  // Runs even when other fields failed, so a field may still hold its raw input: check only what parsed.
  const value = record as { [K in keyof RecordedTestFields]: unknown };
  const rawType = value.languageTestType;
  const results = value.languageResults !== null && typeof value.languageResults === "object" ? (value.languageResults as Record<string, unknown>) : null;
  if (rawType !== null && !(RECORDED_TEST_TYPES as readonly unknown[]).includes(rawType)) return;
  const type = rawType as RecordedTestType | null;
  if (type === null) {
    if (results) ctx.addIssue({ code: "custom", path: ["languageTestType"], message: "Choose the test these results are from." });
    return;
  }
  if (!value.languageTestDate) {
    ctx.addIssue({ code: "custom", path: ["languageTestDate"], message: "Enter the test result date: results are valid 2 years from it." });
  }
  // A designated test without any result yet still dates the test (its expiry); once one result
  // is entered, all four are needed for the levels.
  const someResult = results !== null && TEST_ABILITIES.some((a) => results[a] !== undefined);
  for (const ability of TEST_ABILITIES) {
    const score = results?.[ability];
    if (score !== undefined && (typeof score !== "number" || Number.isNaN(score))) continue;
    const path = ["languageResults", ability];
    if (type === OTHER_TEST) {
      if (score !== undefined && !(Number.isInteger(score) && score >= CLB_MIN && score <= CLB_MAX)) {
        ctx.addIssue({ code: "custom", path, message: `expected a CLB level from ${CLB_MIN} to ${CLB_MAX} (whole numbers), got ${score}` });
      }
    } else if (score === undefined) {
      if (someResult) ctx.addIssue({ code: "custom", path, message: `Enter the ${ability} result: ${describeScale(LANGUAGE_TEST_INFO[type].scales[ability])}.` });
    } else {
      const problem = scaleProblem(type, ability, score);
      if (problem) ctx.addIssue({ code: "custom", path, message: problem });
    }
  }
}

export interface RecordedLevel {
  ability: Ability;
  /** The result as entered (a CLB level itself for "other"). */
  score: number;
  clb: number;
}

/**
 * Each ability's result and level, for the client page and the calculator; abilities without a
 * valid result are left out, so legacy free-text results never break a page.
 */
export function recordedLevels(type: string | null, results: Record<string, unknown> | null): RecordedLevel[] {
  if (!type || !results) return [];
  const levels: RecordedLevel[] = [];
  for (const ability of TEST_ABILITIES) {
    const score = resultNumber(results[ability]);
    if (typeof score !== "number" || Number.isNaN(score)) continue;
    if (isLanguageTest(type)) {
      if (scaleProblem(type, ability, score) === null) levels.push({ ability, score, clb: clbFor(type, ability, score) });
    } else if (type === OTHER_TEST && Number.isInteger(score) && score >= CLB_MIN && score <= CLB_MAX) {
      levels.push({ ability, score, clb: score });
    }
  }
  return levels;
}

/** A stored or typed test name → its type: ids, IRCC's names, and the labels DrawDesk used to store. */
export function recordedTestTypeOf(text: string): RecordedTestType | null {
  const key = text.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  for (const type of RECORDED_TEST_TYPES) {
    const names = [type.replace(/_/g, " "), RECORDED_TEST_LABELS[type].toLowerCase().replace(/[\s_-]+/g, " ")];
    if (names.includes(key)) return type;
  }
  return LEGACY_NAMES[key] ?? null;
}
/** What the form stored before the tests were converted (migration 20261204120000 rewrites them). */
const LEGACY_NAMES: Record<string, RecordedTestType> = { "ielts general": "ielts_general" };

/** The test's name for people; a value stored before the tests had ids shows as it was typed. */
export function recordedTestLabel(type: string | null): string | null {
  if (!type) return null;
  return (RECORDED_TEST_TYPES as readonly string[]).includes(type) ? RECORDED_TEST_LABELS[type as RecordedTestType] : type;
}
