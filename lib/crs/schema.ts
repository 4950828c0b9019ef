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
import { checkScales, languageTestSchema, testScoresSchema } from "@/lib/language/schema";
import { clbScoresFor, LANGUAGE_TEST_INFO } from "@/lib/language/tests";
import { describeValue, expected } from "./describe-value";

export { describeValue };

export const AGE_MAX_YEARS = 120;


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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Results given as a designated test and its four scores: converted with IRCC's equivalency charts. */
const testShape = { test: languageTestSchema, scores: testScoresSchema };
type TestFields = { test: z.output<typeof languageTestSchema>; scores: z.output<typeof testScoresSchema> };
const convertTest = <T extends TestFields>(value: T) => ({ ...value, clb: clbScoresFor(value.test, value.scores) });
const checkTest = (value: TestFields, ctx: z.RefinementCtx) => void checkScales(value.test, value.scores, ctx, ["scores"]);

/**
 * CLB levels, or — when the object has a `test` key — a test and its scores. Chosen by shape
 * rather than z.union so each form keeps its own messages ("firstLanguage.clb.reading: expected
 * an integer from 0 to 12, got 13") instead of a union's "invalid input".
 */
function clbOrTest<A extends z.ZodType, B extends z.ZodType>(clbForm: A, testForm: B) {
  return z.custom<z.input<A> | z.input<B>>(() => true).transform((value, ctx): z.output<A> | z.output<B> => {
    const parsed = (isRecord(value) && "test" in value ? testForm : clbForm).safeParse(value);
    if (parsed.success) return parsed.data as z.output<A> | z.output<B>;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message, path: [...issue.path] });
    return z.NEVER;
  });
}

const clbLanguageResultSchema = z.object(
  { language: languageSchema, clb: clbScoresSchema },
  { error: expected("an object with language and clb, or with test and scores") },
);
const testLanguageResultSchema = z
  .object({ language: languageSchema.optional(), ...testShape }, { error: expected("an object with test and scores") })
  .superRefine((value, ctx) => {
    checkTest(value, ctx);
    const info = LANGUAGE_TEST_INFO[value.test];
    if (value.language !== undefined && value.language !== info.language) {
      ctx.addIssue({ code: "custom", path: ["language"], message: `${info.label} is ${info.language === "english" ? "an English" : "a French"} test: expected "${info.language}" or no language, got "${value.language}"` });
    }
  })
  .transform((value) => convertTest({ ...value, language: LANGUAGE_TEST_INFO[value.test].language }));

export const languageResultSchema = clbOrTest(clbLanguageResultSchema, testLanguageResultSchema);

const spouseLanguageSchema = clbOrTest(
  z.object({ clb: clbScoresSchema }, { error: expected("an object with clb, or with test and scores, or null") }),
  z.object(testShape, { error: expected("an object with test and scores") }).superRefine(checkTest).transform(convertTest),
);

export const spouseSchema = z.object(
  {
    education: educationSchema,
    language: spouseLanguageSchema.nullable().default(null),
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
