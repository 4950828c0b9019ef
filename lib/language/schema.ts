/**
 * Language test results as the CRS profile, the client form, the CSV import and the CLI accept
 * them: the test and its four results, each checked against the test's scale, converted to
 * CLB/NCLC levels with IRCC's equivalency tables. Pure zod.
 */
import { z } from "@/lib/zod";
import { expected } from "@/lib/crs/describe-value";
import type { Ability } from "@/lib/crs/vocabulary";
import { LANGUAGE_TESTS, type LanguageTest, scaleProblem, TEST_ABILITIES } from "./tests";

export const languageTestSchema = z.enum(LANGUAGE_TESTS, { error: expected(`one of ${LANGUAGE_TESTS.join(", ")}`) });

const score = () => z.number({ error: expected("a number") });
export const testScoresSchema = z.object(
  { listening: score(), reading: score(), writing: score(), speaking: score() },
  { error: expected("an object with listening, reading, writing and speaking") },
);
export type TestScores = z.output<typeof testScoresSchema>;

type IssueSink = { addIssue(issue: { code: "custom"; path: PropertyKey[]; message: string }): void };

/** Adds an issue at `path + ability` for every result off the test's scale; true when all are on it. */
export function checkScales(test: LanguageTest, scores: Partial<Record<Ability, number>>, ctx: IssueSink, path: PropertyKey[]): boolean {
  let ok = true;
  for (const ability of TEST_ABILITIES) {
    const value = scores[ability];
    if (value === undefined) continue;
    const problem = scaleProblem(test, ability, value);
    if (problem) {
      ok = false;
      ctx.addIssue({ code: "custom", path: [...path, ability], message: problem });
    }
  }
  return ok;
}
