"use client";

import { useMemo, useState, type ReactNode } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/ui";
import {
  ABILITIES,
  ABILITY_LABELS,
  ageOn,
  calculateCrs,
  crsInputSchema,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  type Ability,
  type CanadianEducationLevel,
  type CrsInput,
  type EducationLevel,
  type Language,
} from "@/lib/crs";
import { isLanguageTest, LANGUAGE_TEST_INFO } from "@/lib/language/tests";
import { OTHER_TEST } from "@/lib/language/recorded-test";
import { CrsBreakdown } from "./CrsBreakdown";
import { type LanguageTestDraft, RecordedTestLevels } from "./LanguageTestFields";
import { CRS_SECTION_LABELS } from "./labels";
import styles from "./ClientForm.module.css";

const CANADIAN_EDUCATION_LABELS: Record<CanadianEducationLevel, string> = {
  none: "None",
  one_or_two_year: "One- or two-year credential",
  three_year_or_more: "Three years or longer, or a master's or PhD",
};
const LANGUAGE_LABELS: Record<Language, string> = { english: "English", french: "French" };
const CLB_OPTIONS = Array.from({ length: 13 }, (_, i) => i);

type Clb = Record<Ability, string>;
interface FactorsState {
  /** The first language's levels come from the language test section (when one is recorded). */
  useRecordedTest: boolean;
  age: string;
  ageTouched: boolean;
  hasAccompanyingSpouse: boolean;
  education: EducationLevel | "";
  firstLanguage: Language;
  firstClb: Clb;
  hasSecondLanguage: boolean;
  secondClb: Clb;
  canadianWorkYears: string;
  foreignWorkYears: string;
  certificateOfQualification: boolean;
  spouseEducation: EducationLevel | "";
  spouseHasLanguage: boolean;
  spouseClb: Clb;
  spouseCanadianWorkYears: string;
  siblingInCanada: boolean;
  canadianEducation: CanadianEducationLevel;
}

const emptyClb = (): Clb => ({ reading: "", writing: "", listening: "", speaking: "" });
const clbOf = (scores: Record<Ability, number> | undefined): Clb =>
  scores ? { reading: String(scores.reading), writing: String(scores.writing), listening: String(scores.listening), speaking: String(scores.speaking) } : emptyClb();

function initialState(factors: CrsInput | null, dobGivesAge: boolean): FactorsState {
  return {
    // A new profile takes the recorded test; a stored one keeps what it was computed from.
    useRecordedTest: !factors || "test" in factors.firstLanguage,
    age: factors ? String(factors.age) : "",
    // A stored age gives way to the date of birth: age points move on each birthday.
    ageTouched: Boolean(factors) && !dobGivesAge,
    hasAccompanyingSpouse: factors?.hasAccompanyingSpouse ?? false,
    education: factors?.education ?? "",
    firstLanguage: factors?.firstLanguage.language ?? "english",
    firstClb: clbOf(factors?.firstLanguage.clb),
    hasSecondLanguage: Boolean(factors?.secondLanguage),
    secondClb: clbOf(factors?.secondLanguage?.clb),
    canadianWorkYears: String(factors?.canadianWorkYears ?? 0),
    foreignWorkYears: String(factors?.foreignWorkYears ?? 0),
    certificateOfQualification: factors?.certificateOfQualification ?? false,
    spouseEducation: factors?.spouse?.education ?? "",
    spouseHasLanguage: Boolean(factors?.spouse?.language),
    spouseClb: clbOf(factors?.spouse?.language?.clb),
    spouseCanadianWorkYears: String(factors?.spouse?.canadianWorkYears ?? 0),
    siblingInCanada: factors?.siblingInCanada ?? false,
    canadianEducation: factors?.canadianEducation ?? "none",
  };
}

const num = (value: string) => (value.trim() === "" ? undefined : Number(value));
const clbDraft = (clb: Clb) => ({ reading: num(clb.reading), writing: num(clb.writing), listening: num(clb.listening), speaking: num(clb.speaking) });
/** A result as typed: "7,5" is a French-locale 7.5. */
const scoreDraft = (results: Clb) => clbDraft({ reading: results.reading.replace(",", "."), writing: results.writing.replace(",", "."), listening: results.listening.replace(",", "."), speaking: results.speaking.replace(",", ".") });

function safeAge(dateOfBirth: string, today: string): number | null {
  try {
    return dateOfBirth ? ageOn(dateOfBirth, today) : null;
  } catch {
    return null;
  }
}

const educationOptions = (
  <>
    <option value="">Choose…</option>
    {EDUCATION_LEVELS.map((level) => (
      <option key={level} value={level}>
        {EDUCATION_LABELS[level]}
      </option>
    ))}
  </>
);

/** Whole years of work, the last option meaning "that many or more" (where the CRS tops out). */
function yearOptions(max: number) {
  return Array.from({ length: max + 1 }, (_, n) => (
    <option key={n} value={n}>
      {n === 0 ? "None or less than a year" : n === max ? `${max} years or more` : `${n} year${n > 1 ? "s" : ""}`}
    </option>
  ));
}

