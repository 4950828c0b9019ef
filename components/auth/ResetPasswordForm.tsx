"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert, Button, TextField } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type Result = ActionResult<{ email: string }> | null;

export function ResetPasswordForm({ token, action }: { token: string; action: (prev: Result, form: FormData) => Promise<Result> }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="Your password is changed">
        <p>
          You can now <Link href="/signin">sign in</Link> as {state.data.email} with the new password.
        </p>
      </Alert>
    );
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="stack" aria-label="Choose a new password">
      {state && !state.ok && <Alert tone="danger" title="Could not change the password">{state.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required hint="At least 12 characters." error={fieldErrors.password} />
      <TextField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
