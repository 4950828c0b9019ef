import { Alert } from "@/components/ui";
import type { ClientSaveResult } from "./client-form-data";

/** Names of fields for the error summary, where the schema's path is not already a word. */
const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  dateOfBirth: "Date of birth",
  citizenship: "Country of citizenship",
  teamId: "Team",
  consultantId: "Consultant",
  status: "Status",
  profileNumber: "Profile number",
  profileSubmittedAt: "Profile submitted",
  profileExpiresOn: "Profile expires on",
  invitedAt: "ITA received",
  nominationProvince: "Nominating province",
  nominatedOn: "Nominated on",
  manualCrs: "CRS score",
  manualCrsReason: "Why entered by hand",
  crsEffectiveAt: "Score in effect from",
  canadianWorkStartedOn: "Canadian work started on",
  languageTestType: "Language test",
  languageTestDate: "Test result date",
  ecaIssuer: "ECA issuer",
  ecaIssuedOn: "ECA issued on",
  workPermitExpiresOn: "Work permit expires on",
  passportExpiresOn: "Passport expires on",
  notes: "Notes",
};

function fieldLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  if (path.startsWith("crsFactors")) return `CRS calculator (${path.slice("crsFactors.".length) || "factors"})`;
  if (path.startsWith("categories")) return "Categories";
  if (path.startsWith("languageResults.")) return `Language test: ${path.slice("languageResults.".length)}`;
  return path;
}

/** Why the client form was not saved: a conflict with another edit, or each field to correct. */
export function ClientFormErrorSummary({
  serverFailure,
  browserErrors,
  errors,
  clientId,
}: {
  serverFailure: Extract<ClientSaveResult, { ok: false }> | null;
  browserErrors: Record<string, string> | null;
  errors: Record<string, string>;
  clientId?: string;
}) {
  const errorCount = Object.keys(errors).length;
  return serverFailure?.conflict ? (
    <Alert
      tone="danger"
      title="Not saved: this client was changed by someone else"
      actions={
        clientId ? (
          <a href={`/clients/${clientId}`} target="_blank" rel="noreferrer">
            Open the latest version
          </a>
        ) : undefined
      }
    >
      <p>{serverFailure.error}</p>
      <p className="small">Your changes are still in this form. Compare with the latest version, then reload this page and enter them again.</p>
    </Alert>
  ) : (
    (browserErrors || serverFailure) && (
      <Alert tone="danger" title="Could not save the client">
        <p>{serverFailure && !serverFailure.fieldErrors ? serverFailure.error : `Please correct the ${errorCount} highlighted field${errorCount === 1 ? "" : "s"}:`}</p>
        {errorCount > 0 && (
          <ul className="small" style={{ paddingLeft: "1.2em", marginTop: 4 }}>
            {Object.entries(errors).map(([path, message]) => (
              <li key={path}>
                <strong>{fieldLabel(path)}</strong>: {message}
              </li>
            ))}
          </ul>
        )}
      </Alert>
    )
  );
}
