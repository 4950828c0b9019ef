import { CheckboxField, SelectField } from "@/components/ui";
import type { Ability, Language } from "@/lib/crs";
import { LANGUAGE_TEST_INFO, type LanguageTest } from "@/lib/language/tests";
import type { ClbKey, FactorError, FactorsState, SetFactor } from "./crs-calculator-state";
import { ClbRow, LANGUAGE_LABELS } from "./CrsFactorOptions";
import { type LanguageTestDraft, RecordedTestLevels } from "./LanguageTestFields";
import styles from "./ClientForm.module.css";

/**
 * The calculator's official languages: the first from the recorded language test (its raw scores
 * for a designated test, CLB levels for another) or typed here, and the second as CLB levels.
 */
export function CrsLanguageFields({
  s,
  set,
  setClb,
  err,
  recordedTest,
  fromTest,
  designated,
  firstLanguage,
  secondLanguage,
}: {
  s: FactorsState;
  set: SetFactor;
  setClb: (key: ClbKey, ability: Ability, value: string) => void;
  err: FactorError;
  recordedTest: LanguageTestDraft;
  fromTest: boolean;
  designated: LanguageTest | null;
  firstLanguage: Language;
  secondLanguage: Language;
}) {
  const recordedType = recordedTest.type;
  const languageSelect = (
    <SelectField label="First language" value={s.firstLanguage} onChange={(e) => set("firstLanguage", e.target.value as Language)} error={err("firstLanguage.language")}>
      <option value="english">English</option>
      <option value="french">French</option>
    </SelectField>
  );
  return (
    <>
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
              languageSelect
            )}
            <RecordedTestLevels type={recordedType} results={recordedTest.results} language={firstLanguage} />
          </div>
        ) : (
          <ClbRow
            levels={s.firstClb}
            onChange={(ability, value) => setClb("firstClb", ability, value)}
            prefix="First language"
            path="firstLanguage.clb"
            err={err}
            lead={languageSelect}
          />
        )}
      </fieldset>

      <fieldset className="stack-sm">
        <legend>Second official language</legend>
        <CheckboxField label={`Has ${LANGUAGE_LABELS[secondLanguage]} test results`} checked={s.hasSecondLanguage} onChange={(e) => set("hasSecondLanguage", e.target.checked)} />
        {s.hasSecondLanguage && <ClbRow levels={s.secondClb} onChange={(ability, value) => setClb("secondClb", ability, value)} prefix="Second language" path="secondLanguage.clb" err={err} />}
      </fieldset>
    </>
  );
}
