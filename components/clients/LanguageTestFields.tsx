"use client";

import { Field, Input, SelectField, TextField } from "@/components/ui";
import { ABILITY_LABELS, type Ability, type Language } from "@/lib/crs";
import { RECORDED_TEST_LABELS, RECORDED_TEST_TYPES, recordedLevels } from "@/lib/language/recorded-test";
import { describeScale, isLanguageTest, LANGUAGE_TEST_INFO, levelLabel, TEST_ABILITIES } from "@/lib/language/tests";
import styles from "./ClientForm.module.css";

/** The language test as the form holds it: the type's value and each result as typed. */
export interface LanguageTestDraft {
  type: string;
  results: Record<Ability, string>;
}

export function languageTestDraftOf(type: string | null, results: Record<string, unknown> | null): LanguageTestDraft {
  const text = (a: Ability) => (results?.[a] == null ? "" : String(results[a]));
  return { type: type ?? "", results: { listening: text("listening"), reading: text("reading"), writing: text("writing"), speaking: text("speaking") } };
}

/**
 * The client's language test: which test, its result date and the four results as printed on the
 * result sheet, each with the CLB/NCLC level IRCC's equivalency chart gives, updated as it is
 * typed. "Other" takes CLB levels directly, for a test DrawDesk has no chart for.
 */
export function LanguageTestFields({
  value,
  onChange,
  date,
  errors,
}: {
  value: LanguageTestDraft;
  onChange: (next: LanguageTestDraft) => void;
  date: string | null;
  errors: Record<string, string>;
}) {
  const test = isLanguageTest(value.type) ? value.type : null;
  const language = test ? LANGUAGE_TEST_INFO[test].language : "english";
  const levels = new Map(recordedLevels(value.type || null, value.results).map((l) => [l.ability, l.clb]));
  return (
    <div className="stack">
      <div className={styles.grid}>
        <SelectField label="Test" name="languageTestType" value={value.type} onChange={(e) => onChange({ ...value, type: e.target.value })} error={errors.languageTestType}>
          <option value="">No test recorded</option>
          {RECORDED_TEST_TYPES.map((t) => (
            <option key={t} value={t}>
              {RECORDED_TEST_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <TextField label="Test result date" name="languageTestDate" type="date" defaultValue={date ?? ""} hint="Results are valid 2 years from this date" error={errors.languageTestDate} />
      </div>
      {value.type !== "" && (
        <fieldset className={styles.grid}>
          <legend className={styles.legend}>{test ? `Results as printed on the ${LANGUAGE_TEST_INFO[test].label} result sheet` : "CLB levels"}</legend>
          {TEST_ABILITIES.map((ability) => {
            const level = levels.get(ability);
            return (
              <Field
                key={ability}
                label={ABILITY_LABELS[ability]}
                hint={test ? describeScale(LANGUAGE_TEST_INFO[test].scales[ability]) : "a CLB level from 0 to 12"}
                error={errors[`languageResults.${ability}`]}
              >
                {(control) => (
                  <div className={styles.scoreWithLevel}>
                    <Input
                      {...control}
                      name={`languageResults.${ability}`}
                      inputMode="decimal"
                      autoComplete="off"
                      value={value.results[ability]}
                      onChange={(e) => onChange({ ...value, results: { ...value.results, [ability]: e.target.value } })}
                    />
                    <output htmlFor={control.id} aria-label={`${ABILITY_LABELS[ability]} level`} className={styles.level}>
                      {level === undefined ? "—" : test ? levelLabel(language, level) : `CLB ${level}`}
                    </output>
                  </div>
                )}
              </Field>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}

/** The levels the recorded test gives, as the calculator uses them (read-only: edit the test). */
export function RecordedTestLevels({ type, results, language }: { type: string; results: Record<Ability, string>; language: Language }) {
  const levels = new Map(recordedLevels(type, results).map((l) => [l.ability, l.clb]));
  return (
    <dl className={styles.recordedLevels} aria-label="First language levels from the test">
      {TEST_ABILITIES.map((ability) => {
        const level = levels.get(ability);
        return (
          <div key={ability}>
            <dt className="small muted">{ABILITY_LABELS[ability]}</dt>
            <dd>{level === undefined ? "—" : levelLabel(language, level)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
