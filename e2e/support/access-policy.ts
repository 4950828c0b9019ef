import { assignableRoles, roleCan, type Permission, type Role } from "../../lib/auth/permissions";

// The access policy the matrix checks, small enough to read in one go: for every page, route
// handler and server action, who may call it and which kind of record its path, query string or
// form names. The expected answer of every cell follows from it (expectedOutcome); the matrix test
// fails when an endpoint has no rule here, so a new route needs a decision, not a list entry.

/** What a caller gets back, as the matrix prints it. */
export type Outcome =
  | "200" // answered (for an action: it ran and said ok, or redirected into the app)
  | "400" // the input itself was refused after the role and scope checks (see `ok`)
  | "403" // refused for the role (a page redirects to /forbidden)
  | "404" // the record is outside the caller's firm or teams: not told apart from a missing one
  | "sign-in" // redirect to sign-in, 401, or an action's "your session has ended"
  | "home" // a signed-in user is sent into the app (the sign-in page)
  | "enrol"; // redirect to the two-factor enrolment page (/settings/security)

/**
 * The people the matrix calls as. Firm A has teams 1 and 2; firm B is another firm; firm C
 * requires two-factor sign-in for owners and admins, and its admin has not enrolled yet.
 */
export const CALLERS = {
  "signed out": null,
  "viewer (team 1)": { firm: "A", role: "viewer", teams: [1], active: true },
  "consultant (team 1)": { firm: "A", role: "consultant", teams: [1], active: true },
  admin: { firm: "A", role: "admin", teams: [1, 2], active: true },
  owner: { firm: "A", role: "owner", teams: [1, 2], active: true },
  "owner of firm B": { firm: "B", role: "owner", teams: [1], active: true },
  "deactivated consultant": { firm: "A", role: "consultant", teams: [1], active: false },
  "admin without two-factor (firm C requires it)": { firm: "C", role: "admin", teams: [1, 2], active: true, mustEnrol: true },
} as const satisfies Record<string, { firm: "A" | "B" | "C"; role: Role; teams: readonly number[]; active: boolean; mustEnrol?: true } | null>;
export type CallerName = keyof typeof CALLERS;
export const CALLER_NAMES = Object.keys(CALLERS) as CallerName[];

/**
 * Kinds of record an endpoint names. Clients and teams are reached by team (owners and admins
 * reach every team of their firm); users, invitations and outbox messages by firm; a
 * notification only by the user it was sent to; a session (sign-in record) by its user, and by
 * the owners and admins who may manage that user's role (sessionOutcome).
 */
export type RecordKind = "client" | "team" | "user" | "invitation" | "mail" | "notification" | "session";

/** A record the matrix names: its firm, and its team, recipient or user where that decides reach. */
export interface Target {
  label: string;
  /** Its firm (for a session of the caller's own: firm A, unused, as the caller's firm decides). */
  firm: "A" | "B";
  team?: number;
  recipient?: CallerName;
  /** A session: of the caller themself (another browser of theirs, never the one making the call)… */
  self?: true;
  /** …or of a user with this role. */
  userRole?: Role;
}

export const TARGETS: Record<RecordKind, Target[]> = {
  client: [
    { label: "team 1", firm: "A", team: 1 },
    { label: "team 2", firm: "A", team: 2 },
    { label: "firm B", firm: "B", team: 1 },
  ],
  team: [
    { label: "team 1", firm: "A", team: 1 },
    { label: "team 2", firm: "A", team: 2 },
    { label: "firm B", firm: "B", team: 1 },
  ],
  user: [
    { label: "firm A", firm: "A" },
    { label: "firm B", firm: "B" },
  ],
  invitation: [
    { label: "firm A", firm: "A" },
    { label: "firm B", firm: "B" },
  ],
  mail: [
    { label: "firm A", firm: "A" },
    { label: "firm B", firm: "B" },
  ],
  notification: [
    { label: "the consultant's", firm: "A", recipient: "consultant (team 1)" },
    { label: "firm B", firm: "B", recipient: "owner of firm B" },
  ],
  session: [
    { label: "the caller's own", firm: "A", self: true },
    { label: "a viewer of firm A", firm: "A", userRole: "viewer" },
    { label: "an owner of firm A", firm: "A", userRole: "owner" },
    { label: "firm B", firm: "B", userRole: "consultant" },
  ],
};

