import { Card, CheckboxField, SelectField, TextField } from "@/components/ui";
import { PROVINCES } from "@/lib/clients/schema";
import { CATEGORY_KINDS, DRAW_KIND_LABELS, PROGRAMS } from "@/lib/draws/kinds";
import type { ClientFormValues } from "./client-form-data";
import styles from "./ClientForm.module.css";

const PROGRAM_LABELS: Record<string, string> = { FSW: "Federal Skilled Worker (FSW)", CEC: "Canadian Experience Class (CEC)", FST: "Federal Skilled Trades (FST)" };

/** The client form's programs, provincial nomination and draw categories (the built-in ones, those a platform administrator created, and other codes). */
export function ClientEligibilityFields({
  values,
  errors,
  nominationProvince,
  setNominationProvince,
  createdCategories,
}: {
  values: ClientFormValues;
  errors: Record<string, string>;
  nominationProvince: string;
  setNominationProvince: (province: string) => void;
  createdCategories: { code: string; label: string }[];
}) {
  const knownCategories = new Set<string>([...CATEGORY_KINDS, ...createdCategories.map((c) => c.code)]);
  const otherCategories = values.categories.filter((c) => !knownCategories.has(c));
  return (
    <Card title="Programs, nomination and categories">
      <div className="stack">
        <fieldset>
          <legend>Programs the client qualifies for</legend>
          <div className={styles.checkGroup}>
            {PROGRAMS.map((p) => (
              <CheckboxField key={p} label={PROGRAM_LABELS[p]} name="programs" value={p} defaultChecked={values.programs.includes(p)} />
            ))}
          </div>
          {errors.programs && <p className="small" style={{ color: "var(--danger)" }}>{errors.programs}</p>}
        </fieldset>
        <div className={styles.grid}>
          <SelectField label="Nominating province" name="nominationProvince" value={nominationProvince} onChange={(e) => setNominationProvince(e.target.value)} error={errors.nominationProvince}>
            <option value="">No nomination</option>
            {PROVINCES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </SelectField>
          <TextField label="Nominated on" name="nominatedOn" type="date" defaultValue={values.nominatedOn ?? ""} error={errors.nominatedOn} />
        </div>
        <fieldset>
          <legend>Category-based draws the client is eligible for</legend>
          <div className={styles.checkGroup}>
            {CATEGORY_KINDS.map((c) => (
              <CheckboxField key={c} label={DRAW_KIND_LABELS[c]} name="categories" value={c} defaultChecked={values.categories.includes(c)} />
            ))}
            {createdCategories.map((c) => (
              <CheckboxField key={c.code} label={c.label} name="categories" value={c.code} defaultChecked={values.categories.includes(c.code)} />
            ))}
          </div>
        </fieldset>
        <div className={styles.grid}>
          <TextField
            label="Other categories"
            name="categoriesOther"
            defaultValue={otherCategories.join(", ")}
            hint="Codes of categories your firm mapped, separated by commas"
            error={Object.entries(errors).find(([k]) => k.startsWith("categories"))?.[1]}
          />
        </div>
      </div>
    </Card>
  );
}
