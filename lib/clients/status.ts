/**
 * Where a client stands in the Express Entry process. Pure data, shared by the roster filter,
 * the client page and draw eligibility.
 */

export const CLIENT_STATUSES = [
  "prospect",
  "profile_active",
  "ita_received",
  "application_submitted",
  "landed",
  "withdrawn",
  "closed",
  "invitation_declined",
  "invitation_expired",
  "approved",
  "refused",
] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  prospect: "Prospect (no profile yet)",
  profile_active: "Profile in the pool",
  ita_received: "ITA received",
  application_submitted: "Application submitted",
  landed: "Landed",
  withdrawn: "Profile withdrawn",
  closed: "File closed",
  invitation_declined: "Invitation declined (profile no longer valid)",
  invitation_expired: "Invitation expired (no application by the deadline)",
  approved: "Application approved",
  refused: "Application refused",
};

/**
 * Statuses reached through an ITA: the client has left the pool since `invitedAt`. A client who
 * declines while the profile is still valid goes back to profile_active (in the pool again); only
 * a declined client whose profile has lapsed keeps invitation_declined, out of the pool.
 */
export const INVITED_STATUSES = [
  "ita_received",
  "application_submitted",
  "landed",
  "invitation_declined",
  "invitation_expired",
  "approved",
  "refused",
] as const satisfies readonly ClientStatus[];

export function isClientStatus(value: string): value is ClientStatus {
  return (CLIENT_STATUSES as readonly string[]).includes(value);
}

export function isInvitedStatus(status: ClientStatus): boolean {
  return (INVITED_STATUSES as readonly string[]).includes(status);
}