export interface Rule {
  /** "public": anyone; "signed-in": any active user; "platform-admin": none of the matrix's callers; or a permission of lib/auth/permissions. */
  need: "public" | "signed-in" | "platform-admin" | Permission;
  /** The record its path, query string (`ids`) or form names; each target becomes a row. */
  record?: RecordKind;
  /** Outcome of a permitted call on a record in reach, when not 200 (with the reason in a comment). */
  ok?: Outcome;
  /** Public page that sends a signed-in user into the app instead. */
  signedIn?: Outcome;
  /** Only the proxy's session-token check applies: a static page with no data that reads no user. */
  tokenOnly?: true;
  /** Open to someone who must still enrol in two-factor (the enrolment page and its actions). */
  beforeTwoFactor?: true;
  /** An action that answers like a page (a plain form action that redirects): refused by redirecting. */
  redirects?: true;
}

export const PAGE_RULES: Record<string, Rule> = {
  "/": { need: "signed-in" },
  "/audit": { need: "audit.read" },
  "/clients": { need: "clients.read" },
  "/clients/[id]": { need: "clients.read", record: "client" },
  "/clients/[id]/edit": { need: "clients.write", record: "client" },
  "/clients/deleted": { need: "clients.delete" },
  "/clients/import": { need: "clients.import" },
  "/clients/new": { need: "clients.write" },
  "/draws": { need: "signed-in" },
  "/draws/[number]": { need: "clients.read" },
  "/draws/import": { need: "draws.import" },
  "/draws/names": { need: "platform-admin" },
  "/forbidden": { need: "signed-in", tokenOnly: true },
  "/forgot-password": { need: "public" },
  "/invite/[token]": { need: "public" },
  "/reports": { need: "clients.export" },
  "/reset-password/[token]": { need: "public" },
  "/settings/firm": { need: "firm.manage" },
  "/settings/notifications": { need: "signed-in" },
  "/settings/outbox": { need: "mail.read" },
  "/settings/outbox/[id]": { need: "mail.read", record: "mail" },
  "/settings/security": { need: "signed-in", beforeTwoFactor: true },
  "/settings/users": { need: "users.manage" },
  "/signin": { need: "public", signedIn: "home" },
};

export const ROUTE_RULES: Record<string, Rule> = {
  "GET /api/auth/[...nextauth]": { need: "public" },
  // POST /api/auth/session (a session update) without next-auth's CSRF token is refused with 400;
  // the credentials sign-in through this handler is how every signed-in caller got its session.
  "POST /api/auth/[...nextauth]": { need: "public", ok: "400" },
  "GET /api/health": { need: "public" },
  "GET /clients/template.csv": { need: "clients.import" },
  "POST /api/clients/import": { need: "clients.import" },
  "GET /api/exports/clients/[id]/report.pdf": { need: "clients.export", record: "client" },
  "GET /api/exports/clients/reports.pdf": { need: "clients.export", record: "client" },
  "POST /api/exports/clients/reports.pdf": { need: "clients.export", record: "client" },
  "GET /api/exports/clients/reports.zip": { need: "clients.export", record: "client" },
  "POST /api/exports/clients/reports.zip": { need: "clients.export", record: "client" },
  "GET /api/exports/draws/[number]/impact.csv": { need: "clients.export" },
  "GET /api/exports/draws/[number]/impact.pdf": { need: "clients.export" },
  "GET /api/exports/draws/[number]/impact.xlsx": { need: "clients.export" },
  "GET /api/exports/roster.csv": { need: "clients.export" },
  "GET /api/exports/roster.xlsx": { need: "clients.export" },
};

