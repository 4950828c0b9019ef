"use client";

import { useActionState, useState } from "react";
import { Alert, Button, SelectField, TextField } from "@/components/ui";
import { ITA_ACTION_LABELS, type ItaAction } from "@/lib/clients/ita-transitions";
import type { ActionResult } from "@/lib/server/action";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ status: string }>>;

/**
 * The next step of a client's application, from the client page. Only the steps the state machine
 * allows from the current status are offered; the server checks again.
 */
export function ClientItaForm({
  action,
  clientId,
  allowed,
  profileStillValid,
  today,
}: {
  action: Action;
  clientId: string;
  allowed: ItaAction[];
  /** Whether declining puts the client back in the pool. */
  profileStillValid: boolean;
  today: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<{ status: string }> | null, FormData>(action, null);
  const [step, setStep] = useState<ItaAction>(allowed[0]);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={formAction} className="stack" aria-label="Application step">
      <input type="hidden" name="clientId" value={clientId} />
      <SelectField label="Step" name="action" value={step} onChange={(e) => setStep(e.target.value as ItaAction)} error={fieldError("action") ?? fieldError("status")}>
        {allowed.map((a) => (
          <option key={a} value={a}>
            {ITA_ACTION_LABELS[a]}
          </option>
        ))}
      </SelectField>
      {step === "invite" && (
        <>
          <TextField label="ITA date" name="itaDate" type="date" defaultValue={today} required error={fieldError("itaDate")} />
          <TextField label="Round (draw number)" name="itaRound" required error={fieldError("itaRound")} />
        </>
      )}
      {step === "submit" && <TextField label="Application submitted on" name="submittedOn" type="date" defaultValue={today} required error={fieldError("submittedOn")} />}
      {(step === "approve" || step === "refuse") && <TextField label="Decision date (optional)" name="decisionOn" type="date" error={fieldError("decisionOn")} />}
      {step === "decline" && (
        <p className="small">
          {profileStillValid
            ? "The profile is still valid: the client goes back to the pool and counts in later draws."
            : "The profile is no longer valid: the client does not go back to the pool (status: invitation declined)."}
        </p>
      )}
      <div className="row">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save step"}
        </Button>
      </div>
      {state && !state.ok && (
        <Alert tone="danger" title="Could not save the step">
          {state.error}
        </Alert>
      )}
      {state?.ok && (
        <Alert tone="success" title="Step saved">
          Status is now {state.data.status.replaceAll("_", " ")}.
        </Alert>
      )}
    </form>
  );
}
