/**
 * The CRS input contract, shared by the client form, the server action/API and the CLI.
 * Messages are written for people ("expected an integer from 0 to 12, got 13") because the CLI and
 * the forms show them as they are; the field path comes from zod.
 */
import { z } from "@/lib/zod";
import {
  CANADIAN_EDUCATION_LEVELS,
  CLB_MAX,
  CLB_MIN,
  EDUCATION_LEVELS,
  LANGUAGES,
} from "./vocabulary";

export const AGE_MAX_YEARS = 120;

/** How a rejected value is shown in a message: short, and never the whole of a large input. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (missing)";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return String(value);
}

type IssueInput = { readonly input?: unknown };
const expected = (what: string) => (issue: IssueInput) => `expected ${what}, got ${describeValue(issue.input)}`;

function wholeNumber(min: number, max?: number) {
  const error = expected(max === undefined ? `a whole number >= ${min}` : `an integer from ${min} to ${max}`);
  const atLeast = z.int({ error }).min(min, { error });
  return max === undefined ? atLeast : atLeast.max(max, { error });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`one of ${values.join(", ")}`) });
}

const yesNo = () => z.boolean({ error: expected("true or false") });

const clb = () => wholeNumber(CLB_MIN, CLB_MAX);

export const clbScoresSchema = z.object(
  { reading: clb(), writing: clb(), listening: clb(), speaking: clb() },
  { error: expected("an object with reading, writing, listening and speaking") },
);

export const languageSchema = oneOf(LANGUAGES);
export const educationSchema = oneOf(EDUCATION_LEVELS);

export const languageResultSchema = z.object(
  { language: languageSchema, clb: clbScoresSchema },
  { error: expected("an object with language and clb") },
);

export const spouseSchema = z.object(
  {
    education: educationSchema,
    language: z
      .object({ clb: clbScoresSchema }, { error: expected("an object with clb, or null") })
      .nullable()
      .default(null),
    canadianWorkYears: wholeNumber(0),
  },
  { error: expected("an object with education, language and canadianWorkYears, or null") },
);

const profileShape = z.object(
  {
    age: wholeNumber(0, AGE_MAX_YEARS),
    hasAccompanyingSpouse: yesNo(),
    education: educationSchema,
    firstLanguage: languageResultSchema,
    // null and a missing key mean the same (no second-language test), which spares hand-written JSON.
    secondLanguage: languageResultSchema.nullable().default(null),
    canadianWorkYears: wholeNumber(0),
    foreignWorkYears: wholeNumber(0),
    certificateOfQualification: yesNo(),
    // Kept (and validated) even when the spouse does not accompany: the consultant may record a
    // spouse who is a citizen or PR; the calculator then ignores it, as IRCC does.
    spouse: spouseSchema.nullable().default(null),
    siblingInCanada: yesNo(),
    canadianEducation: oneOf(CANADIAN_EDUCATION_LEVELS),
    provincialNomination: yesNo(),
  },
  { error: expected("a profile object") },
);

type LooseProfile = {
  hasAccompanyingSpouse?: unknown;
  spouse?: unknown;
  firstLanguage?: { language?: unknown } | null;
  secondLanguage?: { language?: unknown } | null;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const crsInputSchema = profileShape.superRefine(
  (value, ctx) => {
    // Runs even when other fields failed (see `when`), so one pass reports every error; hence
    // the loose reading of fields that may themselves be invalid.
    const profile = value as LooseProfile;
    if (profile.hasAccompanyingSpouse === true && profile.spouse === null) {
      ctx.addIssue({
        code: "custom",
        path: ["spouse"],
        message: "required when hasAccompanyingSpouse is true: expected a spouse object, got null",
      });
    }
    const first = isRecord(profile.firstLanguage) ? profile.firstLanguage.language : undefined;
    const second = isRecord(profile.secondLanguage) ? profile.secondLanguage.language : undefined;
    if (typeof first === "string" && first === second) {
      ctx.addIssue({
        code: "custom",
        path: ["secondLanguage", "language"],
        message: `must differ from firstLanguage.language, both are ${JSON.stringify(first)}`,
      });
    }
  },
  { when: (payload) => isRecord(payload.value) },
);

/** A validated profile: what the calculator takes. */
export type CrsInput = z.output<typeof crsInputSchema>;
/** What a form or API may send before defaults (secondLanguage, spouse, spouse.language may be left out). */
export type CrsInputDraft = z.input<typeof crsInputSchema>;
export type ClbScores = z.output<typeof clbScoresSchema>;
export type LanguageResult = z.output<typeof languageResultSchema>;
export type SpouseFactors = z.output<typeof spouseSchema>;