/**
 * The CRS calculator inside the client form. The score is recomputed on every change with the
 * same pure calculator the server uses; the factors travel to the server as JSON in one hidden
 * field, and the server parses them again with crsInputSchema.
 */
export function CrsCalculator({
  initial,
  dateOfBirth,
  today,
  nominated,
  recordedTest,
  errors,
}: {
  initial: CrsInput | null;
  dateOfBirth: string;
  today: string;
  /** From the nomination section: a provincial nomination adds 600 points. */
  nominated: boolean;
  /** The language test section's current values. */
  recordedTest: LanguageTestDraft;
  errors: Record<string, string>;
}) {
  const [s, setState] = useState(() => initialState(initial, safeAge(dateOfBirth, today) !== null));
  const set = <K extends keyof FactorsState>(key: K, value: FactorsState[K]) => setState((prev) => ({ ...prev, [key]: value }));
  const setClb = (key: "firstClb" | "secondClb" | "spouseClb", ability: Ability, value: string) =>
    setState((prev) => ({ ...prev, [key]: { ...prev[key], [ability]: value } }));

  const ageFromBirth = safeAge(dateOfBirth, today);
  const age = !s.ageTouched && ageFromBirth !== null ? String(ageFromBirth) : s.age;
  const recordedType = recordedTest.type;
  const fromTest = s.useRecordedTest && recordedType !== "";
  const designated = fromTest && isLanguageTest(recordedType) ? recordedType : null;
  const firstLanguage: Language = designated ? LANGUAGE_TEST_INFO[designated].language : s.firstLanguage;
  const secondLanguage: Language = firstLanguage === "english" ? "french" : "english";

  const draft = useMemo(
    () => ({
      age: num(age),
      // A designated test goes as its raw scores: the schema converts them with IRCC's chart.
      hasAccompanyingSpouse: s.hasAccompanyingSpouse,
      education: s.education || undefined,
      firstLanguage: designated
        ? { test: designated, scores: scoreDraft(recordedTest.results) }
        : { language: firstLanguage, clb: fromTest && recordedType === OTHER_TEST ? clbDraft(recordedTest.results) : clbDraft(s.firstClb) },
      secondLanguage: s.hasSecondLanguage ? { language: secondLanguage, clb: clbDraft(s.secondClb) } : null,
      canadianWorkYears: num(s.canadianWorkYears),
      foreignWorkYears: num(s.foreignWorkYears),
      certificateOfQualification: s.certificateOfQualification,
      spouse: s.hasAccompanyingSpouse
        ? { education: s.spouseEducation || undefined, language: s.spouseHasLanguage ? { clb: clbDraft(s.spouseClb) } : null, canadianWorkYears: num(s.spouseCanadianWorkYears) }
        : null,
      siblingInCanada: s.siblingInCanada,
      canadianEducation: s.canadianEducation,
      provincialNomination: nominated,
    }),
    [age, s, designated, firstLanguage, fromTest, recordedType, recordedTest.results, secondLanguage, nominated],
  );
  const parsed = useMemo(() => crsInputSchema.safeParse(draft), [draft]);
  const result = parsed.success ? calculateCrs(parsed.data) : null;
  const missing = parsed.success ? 0 : parsed.error.issues.length;
  const err = (path: string) => errors[`crsFactors.${path}`];

  const clbRow = (key: "firstClb" | "secondClb" | "spouseClb", prefix: string, path: string, lead?: ReactNode) => (
    <div className={styles.clbRow}>
      {lead ?? <span aria-hidden="true" />}
      {ABILITIES.map((ability) => (
        <SelectField key={ability} label={`${prefix} ${ABILITY_LABELS[ability].toLowerCase()}`} value={s[key][ability]} onChange={(e) => setClb(key, ability, e.target.value)} error={err(`${path}.${ability}`)}>
          <option value="">CLB…</option>
          {CLB_OPTIONS.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? "0 (none)" : `CLB ${n}`}
            </option>
          ))}
        </SelectField>
      ))}
    </div>
  );

  return (
    <div className={styles.calculator}>
      <input type="hidden" name="crsFactors" value={JSON.stringify(draft)} />
      <div className="stack">
        <div className={styles.grid}>
          <TextField
            label="Age (years)"
            type="number"
            min={0}
            max={120}
            value={age}
            onChange={(e) => setState((prev) => ({ ...prev, age: e.target.value, ageTouched: true }))}
            hint={ageFromBirth !== null ? `${ageFromBirth} today from the date of birth` : "Or enter a date of birth above"}
            error={err("age")}
          />
          <SelectField label="Level of education" value={s.education} onChange={(e) => set("education", e.target.value as EducationLevel)} error={err("education")}>
            {educationOptions}
          </SelectField>
          <SelectField label="Canadian work experience" value={s.canadianWorkYears} onChange={(e) => set("canadianWorkYears", e.target.value)} error={err("canadianWorkYears")}>
            {yearOptions(5)}
          </SelectField>
          <SelectField label="Foreign work experience" value={s.foreignWorkYears} onChange={(e) => set("foreignWorkYears", e.target.value)} error={err("foreignWorkYears")}>
            {yearOptions(3)}
          </SelectField>
          <SelectField label="Canadian post-secondary education" value={s.canadianEducation} onChange={(e) => set("canadianEducation", e.target.value as CanadianEducationLevel)} error={err("canadianEducation")}>
            {Object.entries(CANADIAN_EDUCATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>

        <fieldset className="stack-sm">
          <legend>First official language</legend>
          {recordedType !== "" && (
            <CheckboxField
              label="Use the language test recorded above"
              hint="Uncheck to enter CLB levels here instead, e.g. when that test is not the first official language."
              checked={s.useRecordedTest}
              onChange={(e) => set("useRecordedTest", e.target.checked)}
            />
          )}
          {fromTest ? (
            <div className={styles.clbRow}>
              {designated ? (
                <p className="small">
                  {LANGUAGE_TEST_INFO[designated].label} ({LANGUAGE_LABELS[firstLanguage]})
                </p>
              ) : (
                <SelectField label="First language" value={s.firstLanguage} onChange={(e) => set("firstLanguage", e.target.value as Language)} error={err("firstLanguage.language")}>
                  <option value="english">English</option>
                  <option value="french">French</option>
                </SelectField>
              )}
              <RecordedTestLevels type={recordedType} results={recordedTest.results} language={firstLanguage} />
            </div>
          ) : (
            clbRow(
              "firstClb",
              "First language",
              "firstLanguage.clb",
              <SelectField label="First language" value={s.firstLanguage} onChange={(e) => set("firstLanguage", e.target.value as Language)} error={err("firstLanguage.language")}>
                <option value="english">English</option>
                <option value="french">French</option>
              </SelectField>,
            )
          )}
        </fieldset>

        <fieldset className="stack-sm">
          <legend>Second official language</legend>
          <CheckboxField label={`Has ${LANGUAGE_LABELS[secondLanguage]} test results`} checked={s.hasSecondLanguage} onChange={(e) => set("hasSecondLanguage", e.target.checked)} />
          {s.hasSecondLanguage && clbRow("secondClb", "Second language", "secondLanguage.clb")}
        </fieldset>

        <fieldset className="stack-sm">
          <legend>Spouse or common-law partner</legend>
          <CheckboxField
            label="Spouse or partner comes to Canada with the client"
            hint="Changes the points column; a spouse who is a citizen or PR, or stays behind, counts as not accompanying."
            checked={s.hasAccompanyingSpouse}
            onChange={(e) => set("hasAccompanyingSpouse", e.target.checked)}
            error={err("spouse")}
          />
          {s.hasAccompanyingSpouse && (
            <>
              <div className={styles.grid}>
                <SelectField label="Spouse's education" value={s.spouseEducation} onChange={(e) => set("spouseEducation", e.target.value as EducationLevel)} error={err("spouse.education")}>
                  {educationOptions}
                </SelectField>
                <SelectField label="Spouse's Canadian work experience" value={s.spouseCanadianWorkYears} onChange={(e) => set("spouseCanadianWorkYears", e.target.value)} error={err("spouse.canadianWorkYears")}>
                  {yearOptions(5)}
                </SelectField>
              </div>
              <CheckboxField label="Spouse has official language test results" checked={s.spouseHasLanguage} onChange={(e) => set("spouseHasLanguage", e.target.checked)} />
              {s.spouseHasLanguage && clbRow("spouseClb", "Spouse", "spouse.language.clb")}
            </>
          )}
        </fieldset>

        <fieldset className="stack-sm">
          <legend>Other factors</legend>
          <div className="row" style={{ gap: "var(--space-4)" }}>
            <CheckboxField label="Certificate of qualification in a trade" checked={s.certificateOfQualification} onChange={(e) => set("certificateOfQualification", e.target.checked)} />
            <CheckboxField label="Sibling in Canada (citizen or PR)" checked={s.siblingInCanada} onChange={(e) => set("siblingInCanada", e.target.checked)} />
          </div>
          <p className="small muted">
            Provincial nomination: <strong>{nominated ? "yes (+600)" : "no"}</strong>, from the nomination section. Arranged employment earns no points since 2025-03-25.
          </p>
        </fieldset>
      </div>

      <aside className={styles.scorePanel} aria-label="Computed CRS">
        <p className="small muted">Computed CRS</p>
        <p className={styles.scoreValue} aria-live="polite" aria-atomic="true">
          <output name="computedCrs" data-testid="computed-crs" aria-label="Computed CRS score">
            {result ? result.total : "—"}
          </output>
        </p>
        {result ? (
          <dl className={styles.sections}>
            {(["core", "spouse", "transferability", "additional"] as const).map((section) => (
              <div key={section}>
                <dt>{CRS_SECTION_LABELS[section]}</dt>
                <dd className="num">{result[section]}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="small muted">
            {missing} factor{missing === 1 ? "" : "s"} still to fill in (age, education and the four first-language levels are needed).
          </p>
        )}
        {result && (
          <details>
            <summary className="small">Line-by-line breakdown</summary>
            <CrsBreakdown result={result} caption="Breakdown of the computed CRS" captionHidden />
          </details>
        )}
      </aside>
    </div>
  );
}
