import { Card, TextField } from "@/components/ui";
import type { ClientFormValues, CrsMode } from "./client-form-data";
import { CrsCalculator } from "./CrsCalculator";
import { DateTimeField } from "./DateTimeField";
import type { LanguageTestDraft } from "./LanguageTestFields";
import styles from "./ClientForm.module.css";

/** The client form's CRS: computed by the calculator, entered by hand with a reason, or none yet. */
export function ClientCrsFields({
  values,
  errors,
  crsMode,
  setCrsMode,
  dateOfBirth,
  today,
  nominationProvince,
  languageTest,
  timeZone,
  clientId,
}: {
  values: ClientFormValues;
  errors: Record<string, string>;
  crsMode: CrsMode;
  setCrsMode: (mode: CrsMode) => void;
  dateOfBirth: string;
  today: string;
  nominationProvince: string;
  languageTest: LanguageTestDraft;
  timeZone: string;
  clientId?: string;
}) {
  return (
    <Card title="CRS" description="Compute the score from the client's factors with the built-in calculator, or enter it by hand with a reason.">
      <div className="stack">
        <fieldset>
          <legend className="sr-only">How the score is set</legend>
          <div className={styles.modes}>
            {(
              [
                ["calculator", "Compute from factors"],
                ["manual", "Enter the score by hand"],
                ["none", "No score yet"],
              ] as const
            ).map(([mode, label]) => (
              <label key={mode} className={styles.mode}>
                <input type="radio" name="crsMode" value={mode} checked={crsMode === mode} onChange={() => setCrsMode(mode)} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {crsMode === "calculator" && (
          <CrsCalculator initial={values.crsFactors} dateOfBirth={dateOfBirth} today={today} nominated={nominationProvince !== ""} recordedTest={languageTest} errors={errors} />
        )}
        {crsMode === "calculator" && errors.crsFactors && <p className="small" style={{ color: "var(--danger)" }}>{errors.crsFactors}</p>}
        {crsMode === "manual" && (
          <div className={styles.grid}>
            <TextField label="CRS score" name="manualCrs" type="number" min={0} max={1200} defaultValue={values.manualCrs ?? ""} error={errors.manualCrs} required />
            <TextField label="Why entered by hand" name="manualCrsReason" defaultValue={values.manualCrsReason ?? ""} className={styles.span2} hint="e.g. “Score from the IRCC account, factors not collected yet”" error={errors.manualCrsReason} required />
          </div>
        )}
        {crsMode !== "none" && (
          <div className={styles.grid}>
            <DateTimeField
              name="crsEffectiveAt"
              label="Score in effect from"
              initial={null}
              timeZone={timeZone}
              hint={clientId ? "Leave empty for now" : "Leave empty for the profile submission time"}
              error={errors.crsEffectiveAt}
            />
            <TextField label="Canadian work started on" name="canadianWorkStartedOn" type="date" defaultValue={values.canadianWorkStartedOn ?? ""} hint="Of the current job in Canada: shows when the next year adds points" error={errors.canadianWorkStartedOn} />
          </div>
        )}
      </div>
    </Card>
  );
}
