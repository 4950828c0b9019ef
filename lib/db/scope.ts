import "server-only";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Where-clause builders that put the caller's scope inside every query, for reads, updates and
 * deletes alike: an out-of-scope row is simply not found. Never load a firm record by id
 * without one of these.
 */

export function firmWhere(scope: Scope): { firmId: string } {
  return { firmId: scope.firmId };
}

/** Clients the caller may see: the firm's live clients, restricted to their teams unless admin. */
export function clientWhere(scope: Scope, extra: Prisma.ClientWhereInput = {}): Prisma.ClientWhereInput {
  return {
    ...extra,
    firmId: scope.firmId,
    deletedAt: extra.deletedAt ?? null,
    ...(seesAllTeams(scope) ? {} : { teamId: { in: scope.teamIds } }),
  };
}

export function teamWhere(scope: Scope, extra: Prisma.TeamWhereInput = {}): Prisma.TeamWhereInput {
  return { ...extra, firmId: scope.firmId };
}

export function userWhere(scope: Scope, extra: Prisma.UserWhereInput = {}): Prisma.UserWhereInput {
  return { ...extra, firmId: scope.firmId };
}

export function auditWhere(scope: Scope, extra: Prisma.AuditLogWhereInput = {}): Prisma.AuditLogWhereInput {
  return { ...extra, firmId: scope.firmId };
}

/**
 * The same scope as SQL, for set-based raw queries over clients (alias `c`). Returns a fragment
 * and its parameters starting at `$firstParam`.
 */
export function clientScopeSql(scope: Scope, firstParam: number, alias = "c"): { sql: string; params: unknown[] } {
  if (seesAllTeams(scope)) {
    return { sql: `${alias}."firmId" = $${firstParam}::uuid AND ${alias}."deletedAt" IS NULL`, params: [scope.firmId] };
  }
  return {
    sql: `${alias}."firmId" = $${firstParam}::uuid AND ${alias}."deletedAt" IS NULL AND ${alias}."teamId" = ANY($${firstParam + 1}::uuid[])`,
    params: [scope.firmId, scope.teamIds],
  };
}
