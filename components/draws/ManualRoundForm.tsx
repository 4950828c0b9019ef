"use client";

import Link from "next/link";
import { ActionForm } from "@/components/forms/ActionForm";
import { Alert, CheckboxField, SelectField, TextField } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

/** A round the feed does not have yet; the server marks it provisional. */
export function ManualRoundForm({
  action,
  kinds,
  programs,
  today,
}: {
  action: (prev: ActionResult<{ number: string }> | null, form: FormData) => Promise<ActionResult<{ number: string }>>;
  kinds: { value: string; label: string }[];
  programs: readonly string[];
  today: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Save provisional round"
      errorTitle="Could not save the round"
      aria-label="Enter a round by hand"
      success={(data) => (
        <Alert tone="success" title="Provisional round saved">
          <p>
            <Link href={`/draws/${encodeURIComponent(data.number)}`}>Draw #{data.number}</Link> is in the ledger, marked provisional.
          </p>
        </Alert>
      )}
    >
      <div className="row-wrap">
        <TextField label="Draw number" name="number" required pattern="[0-9]{1,5}[a-zA-Z]?" style={{ width: "7rem" }} />
        <TextField label="Date" name="date" type="date" required defaultValue={today} />
        <SelectField label="Kind" name="kind" required defaultValue="cec">
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Category version" name="categoryVersion" hint="Optional, e.g. 2026-Version 3" />
      </div>
      <fieldset className="row">
        <legend>Programs covered</legend>
        {programs.map((p) => (
          <CheckboxField key={p} label={p} name="programs" value={p} />
        ))}
      </fieldset>
      <div className="row-wrap">
        <TextField label="Invitations" name="size" type="number" min={1} required style={{ width: "8rem" }} />
        <TextField label="Cut-off (CRS)" name="cutoff" type="number" min={0} max={1200} required style={{ width: "8rem" }} />
        <TextField label="Tie-break time (UTC)" name="tieBreakAt" type="datetime-local" step={1} hint="As IRCC publishes it, in UTC. Leave empty if none." />
      </div>
    </ActionForm>
  );
}
