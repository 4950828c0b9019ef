import { Card, TextField } from "@/components/ui";
import type { ClientFormValues } from "./client-form-data";
import styles from "./ClientForm.module.css";

const ECA_ISSUERS = ["WES", "ICAS", "IQAS", "CES", "ICES", "MCC", "PEBC"];

/** The client form's credential assessment, work permit and passport dates. */
export function ClientDocumentFields({ values, errors }: { values: ClientFormValues; errors: Record<string, string> }) {
  return (
    <Card title="Credential assessment, permits and passport">
      <div className={styles.grid}>
        <TextField label="ECA issuer" name="ecaIssuer" defaultValue={values.ecaIssuer ?? ""} list="eca-issuers" error={errors.ecaIssuer} />
        <datalist id="eca-issuers">
          {ECA_ISSUERS.map((i) => (
            <option key={i} value={i} />
          ))}
        </datalist>
        <TextField label="ECA issued on" name="ecaIssuedOn" type="date" defaultValue={values.ecaIssuedOn ?? ""} hint="Valid 5 years from this date" error={errors.ecaIssuedOn} />
        <TextField label="Work permit expires on" name="workPermitExpiresOn" type="date" defaultValue={values.workPermitExpiresOn ?? ""} error={errors.workPermitExpiresOn} />
        <TextField label="Passport expires on" name="passportExpiresOn" type="date" defaultValue={values.passportExpiresOn ?? ""} error={errors.passportExpiresOn} />
      </div>
    </Card>
  );
}
