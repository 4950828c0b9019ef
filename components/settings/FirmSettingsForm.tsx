"use client";

import { ActionForm } from "@/components/forms/ActionForm";
import { Alert, CheckboxField, TextField } from "@/components/ui";
import { DRAW_KIND_LABELS, DRAW_KINDS } from "@/lib/draws/kinds";
import type { FirmSettings } from "@/lib/db/firms";
import type { ActionResult } from "@/lib/server/action";

type Action = (prev: ActionResult<{ saved: boolean }> | null, form: FormData) => Promise<ActionResult<{ saved: boolean }>>;

/** The firm settings form; the server action validates with the same schema (lib/firms/settings.ts). */
export function FirmSettingsForm({ action, settings }: { action: Action; settings: FirmSettings }) {
  const followsAll = settings.followedDrawKinds.length === 0;
  return (
    <ActionForm
      action={action}
      submitLabel="Save settings"
      aria-label="Firm settings"
      success={() => (
        <Alert tone="success" title="Settings saved">
          The new settings apply at once.
        </Alert>
      )}
    >
      <TextField label="Time zone" name="timeZone" defaultValue={settings.timeZone} required hint="An IANA zone such as America/Toronto: decides today's date, deadlines and the ITA day." />
      <TextField label="Near-miss margin (CRS points)" name="nearMissMargin" type="number" min={0} max={100} defaultValue={settings.nearMissMargin} required />
      <TextField
        label="Document buffer (months)"
        name="documentBufferMonths"
        type="number"
        min={0}
        max={24}
        defaultValue={settings.documentBufferMonths}
        required
        hint="Documents of invited clients should stay valid this long after the application due date."
      />
      <fieldset className="stack-sm">
        <legend>Draw kinds the firm follows</legend>
        <p className="small muted">Unticked kinds stay in the ledger but leave the dashboard. Tick none to follow every kind.</p>
        {DRAW_KINDS.map((kind) => (
          <CheckboxField key={kind} label={DRAW_KIND_LABELS[kind]} name="followedDrawKinds" value={kind} defaultChecked={!followsAll && settings.followedDrawKinds.includes(kind)} />
        ))}
      </fieldset>
      <TextField label="Firm name on PDFs" name="pdfFirmName" defaultValue={settings.pdfFirmName ?? ""} hint={`Empty: ${settings.name}.`} />
      <TextField label="Logo for PDFs (PNG or JPEG, at most 512 KB)" name="logo" type="file" accept="image/png,image/jpeg" hint={settings.hasLogo ? `A ${settings.logoType} logo is set.` : "No logo yet."} />
      {settings.hasLogo && <CheckboxField label="Remove the logo" name="removeLogo" />}
      <fieldset className="stack-sm">
        <legend>Sign-in security</legend>
        <CheckboxField
          label="Require two-factor sign-in for owners and admins"
          name="requireTwoFactor"
          defaultChecked={settings.requireTwoFactor}
          hint="Turn it on for yourself first (Security page). Owners and admins without an authenticator app must then set one up at their next page and can do nothing else until they have. Other roles may turn it on for themselves."
        />
      </fieldset>
    </ActionForm>
  );
}
