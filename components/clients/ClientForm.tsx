"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, Card, CheckboxField, Input, SelectField, TextareaField, TextField } from "@/components/ui";
import { clientInputSchema, PROVINCES } from "@/lib/clients/schema";
import { CLIENT_STATUS_LABELS, CLIENT_STATUSES } from "@/lib/clients/status";
import type { CrsInput } from "@/lib/crs";
import { CATEGORY_KINDS, DRAW_KIND_LABELS, PROGRAMS } from "@/lib/draws/kinds";
import { clientDraftFromForm, fieldErrorsOf, splitInstant, type ClientSaveResult, type CrsMode, type InstantField } from "./client-form-data";
import { CrsCalculator } from "./CrsCalculator";
import { LanguageTestFields, languageTestDraftOf } from "./LanguageTestFields";
import styles from "./ClientForm.module.css";

/** The record as the form shows it; dates "YYYY-MM-DD", instants ISO strings. */
export interface ClientFormValues {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  citizenship: string | null;
  teamId: string;
  consultantId: string | null;
  status: string;
  profileNumber: string | null;
  profileSubmittedAt: string | null;
  /** Only the consultant's override; empty means the 12-month rule. */
  profileExpiresOn: string | null;
  programs: string[];
  nominationProvince: string | null;
  nominatedOn: string | null;
  categories: string[];
  crsFactors: CrsInput | null;
  manualCrs: number | null;
  manualCrsReason: string | null;
  invitedAt: string | null;
  canadianWorkStartedOn: string | null;
  languageTestType: string | null;
  languageTestDate: string | null;
  languageResults: Record<string, unknown> | null;
  ecaIssuer: string | null;
  ecaIssuedOn: string | null;
  workPermitExpiresOn: string | null;
  passportExpiresOn: string | null;
  notes: string | null;
}

type SaveAction = (prev: ClientSaveResult | null, form: FormData) => Promise<ClientSaveResult>;

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

const PROGRAM_LABELS: Record<string, string> = { FSW: "Federal Skilled Worker (FSW)", CEC: "Canadian Experience Class (CEC)", FST: "Federal Skilled Trades (FST)" };
const ECA_ISSUERS = ["WES", "ICAS", "IQAS", "CES", "ICES", "MCC", "PEBC"];

function DateTimeField({ name, label, initial, timeZone, error, hint, required }: { name: InstantField; label: string; initial: string | null; timeZone: string; error?: string; hint?: string; required?: boolean }) {
  const { date, time } = splitInstant(initial, timeZone);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`${styles.dateTime} ${styles.span2}`}>
      <legend className={styles.legend}>
        {label}
        {required && (
          <span aria-hidden="true" style={{ color: "var(--danger)", marginLeft: 2 }}>
            *
          </span>
        )}
      </legend>
      {hint && (
        <p id={`${name}-hint`} className="small muted" style={{ fontSize: "var(--text-xs)" }}>
          {hint}
        </p>
      )}
      <div className={styles.inputs}>
        <Input type="date" name={`${name}.date`} defaultValue={date} aria-label={`${label}: date`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
        <Input type="time" step={1} name={`${name}.time`} defaultValue={time} aria-label={`${label}: time`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      </div>
      {error && (
        <p id={`${name}-error`} className="small" style={{ color: "var(--danger)", fontSize: "var(--text-xs)", fontWeight: 500 }}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The calculator's first language may come from the language test section, whose own checks
 * already report each result against its scale: the calculator's copy of the same problem
 * (crsFactors.firstLanguage.scores.reading, …) would only repeat it.
 */
function withoutRepeatedLanguageErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => {
      const repeated = /^crsFactors\.firstLanguage\.(?:scores|clb)\.(\w+)$/.exec(path);
      return !repeated || !(`languageResults.${repeated[1]}` in errors || path.includes(".scores."));
    }),
  );
}

function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} description={description}>
      {children}
    </Card>
  );
}

/**
 * Create and edit form for a client, every field of clientInputSchema. Checked in the browser with
 * the shared schema first, then saved by the server action, whose field errors (keyed by path)
 * appear next to each field. Submitted without React's automatic form reset, so a refused save
 * (a conflict, a server-side error) keeps what the user typed.
 */
