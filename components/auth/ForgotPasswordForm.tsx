"use client";

import { useActionState } from "react";
import { Alert, Button, TextField } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type Result = ActionResult<void> | null;

/** The same answer whether the address has an account or not: nothing to learn from the form. */
export function ForgotPasswordForm({ action }: { action: (prev: Result, form: FormData) => Promise<Result> }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="Check your email">
        <p>If an account uses that address, we have sent it a link to choose a new password. The link works once, within one hour.</p>
      </Alert>
    );
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="stack" aria-label="Request a password reset">
      {state && !state.ok && <Alert tone="danger" title="Could not send the link">{state.error}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus error={fieldErrors.email} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
