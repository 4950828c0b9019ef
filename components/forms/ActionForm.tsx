"use client";

import { useActionState, type ReactNode } from "react";
import { Alert, Button } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A form bound to a server action: shows pending state, the error in words (with each field's
 * problem), and an optional success view built from the action's data.
 */
export function ActionForm<T>({
  action,
  submitLabel,
  pendingLabel = "Saving…",
  success,
  errorTitle = "Could not save",
  className = "stack",
  submitVariant = "primary",
  "aria-label": ariaLabel,
  children,
}: {
  action: Action<T>;
  submitLabel: string;
  pendingLabel?: string;
  success?: (data: T) => ReactNode;
  errorTitle?: string;
  className?: string;
  submitVariant?: "primary" | "secondary" | "danger" | "ghost";
  "aria-label"?: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <form action={formAction} className={className} aria-label={ariaLabel}>
      {state && !state.ok && (
        <Alert tone="danger" title={errorTitle}>
          <p>{state.error}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map(([field, message]) => (
                <li key={field}>
                  {field}: {message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {state?.ok && success && "data" in state && success(state.data as T)}
      {children}
      <div>
        <Button type="submit" variant={submitVariant} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
