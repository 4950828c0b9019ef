"use client";

import { useActionState, useState } from "react";
import { Alert, Button } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<undefined>>;

function OneClick({ action, clientId, label, variant = "secondary" }: { action: Action; clientId: string; label: string; variant?: "secondary" | "danger" | "ghost" }) {
  const [state, formAction, pending] = useActionState<ActionResult<undefined> | null, FormData>(action, null);
  return (
    <form action={formAction} className="row">
      <input type="hidden" name="clientId" value={clientId} />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Working…" : label}
      </Button>
      {state && !state.ok && (
        <Alert tone="danger" title={`Could not ${label.toLowerCase()}`}>
          {state.error}
        </Alert>
      )}
    </form>
  );
}

/** Delete asks once more in place: it is soft (restorable), but it hides the client from everyone. */
function DeleteButton({ action, clientId, name }: { action: Action; clientId: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<ActionResult<undefined> | null, FormData>(action, null);
  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <form action={formAction} className="row" aria-label={`Delete ${name}`}>
      <input type="hidden" name="clientId" value={clientId} />
      <span className="small">Delete {name}? An admin can restore it for a while.</span>
      <Button type="submit" variant="danger" disabled={pending} autoFocus>
        {pending ? "Deleting…" : "Yes, delete"}
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {state && !state.ok && (
        <Alert tone="danger" title="Could not delete">
          {state.error}
        </Alert>
      )}
    </form>
  );
}

/** Archive / unarchive and delete on the client page; the page passes only what the user may do. */
export function ClientRecordActions({
  clientId,
  name,
  archived,
  archiveAction,
  unarchiveAction,
  deleteAction,
}: {
  clientId: string;
  name: string;
  archived: boolean;
  archiveAction?: Action;
  unarchiveAction?: Action;
  deleteAction?: Action;
}) {
  return (
    <>
      {archived && unarchiveAction && <OneClick action={unarchiveAction} clientId={clientId} label="Unarchive" />}
      {!archived && archiveAction && <OneClick action={archiveAction} clientId={clientId} label="Archive" />}
      {deleteAction && <DeleteButton action={deleteAction} clientId={clientId} name={name} />}
    </>
  );
}
