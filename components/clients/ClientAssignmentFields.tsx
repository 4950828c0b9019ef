import { Card, SelectField } from "@/components/ui";
import { CLIENT_STATUS_LABELS, CLIENT_STATUSES } from "@/lib/clients/status";
import type { ClientFormValues } from "./client-form-data";
import styles from "./ClientForm.module.css";

/** The client form's team, consultant and status. */
export function ClientAssignmentFields({
  values,
  errors,
  teams,
  consultants,
}: {
  values: ClientFormValues;
  errors: Record<string, string>;
  teams: { id: string; name: string }[];
  consultants: { id: string; name: string }[];
}) {
  return (
    <Card title="Assignment and status">
      <div className={styles.grid}>
        <SelectField label="Team" name="teamId" defaultValue={values.teamId} required error={errors.teamId}>
          {teams.length > 1 && <option value="">Choose a team…</option>}
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Consultant" name="consultantId" defaultValue={values.consultantId ?? ""} error={errors.consultantId}>
          <option value="">Unassigned</option>
          {consultants.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" name="status" defaultValue={values.status} error={errors.status}>
          {CLIENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CLIENT_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
      </div>
    </Card>
  );
}
