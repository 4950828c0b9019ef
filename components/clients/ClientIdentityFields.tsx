import { Card, TextField } from "@/components/ui";
import type { ClientFormValues } from "./client-form-data";
import styles from "./ClientForm.module.css";

/** The client form's identity and contact fields; the date of birth is controlled (the calculator's age reads it). */
export function ClientIdentityFields({
  values,
  errors,
  dateOfBirth,
  setDateOfBirth,
}: {
  values: ClientFormValues;
  errors: Record<string, string>;
  dateOfBirth: string;
  setDateOfBirth: (value: string) => void;
}) {
  return (
    <Card title="Identity and contact">
      <div className={styles.grid}>
        <TextField label="First name" name="firstName" defaultValue={values.firstName} required autoComplete="off" error={errors.firstName} />
        <TextField label="Last name" name="lastName" defaultValue={values.lastName} required autoComplete="off" error={errors.lastName} />
        <TextField label="Email" name="email" type="email" defaultValue={values.email ?? ""} autoComplete="off" error={errors.email} />
        <TextField label="Phone" name="phone" type="tel" defaultValue={values.phone ?? ""} autoComplete="off" error={errors.phone} />
        <TextField label="Date of birth" name="dateOfBirth" type="date" value={dateOfBirth} onChange={(e) => setDateOfBirth(e.target.value)} error={errors.dateOfBirth} />
        <TextField label="Country of citizenship" name="citizenship" defaultValue={values.citizenship ?? ""} error={errors.citizenship} />
      </div>
    </Card>
  );
}
