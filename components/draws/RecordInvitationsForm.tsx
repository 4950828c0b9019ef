"use client";

import { useActionState, useState } from "react";
import { STATUS_SHORT } from "@/components/clients/labels";
import { Alert, Button, Table, TBody, TD, TH, THead, TR, TextField } from "@/components/ui";
import type { ClientStatus } from "@/lib/clients/status";
import type { ActionResult } from "@/lib/server/action";

export interface InvitableRow {
  clientId: string;
  firstName: string;
  lastName: string;
  crs: number;
  margin: number;
  status: ClientStatus;
}

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ recorded: number }>>;

/**
 * Record the ITAs of a round for the clients listed as above its cut-off: each one or all
 * selected (a profile may not have been in the pool after all). Only clients still in the pool
 * can be picked; the others show their status.
 */
export function RecordInvitationsForm({ action, drawNumber, drawDate, rows }: { action: Action; drawNumber: string; drawDate: string; rows: InvitableRow[] }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ recorded: number }> | null, FormData>(action, null);
  const invitable = rows.filter((r) => r.status === "profile_active");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const allSelected = invitable.length > 0 && invitable.every((r) => selected.has(r.clientId));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form action={formAction} className="stack" aria-label={`Record invitations of draw ${drawNumber}`}>
      <input type="hidden" name="drawNumber" value={drawNumber} />
      <TextField
        label="ITA date"
        name="itaDate"
        type="date"
        defaultValue={drawDate}
        required
        hint="The round's date; change it if IRCC's invitation arrived on another day. The application is due 60 days later."
        error={state && !state.ok ? state.fieldErrors?.itaDate : undefined}
      />
      <Table caption={`Clients above the cut-off of #${drawNumber}`}>
        <THead>
          <TR>
            <TH scope="col">
              <input
                type="checkbox"
                aria-label="Select every client still in the pool"
                checked={allSelected}
                disabled={invitable.length === 0}
                onChange={(e) => setSelected(e.target.checked ? new Set(invitable.map((r) => r.clientId)) : new Set())}
              />
            </TH>
            <TH scope="col">Client</TH>
            <TH scope="col">CRS</TH>
            <TH scope="col">Status</TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR key={r.clientId}>
              <TD>
                {r.status === "profile_active" ? (
                  <input
                    type="checkbox"
                    name="clientIds"
                    value={r.clientId}
                    aria-label={`Invited: ${r.firstName} ${r.lastName}`}
                    checked={selected.has(r.clientId)}
                    onChange={(e) => toggle(r.clientId, e.target.checked)}
                  />
                ) : null}
              </TD>
              <TD>
                {r.firstName} {r.lastName}
              </TD>
              <TD>
                {r.crs} ({r.margin >= 0 ? "+" : ""}
                {r.margin})
              </TD>
              <TD>{STATUS_SHORT[r.status]}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <div className="row">
        <Button type="submit" variant="primary" disabled={pending || selected.size === 0}>
          {pending ? "Recording…" : `Record invitations (${selected.size})`}
        </Button>
      </div>
      {state && !state.ok && (
        <Alert tone="danger" title="Could not record the invitations">
          {state.error}
          {state.fieldErrors && Object.keys(state.fieldErrors).length > 0 && <> ({Object.entries(state.fieldErrors).map(([k, v]) => `${k}: ${v}`).join("; ")})</>}
        </Alert>
      )}
      {state?.ok && (
        <Alert tone="success" title="Invitations recorded">
          {state.data.recorded} {state.data.recorded === 1 ? "client is" : "clients are"} now invited; the application deadline is on the dashboard&apos;s radar.
        </Alert>
      )}
    </form>
  );
}
