import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { ConflictError } from "@/lib/errors";
import { actorOf, recordAudit } from "../audit";
import { prisma } from "../prisma";
import { refreshClientResults } from "../draws/results-refresh";
import { clientWhere } from "../scope";
import { getClientRow, requirePermission } from "./shared";

async function setArchived(scope: Scope, id: string, archived: boolean): Promise<{ version: number }> {
  requirePermission(scope, "clients.write");
  return prisma().$transaction(async (tx) => {
    const before = await getClientRow(scope, id, tx);
    if ((before.archivedAt != null) === archived) return { version: before.version };
    const now = new Date();
    const { count } = await tx.client.updateMany({
      where: clientWhere(scope, { id, version: before.version }),
      data: { archivedAt: archived ? now : null, version: { increment: 1 }, updatedAt: now, updatedById: scope.userId },
    });
    if (count === 0) throw new ConflictError("This client was changed at the same moment. Reload and try again.");
    await refreshClientResults(tx, scope.firmId, [id]);
    await recordAudit(
      actorOf(scope),
      { action: archived ? "client.archive" : "client.unarchive", entityType: "client", entityId: id, changes: { archived: { from: !archived, to: archived } } },
      tx,
    );
    return { version: before.version + 1 };
  });
}

/** Hides the client from the roster's default view; everything else stays. */
export async function archiveClient(scope: Scope, id: string): Promise<{ version: number }> {
  return setArchived(scope, id, true);
}

export async function unarchiveClient(scope: Scope, id: string): Promise<{ version: number }> {
  return setArchived(scope, id, false);
}
