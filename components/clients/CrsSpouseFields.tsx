import { CheckboxField, SelectField } from "@/components/ui";
import type { Ability, EducationLevel } from "@/lib/crs";
import type { FactorError, FactorsState, SetFactor } from "./crs-calculator-state";
import { ClbRow, educationOptions, yearOptions } from "./CrsFactorOptions";
import styles from "./ClientForm.module.css";

/** The calculator's spouse or partner: only an accompanying one changes the points. */
export function CrsSpouseFields({ s, set, setClb, err }: { s: FactorsState; set: SetFactor; setClb: (key: "spouseClb", ability: Ability, value: string) => void; err: FactorError }) {
  return (
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
          {s.spouseHasLanguage && <ClbRow levels={s.spouseClb} onChange={(ability, value) => setClb("spouseClb", ability, value)} prefix="Spouse" path="spouse.language.clb" err={err} />}
        </>
      )}
    </fieldset>
  );
}
