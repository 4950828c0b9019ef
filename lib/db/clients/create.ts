import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { type ClientInput, type ClientInputDraft, clientInputSchema } from "@/lib/clients/schema";
import { todayIn } from "@/lib/dates/time-zone";
import { actorOf, diffFields, recordAudit } from "../audit";
import { Prisma, prisma } from "../prisma";
import { refreshClientResults } from "../draws/results-refresh";
import { auditView, scoreOf, storedFields } from "./fields";
import { crsChangesAsOf, storedCrsChanges } from "./next-crs-change";
import { assertConsultant, assertNoDuplicate, assertWritableTeam, firmTimeZone, mapDuplicates, requirePermission, toJson } from "./shared";

export async function createClient(scope: Scope, raw: ClientInputDraft | ClientInput): Promise<{ id: string }> {
  requirePermission(scope, "clients.write");
  const input = clientInputSchema.parse(raw);
  const now = new Date();
  return mapDuplicates(() =>
    prisma().$transaction(async (tx) => {
      const timeZone = await firmTimeZone(scope, tx);
      await assertWritableTeam(scope, input.teamId, tx);
      await assertConsultant(scope, input.consultantId, tx);
      await assertNoDuplicate(scope, input, null, tx);
      const score = scoreOf(input);
      // The first score is the one the profile entered the pool with, unless told otherwise.
      const effectiveAt = new Date(input.crsEffectiveAt ?? input.profileSubmittedAt ?? now);
      const client = await tx.client.create({
        data: {
          firmId: scope.firmId,
          ...storedFields(input, timeZone),
          crs: score?.crs ?? null,
          crsEffectiveAt: score ? effectiveAt : null,
          crsFactors: score?.factors ?? Prisma.DbNull,
          ...storedCrsChanges(crsChangesAsOf({ ...input, crsFactors: score?.factors ?? null }, todayIn(timeZone, now))),
          createdAt: now,
          updatedAt: now,
          updatedById: scope.userId,
        },
      });
      if (score) {
        await tx.crsScore.create({
          data: { firmId: scope.firmId, clientId: client.id, crs: score.crs, effectiveAt, source: score.source, reason: score.reason, createdById: scope.userId },
        });
      }
      await refreshClientResults(tx, scope.firmId, [client.id]);
      const created = Object.fromEntries(Object.entries(auditView(client)).filter(([, value]) => value != null && !(Array.isArray(value) && value.length === 0)));
      await recordAudit(actorOf(scope), { action: "client.create", entityType: "client", entityId: client.id, changes: toJson(diffFields({}, created)) }, tx);
      return { id: client.id };
    }),
  );
}
