"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert, Button, TextField } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type Action = (prev: ActionResult<{ codes: string[] }> | null, form: FormData) => Promise<ActionResult<{ codes: string[] }>>;

/**
 * The last enrolment step: a code from the new authenticator turns two-factor on, and the answer
 * carries the ten recovery codes, shown here once and never again.
 */
export function ConfirmTwoFactorForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ codes: string[] }> | null, FormData>(action, null);
  if (state?.ok) {
    return (
      <div className="stack">
        <Alert tone="success" title="Two-factor sign-in is on">
          Save these recovery codes somewhere safe (a password manager, or on paper). Each one signs you in once if you lose your phone. They are shown only now.
        </Alert>
        <ol aria-label="Recovery codes" className="stack-sm">
          {state.data.codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <p>
          <Link href="/settings/security" prefetch={false}>
            I have saved my recovery codes
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="stack" aria-label="Confirm two-factor sign-in">
      {state && !state.ok && (
        <Alert tone="danger" title="Could not turn on two-factor sign-in">
          {state.error}
        </Alert>
      )}
      <TextField label="Code from your authenticator app" name="code" inputMode="numeric" autoComplete="one-time-code" required hint="Six digits; it changes every 30 seconds." />
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Checking…" : "Turn on two-factor sign-in"}
        </Button>
      </div>
    </form>
  );
}
