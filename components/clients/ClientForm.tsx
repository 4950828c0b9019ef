"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Button, Card, TextareaField } from "@/components/ui";
import { clientInputSchema } from "@/lib/clients/schema";
import { clientDraftFromForm, fieldErrorsOf, type ClientFormValues, type ClientSaveResult, type CrsMode } from "./client-form-data";
import { ClientAssignmentFields } from "./ClientAssignmentFields";
import { ClientCrsFields } from "./ClientCrsFields";
import { ClientDocumentFields } from "./ClientDocumentFields";
import { ClientEligibilityFields } from "./ClientEligibilityFields";
import { ClientFormErrorSummary } from "./ClientFormErrorSummary";
import { ClientIdentityFields } from "./ClientIdentityFields";
import { ClientProfileFields } from "./ClientProfileFields";
import { LanguageTestFields, languageTestDraftOf } from "./LanguageTestFields";
import styles from "./ClientForm.module.css";

type SaveAction = (prev: ClientSaveResult | null, form: FormData) => Promise<ClientSaveResult>;

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

  return (
    <form onSubmit={onSubmit} className="stack" noValidate aria-label={clientId ? "Edit client" : "New client"}>
      {clientId && <input type="hidden" name="clientId" value={clientId} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}

      <div ref={summaryRef} tabIndex={-1} className="stack-sm" style={browserErrors || serverFailure ? undefined : { display: "none" }}>
        <ClientFormErrorSummary serverFailure={serverFailure} browserErrors={browserErrors} errors={errors} clientId={clientId} />
      </div>

      <ClientIdentityFields values={values} errors={errors} dateOfBirth={dateOfBirth} setDateOfBirth={setDateOfBirth} />

      <ClientAssignmentFields values={values} errors={errors} teams={teams} consultants={consultants} />

      <ClientProfileFields values={values} errors={errors} firmTimeZone={firmTimeZone} timeZone={timeZone} setTimeZone={setTimeZone} />

      <ClientEligibilityFields values={values} errors={errors} nominationProvince={nominationProvince} setNominationProvince={setNominationProvince} createdCategories={createdCategories} />

      <Card title="Language test" description="The first official language's test. Its date starts the 2-year validity; the calculator below can take its levels.">
        <LanguageTestFields value={languageTest} onChange={setLanguageTest} date={values.languageTestDate} errors={errors} />
      </Card>

      <ClientCrsFields
        values={values}
        errors={errors}
        crsMode={crsMode}
        setCrsMode={setCrsMode}
        dateOfBirth={dateOfBirth}
        today={today}
        nominationProvince={nominationProvince}
        languageTest={languageTest}
        timeZone={timeZone}
        clientId={clientId}
      />

      <ClientDocumentFields values={values} errors={errors} />

      <Card title="Notes">
        <TextareaField label="Notes" name="notes" defaultValue={values.notes ?? ""} rows={4} error={errors.notes} />
      </Card>

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
