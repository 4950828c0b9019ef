import { ActionForm } from "@/components/forms/ActionForm";
import { Badge, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { describeUserAgent } from "@/lib/auth/sessions";
import { formatInstant } from "@/lib/dates/format-instant";
import type { SessionRow } from "@/lib/db/users/sessions";
import type { ActionResult } from "@/lib/server/action";

type Action = (prev: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;

/**
 * Signed-in browsers with a button to end each: the user's own list (settings/security) and, for
 * owners and admins, one person's list on the team page.
 */
export function SessionsTable({
  sessions,
  action,
  timeZone,
  caption,
  currentSessionId,
  canRevoke = true,
}: {
  sessions: SessionRow[];
  action: Action;
  timeZone: string;
  caption: string;
  currentSessionId?: string;
  canRevoke?: boolean;
}) {
  return (
    <Table caption={caption}>
      <THead>
        <TR>
          <TH>Browser</TH>
          <TH>Address</TH>
          <TH>Signed in</TH>
          <TH>Last active</TH>
          <TH>End session</TH>
        </TR>
      </THead>
      <TBody>
        {sessions.length === 0 && <TableEmptyRow colSpan={5}>No active sessions.</TableEmptyRow>}
        {sessions.map((s) => {
          const name = `${describeUserAgent(s.userAgent)}, signed in ${formatInstant(s.createdAt, timeZone)}`;
          const current = s.id === currentSessionId;
          return (
            <TR key={s.id}>
              <TD>
                <span title={s.userAgent ?? undefined}>{describeUserAgent(s.userAgent)}</span> {current && <Badge tone="info">This browser</Badge>}
              </TD>
              <TD>{s.ip ?? "—"}</TD>
              <TD className="nowrap">{formatInstant(s.createdAt, timeZone)}</TD>
              <TD className="nowrap">{formatInstant(s.lastSeenAt, timeZone)}</TD>
              <TD>
                {canRevoke && (
                  <ActionForm action={action} submitLabel={current ? "Sign out this browser" : "Revoke"} submitVariant="secondary" aria-label={`Session: ${name}`} errorTitle="Could not end the session">
                    <input type="hidden" name="sessionId" value={s.id} />
                  </ActionForm>
                )}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
