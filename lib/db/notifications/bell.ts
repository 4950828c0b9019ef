import "server-only";
import { can, type Scope } from "@/lib/auth/scope";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { FirmNotifyKinds, MyNotificationSettings } from "@/lib/users/notification-settings";
import { actorOf, diffFields, recordAudit } from "../audit";
import { prisma } from "../prisma";

/**
 * The bell (in-app draw notifications, written by lib/db/notifications/digests.ts) and the notification
 * settings. Every query is the caller's own: a notification of another user is not found.
 */

export interface NotificationItem {
  id: string;
  drawNumber: string;
  title: string;
  createdAt: Date;
  read: boolean;
}

export async function unreadNotificationCount(scope: Scope): Promise<number> {
  return prisma().notification.count({ where: { firmId: scope.firmId, userId: scope.userId, readAt: null } });
}

export async function recentNotifications(scope: Scope, take = 8): Promise<NotificationItem[]> {
  const rows = await prisma().notification.findMany({
    where: { firmId: scope.firmId, userId: scope.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, drawNumber: true, title: true, createdAt: true, readAt: true },
  });
  return rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null }));
}

/** Marks the caller's notification read; returns its round (for the redirect to the draw page). */
export async function openNotification(scope: Scope, id: string): Promise<string> {
  const row = await prisma().notification.findFirst({ where: { firmId: scope.firmId, userId: scope.userId, id }, select: { drawNumber: true } });
  if (!row) throw new NotFoundError("Notification");
  await prisma().notification.updateMany({ where: { firmId: scope.firmId, userId: scope.userId, id, readAt: null }, data: { readAt: new Date() } });
  return row.drawNumber;
}

export interface NotificationSettings extends MyNotificationSettings {
  notifyKinds: string[];
}

export async function notificationSettings(scope: Scope): Promise<NotificationSettings> {
  const [user, firm] = await Promise.all([
    prisma().user.findFirst({ where: { firmId: scope.firmId, id: scope.userId }, select: { digestEnabled: true, digestNearMisses: true } }),
    prisma().firm.findUnique({ where: { id: scope.firmId }, select: { notifyKinds: true } }),
  ]);
  if (!user || !firm) throw new NotFoundError("User");
  return { ...user, notifyKinds: firm.notifyKinds };
}

/** The caller's own digest preferences (audited). */
export async function updateMyNotificationSettings(scope: Scope, email: string, input: MyNotificationSettings): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { firmId: scope.firmId, id: scope.userId }, select: { digestEnabled: true, digestNearMisses: true } });
    if (!before) throw new NotFoundError("User");
    await tx.user.update({ where: { firmId_id: { firmId: scope.firmId, id: scope.userId } }, data: input });
    const changes = diffFields(before, input);
    if (Object.keys(changes).length > 0) {
      await recordAudit(actorOf(scope, email), { action: "user.notifications.update", entityType: "User", entityId: scope.userId, changes: changes as never }, tx);
    }
  });
}

/** Which draw kinds notify the firm (owners and admins; audited). */
export async function updateFirmNotifyKinds(scope: Scope, email: string, input: FirmNotifyKinds): Promise<void> {
  if (!can(scope, "firm.manage")) throw new ForbiddenError();
  await prisma().$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({ where: { id: scope.firmId }, select: { notifyKinds: true } });
    const notifyKinds = [...new Set(input.notifyKinds)].sort();
    await tx.firm.update({ where: { id: scope.firmId }, data: { notifyKinds } });
    await recordAudit(actorOf(scope, email), { action: "firm.notify_kinds.update", entityType: "Firm", entityId: scope.firmId, changes: { notifyKinds: { from: before.notifyKinds, to: notifyKinds } } }, tx);
  });
}
