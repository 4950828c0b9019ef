"use client";

import { ActionForm } from "@/components/forms/ActionForm";
import { Alert, CheckboxField, SelectField, TextField } from "@/components/ui";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/server/action";

type InviteResult = { url: string; email: string; emailed: boolean };

/**
 * The invitation form; on success it says whether the invitation was e-mailed (SMTP configured)
 * and always shows the one-time link, for the admin to share another way if needed.
 */
export function InviteUserForm({
  action,
  roles,
  teams,
}: {
  action: (prev: ActionResult<InviteResult> | null, form: FormData) => Promise<ActionResult<InviteResult>>;
  roles: Role[];
  teams: { id: string; name: string }[];
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Send invitation"
      errorTitle="Could not invite"
      aria-label="Invite someone"
      success={(data) => (
        <Alert tone="success" title="Invitation created">
          <p>
            {data.emailed
              ? `An invitation e-mail is on its way to ${data.email}. You can also share this one-time link (valid for 7 days):`
              : `E-mail is not configured, so no invitation was e-mailed: send this one-time link to ${data.email} yourself (valid for 7 days):`}{" "}
            <a href={data.url} data-testid="invitation-link">
              {data.url}
            </a>
          </p>
        </Alert>
      )}
    >
      <div className="row-wrap">
        <TextField label="Name" name="name" required />
        <TextField label="Email" name="email" type="email" required />
        <SelectField label="Role" name="role" defaultValue="consultant">
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="row-wrap">
        <legend>Teams</legend>
        {teams.map((team, i) => (
          <CheckboxField key={team.id} label={team.name} name="teamIds" value={team.id} defaultChecked={i === 0} />
        ))}
      </fieldset>
    </ActionForm>
  );
}
