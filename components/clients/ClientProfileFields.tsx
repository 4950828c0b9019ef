import { Card, SelectField, TextField } from "@/components/ui";
import type { ClientFormValues } from "./client-form-data";
import { DateTimeField } from "./DateTimeField";
import styles from "./ClientForm.module.css";

/** The client form's Express Entry profile: number, submission and ITA times, expiry override, and the zone times are read in. */
export function ClientProfileFields({
  values,
  errors,
  firmTimeZone,
  timeZone,
  setTimeZone,
}: {
  values: ClientFormValues;
  errors: Record<string, string>;
  firmTimeZone: string;
  timeZone: string;
  setTimeZone: (zone: string) => void;
}) {
  const zones = firmTimeZone === "UTC" ? ["UTC"] : ["UTC", firmTimeZone];
  return (
    <Card title="Express Entry profile" description="The submission time decides tie-breaks: enter it to the second, as the IRCC account shows it.">
      <div className={styles.grid}>
        <TextField label="Profile number" name="profileNumber" defaultValue={values.profileNumber ?? ""} autoComplete="off" controlClassName="mono" error={errors.profileNumber} />
        <SelectField label="Times on this form are in" name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} hint="IRCC publishes tie-break times in UTC">
          {zones.map((z) => (
            <option key={z} value={z}>
              {z === "UTC" ? "UTC" : `${z} (firm's zone)`}
            </option>
          ))}
        </SelectField>
        <DateTimeField name="profileSubmittedAt" label="Profile submitted" initial={values.profileSubmittedAt} timeZone={timeZone} error={errors.profileSubmittedAt} />
        <TextField label="Profile expires on (override)" name="profileExpiresOn" type="date" defaultValue={values.profileExpiresOn ?? ""} hint="Leave empty for 12 months after submission" error={errors.profileExpiresOn} />
        <DateTimeField name="invitedAt" label="ITA received" initial={values.invitedAt} timeZone={timeZone} error={errors.invitedAt} />
      </div>
    </Card>
  );
}
