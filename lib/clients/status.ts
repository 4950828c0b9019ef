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
};

/** Statuses reached through an ITA: the client has left the pool since `invitedAt`. */
export const INVITED_STATUSES = ["ita_received", "application_submitted", "landed"] as const satisfies readonly ClientStatus[];

export function isClientStatus(value: string): value is ClientStatus {
  return (CLIENT_STATUSES as readonly string[]).includes(value);
}

export function isInvitedStatus(status: ClientStatus): boolean {
  return (INVITED_STATUSES as readonly string[]).includes(status);
}
