import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { type ClientInput, type ClientInputDraft, clientInputSchema } from "@/lib/clients/schema";
import { formatInstant } from "@/lib/dates/format-instant";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { todayIn } from "@/lib/dates/time-zone";
import { actorOf, diffFields, recordAudit } from "../audit";
import { Prisma, prisma } from "../prisma";
import { refreshClientResults } from "../draws/results-refresh";
import { clientWhere } from "../scope";
import { auditView, scoreOf, storedFields } from "./fields";
import { crsChangesAsOf, storedCrsChanges } from "./next-crs-change";
import { assertConsultant, assertNoDuplicate, assertWritableTeam, firmTimeZone, getClientRow, mapDuplicates, requirePermission, toJson, userNames } from "./shared";

/** Why an update matched no row: the client moved on (conflict, naming who and when) or is gone. */
async function staleVersionError(scope: Scope, id: string): Promise<Error> {
  const row = await prisma().client.findFirst({ where: clientWhere(scope, { id }), select: { updatedAt: true, updatedById: true } });
  if (!row) return new NotFoundError("Client");
  const [timeZone, names] = await Promise.all([firmTimeZone(scope), userNames(scope, [row.updatedById])]);
  const who = (row.updatedById && names.get(row.updatedById)) ?? "another user";
  return new ConflictError(`This client was changed by ${who} at ${formatInstant(row.updatedAt, timeZone)}. Reload to see their changes; your edits were not saved.`);
}

/**
 * Saves the whole record when it is still at `expectedVersion` (optimistic concurrency). The score:
 * factors → computed; manualCrs → entered by hand (factors cleared); neither → left as it is. A
 * changed score appends to the history at input.crsEffectiveAt ?? now.
 */
export async function updateClient(scope: Scope, id: string, expectedVersion: number, raw: ClientInputDraft | ClientInput): Promise<{ version: number }> {
  requirePermission(scope, "clients.write");
  const input = clientInputSchema.parse(raw);
  const now = new Date();
  const stale = Symbol("stale");
  const result = await mapDuplicates(() =>
    prisma().$transaction(async (tx) => {
      const before = await getClientRow(scope, id, tx);
      if (before.version !== expectedVersion) return stale;
      const timeZone = await firmTimeZone(scope, tx);
      if (input.teamId !== before.teamId) await assertWritableTeam(scope, input.teamId, tx);
      if (input.consultantId !== before.consultantId) await assertConsultant(scope, input.consultantId, tx);
      await assertNoDuplicate(scope, input, id, tx);
      const score = scoreOf(input);
      const scoreChanged = score != null && score.crs !== before.crs;
      const effectiveAt = new Date(input.crsEffectiveAt ?? now);
      if (scoreChanged && before.crsEffectiveAt && effectiveAt < before.crsEffectiveAt) {
        const message = "The new score must take effect after the current one: history is never rewritten.";
        throw new InvalidInputError(message, [{ path: "crsEffectiveAt", message }]);
      }
      const { count } = await tx.client.updateMany({
        where: clientWhere(scope, { id, version: expectedVersion }),
        data: {
          ...storedFields(input, timeZone),
          ...(score ? { crsFactors: score.factors ?? Prisma.DbNull } : {}),
          ...storedCrsChanges(crsChangesAsOf({ ...input, crsFactors: score ? score.factors : before.crsFactors }, todayIn(timeZone, now))),
          ...(scoreChanged ? { crs: score.crs, crsEffectiveAt: effectiveAt } : {}),
          version: { increment: 1 },
          updatedAt: now,
          updatedById: scope.userId,
        },
      });
      if (count === 0) return stale;
      if (scoreChanged) {
        await tx.crsScore.create({
          data: { firmId: scope.firmId, clientId: id, crs: score.crs, effectiveAt, source: score.source, reason: score.reason, createdById: scope.userId },
        });
      }
      await refreshClientResults(tx, scope.firmId, [id]);
      const after = await tx.client.findFirstOrThrow({ where: { firmId: scope.firmId, id } });
      const changes = diffFields(auditView(before), auditView(after));
      if (Object.keys(changes).length > 0) {
        await recordAudit(actorOf(scope), { action: "client.update", entityType: "client", entityId: id, changes: toJson(changes), metadata: { version: after.version } }, tx);
      }
      return { version: after.version };
    }),
  );
  if (result === stale) throw await staleVersionError(scope, id);
  return result;
}