export function ClientForm({
  action,
  values,
  teams,
  consultants,
  firmTimeZone,
  today,
  submitLabel,
  cancelHref,
  clientId,
  version,
  createdCategories = [],
}: {
  action: SaveAction;
  values: ClientFormValues;
  teams: { id: string; name: string }[];
  consultants: { id: string; name: string }[];
  firmTimeZone: string;
  /** Today in the firm's zone, for the age from the date of birth. */
  today: string;
  submitLabel: string;
  cancelHref: string;
  clientId?: string;
  version?: number;
  /** Category kinds a platform administrator created for new IRCC categories (CategoryKind). */
  createdCategories?: { code: string; label: string }[];
}) {
  const [state, dispatch, pending] = useActionState<ClientSaveResult | null, FormData>(action, null);
  const [browserErrors, setBrowserErrors] = useState<Record<string, string> | null>(null);
  const [dateOfBirth, setDateOfBirth] = useState(values.dateOfBirth ?? "");
  const [nominationProvince, setNominationProvince] = useState(values.nominationProvince ?? "");
  const [crsMode, setCrsMode] = useState<CrsMode>(values.crsFactors ? "calculator" : values.manualCrs !== null ? "manual" : "calculator");
  const [timeZone, setTimeZone] = useState("UTC");
  const [languageTest, setLanguageTest] = useState(() => languageTestDraftOf(values.languageTestType, values.languageResults));
  const summaryRef = useRef<HTMLDivElement>(null);

  const serverFailure = !browserErrors && state && !state.ok ? state : null;
  // A refused save is announced where the form starts: bring it into view and move focus to it.
  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);
  const errors = withoutRepeatedLanguageErrors(browserErrors ?? serverFailure?.fieldErrors ?? {});
  const errorCount = Object.keys(errors).length;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = clientInputSchema.safeParse(clientDraftFromForm(form));
    if (!parsed.success) {
      setBrowserErrors(fieldErrorsOf(parsed.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBrowserErrors(null);
    // Dispatched by hand, not through <form action>: React resets a form after its action, and a
    // refused save must keep the user's input.
    startTransition(() => dispatch(form));
  }

  const knownCategories = new Set<string>([...CATEGORY_KINDS, ...createdCategories.map((c) => c.code)]);
  const otherCategories = values.categories.filter((c) => !knownCategories.has(c));
  const zones = firmTimeZone === "UTC" ? ["UTC"] : ["UTC", firmTimeZone];

  return (
    <form onSubmit={onSubmit} className="stack" noValidate aria-label={clientId ? "Edit client" : "New client"}>
      {clientId && <input type="hidden" name="clientId" value={clientId} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}

      <div ref={summaryRef} tabIndex={-1} className="stack-sm" style={browserErrors || serverFailure ? undefined : { display: "none" }}>
        {serverFailure?.conflict ? (
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
        )}
      </div>

      <Section title="Identity and contact">
        <div className={styles.grid}>
          <TextField label="First name" name="firstName" defaultValue={values.firstName} required autoComplete="off" error={errors.firstName} />
          <TextField label="Last name" name="lastName" defaultValue={values.lastName} required autoComplete="off" error={errors.lastName} />
          <TextField label="Email" name="email" type="email" defaultValue={values.email ?? ""} autoComplete="off" error={errors.email} />
          <TextField label="Phone" name="phone" type="tel" defaultValue={values.phone ?? ""} autoComplete="off" error={errors.phone} />
          <TextField label="Date of birth" name="dateOfBirth" type="date" value={dateOfBirth} onChange={(e) => setDateOfBirth(e.target.value)} error={errors.dateOfBirth} />
          <TextField label="Country of citizenship" name="citizenship" defaultValue={values.citizenship ?? ""} error={errors.citizenship} />
        </div>
      </Section>

      <Section title="Assignment and status">
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
      </Section>

      <Section title="Express Entry profile" description="The submission time decides tie-breaks: enter it to the second, as the IRCC account shows it.">
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
      </Section>

      <Section title="Programs, nomination and categories">
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
      </Section>

      <Section title="Language test" description="The first official language's test. Its date starts the 2-year validity; the calculator below can take its levels.">
        <LanguageTestFields value={languageTest} onChange={setLanguageTest} date={values.languageTestDate} errors={errors} />
      </Section>

      <Section title="CRS" description="Compute the score from the client's factors with the built-in calculator, or enter it by hand with a reason.">
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
      </Section>

      <Section title="Credential assessment, permits and passport">
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
      </Section>

      <Section title="Notes">
        <TextareaField label="Notes" name="notes" defaultValue={values.notes ?? ""} rows={4} error={errors.notes} />
      </Section>

      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Link href={cancelHref}>Cancel</Link>
        {errorCount > 0 && (
          <span className="small" style={{ color: "var(--danger)" }}>
            {errorCount} field{errorCount === 1 ? "" : "s"} to correct
          </span>
        )}
      </div>
    </form>
  );
}
