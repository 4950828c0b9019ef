/**
 * The language tests IRCC designates for Express Entry, with each test's score scale and
 * equivalency table (equivalency-tables.ts), and the conversion of results to CLB/NCLC levels.
 * Pure: no framework.
 */
import type { Ability, Language } from "@/lib/crs/vocabulary";
import {
  type AbilityScores,
  BELOW_CHART_CLB,
  CELPIP_GENERAL,
  type EquivalencyTable,
  IELTS_GENERAL,
  PTE_CORE,
  TCF_CANADA,
  TEF_CANADA,
} from "./equivalency-tables";

export const LANGUAGE_TESTS = ["ielts_general", "celpip_general", "pte_core", "tef_canada", "tcf_canada"] as const;
export type LanguageTest = (typeof LANGUAGE_TESTS)[number];

/** The order result sheets list the abilities in, and the order forms and files use. */
export const TEST_ABILITIES = ["listening", "reading", "writing", "speaking"] as const satisfies readonly Ability[];

/** A result scale: whole or fractional steps from `min` to `max`; `unit` names one result. */
export interface ScoreScale {
  min: number;
  max: number;
  step: number;
  unit: "band" | "level" | "score";
}

export interface LanguageTestInfo {
  label: string;
  /** The official language the test certifies (decides CLB vs NCLC). */
  language: Language;
  scales: Readonly<Record<Ability, ScoreScale>>;
  table: EquivalencyTable;
}

const same = (scale: ScoreScale): Record<Ability, ScoreScale> => ({ listening: scale, reading: scale, writing: scale, speaking: scale });

export const LANGUAGE_TEST_INFO: Readonly<Record<LanguageTest, LanguageTestInfo>> = {
  ielts_general: { label: "IELTS General Training", language: "english", scales: same({ min: 0, max: 9, step: 0.5, unit: "band" }), table: IELTS_GENERAL },
  celpip_general: { label: "CELPIP-General", language: "english", scales: same({ min: 1, max: 12, step: 1, unit: "level" }), table: CELPIP_GENERAL },
  pte_core: { label: "PTE Core", language: "english", scales: same({ min: 10, max: 90, step: 1, unit: "score" }), table: PTE_CORE },
  tef_canada: { label: "TEF Canada", language: "french", scales: same({ min: 0, max: 699, step: 1, unit: "score" }), table: TEF_CANADA },
  tcf_canada: {
    label: "TCF Canada",
    language: "french",
    scales: {
      listening: { min: 100, max: 699, step: 1, unit: "score" },
      reading: { min: 100, max: 699, step: 1, unit: "score" },
      writing: { min: 0, max: 20, step: 1, unit: "score" },
      speaking: { min: 0, max: 20, step: 1, unit: "score" },
    },
    table: TCF_CANADA,
  },
};

export const isLanguageTest = (value: unknown): value is LanguageTest => typeof value === "string" && (LANGUAGE_TESTS as readonly string[]).includes(value);

/** "CLB" for English results, "NCLC" for French ones (IRCC's names for the same levels). */
export const levelName = (language: Language) => (language === "french" ? "NCLC" : "CLB");

/** "a band from 0 to 9 in steps of 0.5", for messages and form hints. */
export function describeScale(scale: ScoreScale): string {
  return `a ${scale.unit} from ${scale.min} to ${scale.max}${scale.step === 1 ? " (whole numbers)" : ` in steps of ${scale.step}`}`;
}

/** Why a result is not on the test's scale, or null when it is. */
export function scaleProblem(test: LanguageTest, ability: Ability, score: number): string | null {
  const scale = LANGUAGE_TEST_INFO[test].scales[ability];
  // Scaled to whole steps so 7.5 / 0.5 is checked without floating-point remainders.
  const steps = (score - scale.min) / scale.step;
  if (Number.isFinite(score) && score >= scale.min && score <= scale.max && Math.abs(steps - Math.round(steps)) < 1e-9) return null;
  return `expected ${describeScale(scale)} for ${LANGUAGE_TEST_INFO[test].label} ${ability}, got ${score}`;
}

/** The CLB/NCLC level of one on-scale result (see equivalency-tables.ts for below and above the chart). */
export function clbFor(test: LanguageTest, ability: Ability, score: number): number {
  for (const { clb, min } of LANGUAGE_TEST_INFO[test].table) if (score >= min[ability]) return clb;
  return BELOW_CHART_CLB;
}

/** The four levels of a result; the scores must be on the test's scale (checked by the schemas). */
export function clbScoresFor(test: LanguageTest, scores: AbilityScores): Record<Ability, number> {
  return {
    reading: clbFor(test, "reading", scores.reading),
    writing: clbFor(test, "writing", scores.writing),
    listening: clbFor(test, "listening", scores.listening),
    speaking: clbFor(test, "speaking", scores.speaking),
  };
}

/** "CLB 9", "NCLC 7"; "below CLB 4" under IRCC's charts, where the CRS grid gives no points. */
export function levelLabel(language: Language, clb: number): string {
  return clb < 4 ? `below ${levelName(language)} 4` : `${levelName(language)} ${clb}`;
}

/** The lowest result that reaches `clb` (capped to the chart's top row): demo data and examples. */
export function lowestScoreFor(test: LanguageTest, ability: Ability, clb: number): number {
  const table = LANGUAGE_TEST_INFO[test].table;
  const row = table.find((r) => r.clb <= clb) ?? table[table.length - 1];
  return row.min[ability];
}
