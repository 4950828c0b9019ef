import "server-only";
import type { Prisma } from "../prisma";
import { IMPACT_PLANNER_SETTING, lockFirmResults } from "./results-store";
import { storeResultsSql } from "./results-sql";

type Tx = Prisma.TransactionClient;

/**
 * Keeps the stored draw results current when clients change: call it inside the transaction that
 * changed them (create, edit, archive, delete, restore, CSV import, bulk actions, ITA), after the
 * change. The clients' rows in every round the firm has computed are replaced by one DELETE and
 * one INSERT … SELECT, however many clients and rounds — a few index probes per client and round.
 *
 * The firm's results lock is taken shared first (results-store.ts `lockFirmResults`): a round
 * being computed meanwhile is waited for and then refreshed here; a round computed after this
 * starts waits for this transaction to commit, and so sees the change.
 */
export async function refreshClientResults(tx: Tx, firmId: string, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  await lockFirmResults(tx, firmId, "shared");
  const rounds = await tx.$queryRawUnsafe<{ drawNumber: string }[]>(
    `SELECT "drawNumber" FROM "DrawMatch" WHERE "firmId" = $1::uuid AND "computedAt" IS NOT NULL`,
    firmId,
  );
  if (rounds.length === 0) return;
  const sql = storeResultsSql("$1::uuid", "$2::text[]", "$3::uuid[]", "probe");
  const numbers = rounds.map((r) => r.drawNumber);
  await tx.$executeRawUnsafe(IMPACT_PLANNER_SETTING);
  await tx.$executeRawUnsafe(sql.remove, firmId, numbers, clientIds);
  await tx.$executeRawUnsafe(sql.insert, firmId, numbers, clientIds);
}
