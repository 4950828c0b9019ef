import type { ReactNode } from "react";
import { SelectField } from "@/components/ui";
import { ABILITIES, ABILITY_LABELS, EDUCATION_LABELS, EDUCATION_LEVELS, type Ability, type CanadianEducationLevel, type Language } from "@/lib/crs";
import type { Clb, FactorError } from "./crs-calculator-state";
import styles from "./ClientForm.module.css";

export const CANADIAN_EDUCATION_LABELS: Record<CanadianEducationLevel, string> = {
  none: "None",
  one_or_two_year: "One- or two-year credential",
  three_year_or_more: "Three years or longer, or a master's or PhD",
};
export const LANGUAGE_LABELS: Record<Language, string> = { english: "English", french: "French" };
const CLB_OPTIONS = Array.from({ length: 13 }, (_, i) => i);

export const educationOptions = (
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
export function yearOptions(max: number) {
  return Array.from({ length: max + 1 }, (_, n) => (
    <option key={n} value={n}>
      {n === 0 ? "None or less than a year" : n === max ? `${max} years or more` : `${n} year${n > 1 ? "s" : ""}`}
    </option>
  ));
}

/** The four abilities' CLB levels of one language, in a row after an optional lead control. */
export function ClbRow({ levels, onChange, prefix, path, lead, err }: { levels: Clb; onChange: (ability: Ability, value: string) => void; prefix: string; path: string; lead?: ReactNode; err: FactorError }) {
  return (
  <div className={styles.clbRow}>
    {lead ?? <span aria-hidden="true" />}
    {ABILITIES.map((ability) => (
      <SelectField key={ability} label={`${prefix} ${ABILITY_LABELS[ability].toLowerCase()}`} value={levels[ability]} onChange={(e) => onChange(ability, e.target.value)} error={err(`${path}.${ability}`)}>
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
}
