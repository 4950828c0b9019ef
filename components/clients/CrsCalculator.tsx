"use client";

import { useMemo, useState } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/ui";
import { calculateCrs, crsInputSchema, type Ability, type CanadianEducationLevel, type CrsInput, type EducationLevel, type Language } from "@/lib/crs";
import { isLanguageTest, LANGUAGE_TEST_INFO } from "@/lib/language/tests";
import { OTHER_TEST } from "@/lib/language/recorded-test";
import { clbDraft, type ClbKey, initialState, num, safeAge, scoreDraft, type SetFactor } from "./crs-calculator-state";
import { CANADIAN_EDUCATION_LABELS, educationOptions, yearOptions } from "./CrsFactorOptions";
import { CrsLanguageFields } from "./CrsLanguageFields";
import { CrsScorePanel } from "./CrsScorePanel";
import { CrsSpouseFields } from "./CrsSpouseFields";
import type { LanguageTestDraft } from "./LanguageTestFields";
import styles from "./ClientForm.module.css";

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
  const set: SetFactor = (key, value) => setState((prev) => ({ ...prev, [key]: value }));
  const setClb = (key: ClbKey, ability: Ability, value: string) =>
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

        <CrsLanguageFields
          s={s}
          set={set}
          setClb={setClb}
          err={err}
          recordedTest={recordedTest}
          fromTest={fromTest}
          designated={designated}
          firstLanguage={firstLanguage}
          secondLanguage={secondLanguage}
        />

        <CrsSpouseFields s={s} set={set} setClb={setClb} err={err} />

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

      <CrsScorePanel result={result} missing={missing} />
    </div>
  );
}
