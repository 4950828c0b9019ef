import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { actorOf, recordAudit } from "../audit";
import { prisma } from "../prisma";
import { refreshClientResults } from "../draws/results-refresh";
import { clientWhere } from "../scope";
import { assertNoDuplicate, getClientRow, mapDuplicates, requirePermission } from "./shared";

export interface DeletedClient {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  profileNumber: string | null;
  teamName: string;
  deletedAt: string;
  /** Last moment restoreClient accepts it. */
  restorableUntil: string;
}

/** How long a deleted client can be restored. */
export const RESTORE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Soft delete (admins and owners): restorable for RESTORE_WINDOW_DAYS. */
export async function deleteClient(scope: Scope, id: string): Promise<void> {
  requirePermission(scope, "clients.delete");
  await prisma().$transaction(async (tx) => {
    const before = await getClientRow(scope, id, tx);
    const now = new Date();
    const { count } = await tx.client.updateMany({
      where: clientWhere(scope, { id }),
      data: { deletedAt: now, version: { increment: 1 }, updatedAt: now, updatedById: scope.userId },
    });
    if (count === 0) throw new NotFoundError("Client");
    await refreshClientResults(tx, scope.firmId, [id]);
    await recordAudit(
      actorOf(scope),
      { action: "client.delete", entityType: "client", entityId: id, metadata: { name: `${before.firstName} ${before.lastName}`, profileNumber: before.profileNumber } },
      tx,
    );
  });
}

export async function restoreClient(scope: Scope, id: string, options: { now?: Date } = {}): Promise<void> {
  requirePermission(scope, "clients.delete");
  const now = options.now ?? new Date();
  await mapDuplicates(() =>
    prisma().$transaction(async (tx) => {
      const row = await tx.client.findFirst({ where: clientWhere(scope, { id, deletedAt: { not: null } }), select: { deletedAt: true, profileNumber: true, email: true } });
      if (!row?.deletedAt) throw new NotFoundError("Client");
      if (now.getTime() - row.deletedAt.getTime() > RESTORE_WINDOW_DAYS * DAY_MS) {
        throw new ConflictError(`This client was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`);
      }
      await assertNoDuplicate(scope, row, id, tx);
      const { count } = await tx.client.updateMany({
        where: clientWhere(scope, { id, deletedAt: row.deletedAt }),
        data: { deletedAt: null, version: { increment: 1 }, updatedAt: now, updatedById: scope.userId },
      });
      if (count === 0) throw new NotFoundError("Client");
      await refreshClientResults(tx, scope.firmId, [id]);
      await recordAudit(actorOf(scope), { action: "client.restore", entityType: "client", entityId: id }, tx);
    }),
  );
}

/** Deleted clients still inside the restore window, most recently deleted first (admins). */
export async function listDeletedClients(scope: Scope, options: { now?: Date } = {}): Promise<DeletedClient[]> {
  requirePermission(scope, "clients.delete");
  const now = options.now ?? new Date();
  const rows = await prisma().client.findMany({
    where: clientWhere(scope, { deletedAt: { gte: new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS) } }),
    orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, firstName: true, lastName: true, email: true, profileNumber: true, deletedAt: true, team: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    profileNumber: r.profileNumber,
    teamName: r.team.name,
    deletedAt: r.deletedAt!.toISOString(),
    restorableUntil: new Date(r.deletedAt!.getTime() + RESTORE_WINDOW_DAYS * DAY_MS).toISOString(),
  }));
}