const A = "app/(app)";
export const ACTION_RULES: Record<string, Rule> = {
  [`${A}/clients/[id]/actions.ts#archiveClientAction`]: { need: "clients.write", record: "client" },
  [`${A}/clients/[id]/actions.ts#unarchiveClientAction`]: { need: "clients.write", record: "client" },
  [`${A}/clients/[id]/actions.ts#deleteClientAction`]: { need: "clients.delete", record: "client" },
  [`${A}/clients/[id]/actions.ts#restoreClientAction`]: { need: "clients.delete", record: "client" },
  [`${A}/clients/[id]/actions.ts#transitionClientAction`]: { need: "clients.write", record: "client" },
  [`${A}/clients/[id]/edit/actions.ts#updateClientAction`]: { need: "clients.write", record: "client" },
  [`${A}/clients/new/actions.ts#createClientAction`]: { need: "clients.write", record: "team" },
  [`${A}/draws/[number]/actions.ts#recordInvitationsAction`]: { need: "clients.write", record: "client" },
  // Its only valid input adds a draw to the ledger every firm shares: a round number already in
  // the ledger is refused after the role check instead.
  [`${A}/draws/import/actions.ts#manualRoundAction`]: { need: "draws.import", ok: "400" },
  [`${A}/draws/import/actions.ts#feedImportAction`]: { need: "draws.import" },
  [`${A}/draws/names/actions.ts#mapDrawNameAction`]: { need: "platform-admin" },
  [`${A}/settings/firm/actions.ts#updateFirmSettingsAction`]: { need: "firm.manage" },
  [`${A}/settings/notifications/actions.ts#myNotificationSettingsAction`]: { need: "signed-in" },
  [`${A}/settings/notifications/actions.ts#firmNotifyKindsAction`]: { need: "firm.manage" },
  [`${A}/settings/notifications/actions.ts#firmWebhookAction`]: { need: "firm.manage" },
  [`${A}/settings/notifications/actions.ts#openNotificationAction`]: { need: "signed-in", record: "notification", redirects: true },
  [`${A}/settings/security/actions.ts#startTwoFactorAction`]: { need: "signed-in", beforeTwoFactor: true },
  // A valid code needs the caller's new authenticator key (e2e/two-factor.spec.ts enrols with one):
  // the matrix sends a wrong code, refused after the session and enrolment checks.
  [`${A}/settings/security/actions.ts#confirmTwoFactorAction`]: { need: "signed-in", beforeTwoFactor: true, ok: "400" },
  // No matrix caller has two-factor on (turning it off is in e2e/two-factor.spec.ts): refused as "not on".
  [`${A}/settings/security/actions.ts#disableTwoFactorAction`]: { need: "signed-in", ok: "400" },
  // Also the team page's "End session": lib/db decides whose session the caller may end.
  [`${A}/settings/security/actions.ts#revokeSessionAction`]: { need: "signed-in", beforeTwoFactor: true, record: "session" },
  [`${A}/settings/users/actions.ts#inviteUserAction`]: { need: "users.manage", record: "team" },
  [`${A}/settings/users/actions.ts#updateUserAction`]: { need: "users.manage", record: "user" },
  [`${A}/settings/users/actions.ts#setUserActiveAction`]: { need: "users.manage", record: "user" },
  [`${A}/settings/users/actions.ts#revokeInvitationAction`]: { need: "users.manage", record: "invitation" },
  [`${A}/settings/users/actions.ts#createTeamAction`]: { need: "teams.manage" },
  [`${A}/settings/users/actions.ts#renameTeamAction`]: { need: "teams.manage", record: "team" },
  [`app/forgot-password/actions.ts#requestPasswordResetAction`]: { need: "public" },
  // Links are single-use: the matrix sends an unknown token, which every caller is told is invalid.
  [`app/reset-password/[token]/actions.ts#resetPasswordAction`]: { need: "public", ok: "400" },
  [`app/invite/[token]/actions.ts#acceptInvitationAction`]: { need: "public", ok: "400" },
};

/** Whether `target` is within the caller's reach (firm, then team or recipient). */
export function inReach(callerName: CallerName, target: Target): boolean {
  const caller = CALLERS[callerName];
  if (!caller || caller.firm !== target.firm) return false;
  if (target.recipient) return target.recipient === callerName;
  if (target.team === undefined || roleCan(caller.role, "clients.readAllTeams")) return true;
  return (caller.teams as readonly number[]).includes(target.team);
}

/**
 * Ending a session: anyone ends their own; an owner or admin ends those of the people whose role
 * they may assign (an admin cannot sign an owner out: 403); for anyone else the session is not
 * found, as another firm's is.
 */
function sessionOutcome(callerName: CallerName, target: Target): Outcome {
  const caller = CALLERS[callerName]!;
  if (target.self) return "200";
  if (caller.firm !== target.firm || !roleCan(caller.role, "users.manage")) return "404";
  return (assignableRoles(caller.role) as Role[]).includes(target.userRole!) ? "200" : "403";
}

/** The answer the policy promises for one cell of an endpoint of `kind`. */
export function expectedOutcome(rule: Rule, kind: "page" | "route" | "action", callerName: CallerName, target?: Target): Outcome {
  const caller = CALLERS[callerName];
  if (rule.need === "public") return caller?.active && rule.signedIn ? rule.signedIn : (rule.ok ?? "200");
  if (!caller) return "sign-in";
  if (!caller.active && !rule.tokenOnly) return "sign-in";
  // Until they enrol, only the enrolment page and its actions are open: pages send them there,
  // route handlers and actions refuse. (A tokenOnly page reads no user, so shows nothing to refuse.)
  if ("mustEnrol" in caller && !rule.beforeTwoFactor && !rule.tokenOnly) return kind === "page" || rule.redirects ? "enrol" : "403";
  if (rule.need === "platform-admin") return "403";
  if (rule.need !== "signed-in" && !roleCan(caller.role, rule.need)) return "403";
  if (target && rule.record === "session") return sessionOutcome(callerName, target);
  if (target && !inReach(callerName, target)) return "404";
  return rule.ok ?? "200";
}
