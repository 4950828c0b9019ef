"use client";

import { ActionForm } from "@/components/forms/ActionForm";
import { Alert, CheckboxField, TextField } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action";

type Action = (prev: ActionResult<{ saved: true }> | null, form: FormData) => Promise<ActionResult<{ saved: true }>>;

/** The signed-in user's own digest preferences. */
export function MyNotificationSettingsForm({ action, digestEnabled, digestNearMisses }: { action: Action; digestEnabled: boolean; digestNearMisses: boolean }) {
  return (
    <ActionForm action={action} submitLabel="Save my preferences" aria-label="My notification preferences" success={() => <Alert tone="success" title="Your preferences are saved" />}>
      <CheckboxField label="E-mail me a digest when a draw has clients of mine above or near the cut-off" name="digestEnabled" defaultChecked={digestEnabled} />
      <CheckboxField label="Include near misses in the digest" name="digestNearMisses" defaultChecked={digestNearMisses} />
    </ActionForm>
  );
}

/** Which draw kinds notify the firm (none ticked: every kind). */
export function FirmNotifyKindsForm({ action, kinds, selected }: { action: Action; kinds: { value: string; label: string }[]; selected: string[] }) {
  return (
    <ActionForm action={action} submitLabel="Save firm settings" aria-label="Draw kinds that notify" success={() => <Alert tone="success" title="The firm's settings are saved" />}>
      <fieldset className="stack-sm">
        <legend>Draw kinds that notify (none ticked: every kind)</legend>
        {kinds.map((k) => (
          <CheckboxField key={k.value} label={k.label} name="notifyKinds" value={k.value} defaultChecked={selected.includes(k.value)} />
        ))}
      </fieldset>
    </ActionForm>
  );
}

/** The firm's webhook address (empty: none). */
export function FirmWebhookForm({ action, webhookUrl }: { action: Action; webhookUrl: string | null }) {
  return (
    <ActionForm action={action} submitLabel="Save webhook" aria-label="Firm webhook" success={() => <Alert tone="success" title="The webhook is saved" />}>
      <TextField
        label="Webhook address"
        name="webhookUrl"
        type="url"
        defaultValue={webhookUrl ?? ""}
        hint="An https address, e.g. a Slack or Teams incoming webhook. Each round posts its counts only, never a client's name. Leave empty for none."
      />
    </ActionForm>
  );
}
