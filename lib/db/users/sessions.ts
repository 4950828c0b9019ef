import "server-only";
import { assignableRoles } from "@/lib/auth/permissions";
import { can, type Scope } from "@/lib/auth/scope";
import { liveSince, needsTouch } from "@/lib/auth/sessions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { actorOf, recordAudit } from "../audit";
import { prisma } from "../prisma";
import { userWhere } from "../scope";

/**
 * Session records: one row per sign-in, its id carried in the session token. Every request
 * checks the row (checkUserSession), so revoking it signs that browser out at its next request,
 * the same way User.passwordChangedAt revokes every session at once.
 */

export interface SessionRow {
  id: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

const SELECT = { id: true, userId: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true } as const;

export async function createUserSession(user: { firmId: string; userId: string }, meta: { userAgent?: string | null; ip?: string | null }, now = new Date()): Promise<string> {
  const row = await prisma().userSession.create({
    data: { firmId: user.firmId, userId: user.userId, userAgent: meta.userAgent?.slice(0, 400) ?? null, ip: meta.ip ?? null, createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return row.id;
}

/** True while the session is neither revoked nor expired; refreshes "last seen" every few minutes. */
export async function checkUserSession(firmId: string, userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const row = await prisma().userSession.findUnique({ where: { firmId_id: { firmId, id: sessionId } }, select: { userId: true, revokedAt: true, lastSeenAt: true } });
  if (!row || row.userId !== userId || row.revokedAt || row.lastSeenAt < liveSince(now)) return false;
  if (needsTouch(row.lastSeenAt, now)) {
    await prisma().userSession.updateMany({ where: { firmId, id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

/** Signing out ends the session's record too, so a copied cookie dies with it. */
export async function endUserSession(firmId: string, userId: string, sessionId: string, now = new Date()): Promise<void> {
  await prisma().userSession.updateMany({ where: { firmId, id: sessionId, userId, revokedAt: null }, data: { revokedAt: now, revokedById: userId } });
}

const liveWhere = (now: Date) => ({ revokedAt: null, lastSeenAt: { gte: liveSince(now) } });

/** The signed-in user's own live sessions, newest first. */
export async function listOwnSessions(scope: Scope, now = new Date()): Promise<SessionRow[]> {
  return prisma().userSession.findMany({ where: { firmId: scope.firmId, userId: scope.userId, ...liveWhere(now) }, orderBy: { lastSeenAt: "desc" }, select: SELECT });
}

/** Every live session in the firm, grouped by user: the team page's "Sessions" column. */
export async function listFirmSessions(scope: Scope, now = new Date()): Promise<Map<string, SessionRow[]>> {
  if (!can(scope, "users.manage")) throw new ForbiddenError();
  const rows = await prisma().userSession.findMany({ where: { firmId: scope.firmId, ...liveWhere(now) }, orderBy: { lastSeenAt: "desc" }, select: SELECT });
  const byUser = new Map<string, SessionRow[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  return byUser;
}

/**
 * Revokes one session. Anyone may revoke their own; an owner or admin may revoke those of
 * people whose role they may manage (an admin cannot sign an owner out). Another firm's session
 * is not found.
 */
export async function revokeUserSession(scope: Scope, sessionId: string, now = new Date()): Promise<void> {
  const session = await prisma().userSession.findUnique({ where: { firmId_id: { firmId: scope.firmId, id: sessionId } }, select: { userId: true, revokedAt: true } });
  if (!session) throw new NotFoundError("Session");
  if (session.userId !== scope.userId) {
    if (!can(scope, "users.manage")) throw new NotFoundError("Session");
    const owner = await prisma().user.findFirst({ where: userWhere(scope, { id: session.userId }), select: { role: true } });
    if (!owner) throw new NotFoundError("Session");
    if (!assignableRoles(scope.role).includes(owner.role)) throw new ForbiddenError("Only an owner may sign an owner out.");
  }
  if (session.revokedAt) return;
  await prisma().$transaction(async (tx) => {
    await tx.userSession.updateMany({ where: { firmId: scope.firmId, id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedById: scope.userId } });
    await recordAudit(actorOf(scope), { action: "auth.session_revoked", entityType: "user", entityId: session.userId, metadata: { sessionId } }, tx);
  });
}

/** How long an ended session's record is kept (revoked, signed out or expired): for questions like "was that me?". */
export const ENDED_SESSION_KEPT_DAYS = 30;

/**
 * Deletes the records of sessions that ended more than ENDED_SESSION_KEPT_DAYS ago, in every
 * firm: revoked (or signed out) then, or last seen before the token could still be alive then.
 * Live sessions are never touched. The audit log keeps the sign-ins and revocations.
 */
export async function pruneEndedSessions(now = new Date()): Promise<number> {
  const endedBefore = new Date(now.getTime() - ENDED_SESSION_KEPT_DAYS * 86_400_000);
  const { count } = await prisma().userSession.deleteMany({
    where: { OR: [{ revokedAt: { lt: endedBefore } }, { revokedAt: null, lastSeenAt: { lt: liveSince(endedBefore) } }] },
  });
  return count;
}
