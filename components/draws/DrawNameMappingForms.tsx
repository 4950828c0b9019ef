"use client";

import { ActionForm } from "@/components/forms/ActionForm";
import { Alert, SelectField, TextField } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type MapResult = { kind: string; reclassified: number };
type MapAction = (prev: ActionResult<MapResult> | null, form: FormData) => Promise<ActionResult<MapResult>>;

const done = (data: MapResult) => (
  <Alert tone="success" title="Name mapped">
    <p>
      {data.reclassified} stored round{data.reclassified === 1 ? "" : "s"} now count as {data.kind}.
    </p>
  </Alert>
);

/** The two ways to fix one unrecognised name: an existing kind, or a new category kind. */
export function DrawNameMappingForms({ name, kinds, action }: { name: string; kinds: { value: string; label: string }[]; action: MapAction }) {
  return (
    <div className="row-wrap" style={{ alignItems: "start" }}>
      <ActionForm action={action} submitLabel="Map to this kind" pendingLabel="Mapping…" errorTitle="Could not map the name" aria-label={`Map "${name}" to an existing kind`} success={done} submitVariant="secondary">
        <input type="hidden" name="target" value="existing" />
        <input type="hidden" name="name" value={name} />
        <SelectField label="Existing kind" name="kind" required defaultValue="">
          <option value="" disabled>
            Choose a kind
          </option>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
      </ActionForm>
      <ActionForm action={action} submitLabel="Create the category" pendingLabel="Creating…" errorTitle="Could not create the category" aria-label={`Create a category for "${name}"`} success={done}>
        <input type="hidden" name="target" value="new" />
        <input type="hidden" name="name" value={name} />
        <TextField label="Category code" name="code" required pattern="[a-z][a-z0-9_]{1,39}" hint="Lowercase letters, digits and _, e.g. military. Clients are tagged with it." />
        <TextField label="Label" name="label" required minLength={2} maxLength={80} />
      </ActionForm>
    </div>
  );
}
