"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert, Button, TextField } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type Result = ActionResult<{ email: string }> | null;

export function AcceptInvitationForm({
  token,
  name,
  action,
}: {
  token: string;
  name: string;
  action: (prev: Result, form: FormData) => Promise<Result>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="Your account is ready">
        <p>
          You can now <Link href="/signin">sign in</Link> as {state.data.email}.
        </p>
      </Alert>
    );
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="stack">
      {state && !state.ok && <Alert tone="danger" title="Could not set up your account">{state.error}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField label="Your name" name="name" defaultValue={name} autoComplete="name" required error={fieldErrors.name} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 12 characters." error={fieldErrors.password} />
      <TextField label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
