import "server-only";
import { addDays } from "date-fns";
import { hashPassword } from "@/lib/auth/password";
import { assignableRoles, ROLE_LABELS } from "@/lib/auth/permissions";
import { can, type Scope } from "@/lib/auth/scope";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { renderInvitationMail } from "@/lib/mail/account-mail";
import { appBaseUrl } from "@/lib/mail/app-url";
import { mailConfigured } from "@/lib/mail/transport";
import { acceptInvitationSchema, inviteUserSchema } from "@/lib/users/schemas";
import type { z } from "zod";
import { actorOf, recordAudit } from "../audit";
import { queueMail } from "../mail";
import { prisma, Prisma } from "../prisma";
import { teamWhere } from "../scope";

export const INVITATION_VALID_DAYS = 7;

type Tx = Prisma.TransactionClient;

export function invitationUrl(token: string, baseUrl = appBaseUrl()): string {
  return `${baseUrl.replace(/\/$/, "")}/invite/${token}`;
}

/** Creates the invitation row and returns the one-time token (only its hash is stored). */
export async function issueInvitation(
  tx: Tx,
  data: { firmId: string; email: string; name: string; role: z.infer<typeof inviteUserSchema>["role"]; teamIds: string[]; invitedById: string | null },
  now = new Date(),
) {
  const token = newToken();
  const invitation = await tx.invitation.create({
    data: { ...data, tokenHash: hashToken(token), expiresAt: addDays(now, INVITATION_VALID_DAYS) },
  });
  return { invitation, token };
}

export async function inviteUser(scope: Scope, input: z.input<typeof inviteUserSchema>) {
  if (!can(scope, "users.manage")) throw new ForbiddenError();
  const data = inviteUserSchema.parse(input);
  if (!assignableRoles(scope.role).includes(data.role)) throw new ForbiddenError("You cannot give that role.");
  const teams = await prisma().team.count({ where: teamWhere(scope, { id: { in: data.teamIds } }) });
  if (teams !== new Set(data.teamIds).size) throw new NotFoundError("Team");
  const existing = await prisma().user.findFirst({ where: { email: { equals: data.email, mode: "insensitive" } }, select: { id: true } });
  if (existing) throw new ConflictError("This email already has a DrawDesk account.");
  return prisma().$transaction(async (tx) => {
    // A new invitation replaces any earlier one still pending for the same email in this firm.
    await tx.invitation.updateMany({ where: { firmId: scope.firmId, email: data.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const { invitation, token } = await issueInvitation(tx, { firmId: scope.firmId, ...data, invitedById: scope.userId });
    await recordAudit(actorOf(scope), { action: "user.invite", entityType: "invitation", entityId: invitation.id, changes: { email: { from: null, to: data.email }, role: { from: null, to: data.role } } }, tx);
    const url = invitationUrl(token);
    // Queued in the same transaction: no invitation without its e-mail, no e-mail for a rolled-back
    // invitation. Without SMTP it waits in the outbox and the admin shares the link shown.
    const [firm, inviter] = await Promise.all([
      tx.firm.findUniqueOrThrow({ where: { id: scope.firmId }, select: { name: true } }),
      tx.user.findUnique({ where: { firmId_id: { firmId: scope.firmId, id: scope.userId } }, select: { name: true } }),
    ]);
    const mail = renderInvitationMail({ name: data.name, firmName: firm.name, inviterName: inviter?.name ?? null, role: ROLE_LABELS[data.role].toLowerCase(), url, validDays: INVITATION_VALID_DAYS });
    const queued = await queueMail({ firmId: scope.firmId, userId: null, kind: "invitation", to: data.email, ...mail, idempotencyKey: `invitation:${invitation.id}` }, tx);
    return { invitationId: invitation.id, token, url, expiresAt: invitation.expiresAt, mailId: queued.id, emailed: mailConfigured() };
  });
}

export async function listPendingInvitations(scope: Scope) {
  if (!can(scope, "users.manage")) throw new ForbiddenError();
  return prisma().invitation.findMany({
    where: { firmId: scope.firmId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvitation(scope: Scope, invitationId: string) {
  if (!can(scope, "users.manage")) throw new ForbiddenError();
  const { count } = await prisma().invitation.updateMany({ where: { firmId: scope.firmId, id: invitationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new NotFoundError("Invitation");
  await recordAudit(actorOf(scope), { action: "user.invitation_revoke", entityType: "invitation", entityId: invitationId });
}

/** The invitation a link points to, if it can still be used (public: no session yet). */
export async function findUsableInvitation(token: string, now = new Date()) {
  const invitation = await prisma().invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { firm: { select: { name: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return null;
  return { email: invitation.email, name: invitation.name, role: invitation.role, firmName: invitation.firm.name, expiresAt: invitation.expiresAt };
}

/**
 * Sets the invitee's password and activates their account. The token works once: it is marked
 * accepted in the same transaction, guarded against a concurrent second use.
 */
export async function acceptInvitation(input: z.input<typeof acceptInvitationSchema>, now = new Date()) {
  const data = acceptInvitationSchema.parse(input);
  const invitation = await prisma().invitation.findUnique({ where: { tokenHash: hashToken(data.token) } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) {
    throw new InvalidInputError("This invitation link is invalid or has expired. Ask your firm's administrator for a new one.");
  }
  const passwordHash = await hashPassword(data.password);
  return prisma().$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { firmId: invitation.firmId, id: invitation.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count === 0) throw new InvalidInputError("This invitation link has already been used.");
    const existing = await tx.user.findFirst({ where: { firmId: invitation.firmId, email: { equals: invitation.email, mode: "insensitive" } } });
    let userId: string;
    if (existing) {
      // firm:create makes the owner's account up front; the invitation sets its password.
      await tx.user.update({ where: { firmId_id: { firmId: invitation.firmId, id: existing.id } }, data: { passwordHash, name: data.name, active: true } });
      userId = existing.id;
    } else {
      const user = await tx.user.create({ data: { firmId: invitation.firmId, email: invitation.email, name: data.name, role: invitation.role, passwordHash } });
      userId = user.id;
    }
    await tx.teamMembership.createMany({
      data: invitation.teamIds.map((teamId) => ({ firmId: invitation.firmId, teamId, userId })),
      skipDuplicates: true,
    });
    await recordAudit({ firmId: invitation.firmId, userId, userEmail: invitation.email }, { action: "user.invitation_accept", entityType: "user", entityId: userId }, tx);
    return { email: invitation.email };
  });
}
