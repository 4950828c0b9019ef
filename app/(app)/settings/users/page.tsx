import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { InviteUserForm } from "@/components/settings/InviteUserForm";
import { SessionsTable } from "@/components/settings/SessionsTable";
import { Badge, Card, CheckboxField, Disclosure, PageHeader, SelectField, Table, TBody, TD, TextField, TH, THead, TR } from "@/components/ui";
import { assignableRoles, ROLE_LABELS } from "@/lib/auth/permissions";
import { getFirm, listTeams } from "@/lib/db/firms";
import { listPendingInvitations } from "@/lib/db/users/invitations";
import { listFirmSessions } from "@/lib/db/users/sessions";
import { listUsers } from "@/lib/db/users";
import { requireViewer } from "@/lib/server/session";
import {
  createTeamAction,
  inviteUserAction,
  renameTeamAction,
  revokeInvitationAction,
  setUserActiveAction,
  updateUserAction,
} from "./actions";
import { revokeSessionAction } from "../security/actions";

export const metadata: Metadata = { title: "Team" };

export default async function UsersPage() {
  const viewer = await requireViewer("users.manage");
  const [users, teams, invitations, sessions, firm] = await Promise.all([
    listUsers(viewer.scope),
    listTeams(viewer.scope),
    listPendingInvitations(viewer.scope),
    listFirmSessions(viewer.scope),
    getFirm(viewer.scope),
  ]);
  const roles = assignableRoles(viewer.role);
  return (
    <div className="stack-lg">
      <PageHeader title="Team" description="People, roles and teams of your firm." />

      <Card>
        <h2>People</h2>
        <Table caption="People in your firm">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Email</TH>
              <TH>Role and teams</TH>
              <TH>Status</TH>
              <TH>Sessions</TH>
              <TH>Access</TH>
            </TR>
          </THead>
          <TBody>
            {users.map((user) => {
              const editable = roles.includes(user.role);
              return (
                <TR key={user.id}>
                  <TD>{user.name}</TD>
                  <TD>{user.email}</TD>
                  <TD>
                    {editable ? (
                      <ActionForm action={updateUserAction} submitLabel="Save" submitVariant="secondary" className="row-wrap" aria-label={`Role and teams of ${user.name}`}>
                        <input type="hidden" name="userId" value={user.id} />
                        <SelectField label={`Role of ${user.name}`} name="role" defaultValue={user.role}>
                          {roles.map((r) => (
                            <option key={r} value={r}>
                              {ROLE_LABELS[r]}
                            </option>
                          ))}
                        </SelectField>
                        <fieldset className="row-wrap">
                          <legend>Teams</legend>
                          {teams.map((team) => (
                            <CheckboxField key={team.id} label={team.name} name="teamIds" value={team.id} defaultChecked={user.teams.some((t) => t.id === team.id)} />
                          ))}
                        </fieldset>
                        <TextField label="Licence number" name="licenceNumber" defaultValue={user.licenceNumber ?? ""} />
                      </ActionForm>
                    ) : (
                      <span>
                        {ROLE_LABELS[user.role]} · {user.teams.map((t) => t.name).join(", ")}
                      </span>
                    )}
                  </TD>
                  <TD>
                    {user.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>}{" "}
                    {user.totpEnabledAt ? <Badge tone="info">Two-factor on</Badge> : <Badge tone="neutral">No two-factor</Badge>}
                  </TD>
                  <TD>
                    <Disclosure summary={`Sessions of ${user.name} (${sessions.get(user.id)?.length ?? 0})`} width={640}>
                      <SessionsTable
                        sessions={sessions.get(user.id) ?? []}
                        action={revokeSessionAction}
                        timeZone={firm.timeZone}
                        caption={`Sessions of ${user.name}`}
                        currentSessionId={viewer.sessionId}
                        canRevoke={editable || user.id === viewer.userId}
                      />
                    </Disclosure>
                  </TD>
                  <TD>
                    {editable && user.id !== viewer.userId && (
                      <ActionForm action={setUserActiveAction} submitLabel={user.active ? `Deactivate ${user.name}` : `Reactivate ${user.name}`} submitVariant={user.active ? "danger" : "secondary"}>
                        <input type="hidden" name="userId" value={user.id} />
                        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
                      </ActionForm>
                    )}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      </Card>

      <Card>
        <h2>Invite someone</h2>
        <InviteUserForm action={inviteUserAction} roles={roles} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
        {invitations.length > 0 && (
          <Table caption="Pending invitations">
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Email</TH>
                <TH>Role</TH>
                <TH>Expires</TH>
                <TH>Revoke</TH>
              </TR>
            </THead>
            <TBody>
              {invitations.map((inv) => (
                <TR key={inv.id}>
                  <TD>{inv.name}</TD>
                  <TD>{inv.email}</TD>
                  <TD>{ROLE_LABELS[inv.role]}</TD>
                  <TD>{inv.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC</TD>
                  <TD>
                    <ActionForm action={revokeInvitationAction} submitLabel={`Revoke invitation for ${inv.email}`} submitVariant="ghost">
                      <input type="hidden" name="invitationId" value={inv.id} />
                    </ActionForm>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <Card>
        <h2>Teams</h2>
        <Table caption="Teams of your firm">
          <THead>
            <TR>
              <TH>Team</TH>
              <TH numeric>Members</TH>
              <TH numeric>Clients</TH>
            </TR>
          </THead>
          <TBody>
            {teams.map((team) => (
              <TR key={team.id}>
                <TD>
                  <ActionForm action={renameTeamAction} submitLabel="Rename" submitVariant="secondary" className="row-wrap">
                    <input type="hidden" name="teamId" value={team.id} />
                    <TextField label={`Name of team ${team.name}`} name="name" defaultValue={team.name} required />
                  </ActionForm>
                </TD>
                <TD numeric>{team._count.members}</TD>
                <TD numeric>{team._count.clients}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
        <ActionForm action={createTeamAction} submitLabel="Create team" className="row-wrap" aria-label="Create a team">
          <TextField label="New team name" name="name" required />
        </ActionForm>
      </Card>
    </div>
  );
}
