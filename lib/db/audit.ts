import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { can } from "@/lib/auth/scope";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "./prisma";
import { auditWhere } from "./scope";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Prisma.InputJsonValue;
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
}

export interface Actor {
  firmId: string;
  userId: string | null;
  userEmail?: string | null;
}

/** Writes one audit entry, inside the caller's transaction when given one. */
export async function recordAudit(actor: Actor, entry: AuditEntry, tx: Tx = prisma()): Promise<void> {
  await tx.auditLog.create({
    data: {
      firmId: actor.firmId,
      userId: actor.userId,
      userEmail: actor.userEmail ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: entry.changes,
      metadata: entry.metadata,
      ip: entry.ip ?? null,
    },
  });
}

export function actorOf(scope: Scope, email?: string | null): Actor {
  return { firmId: scope.firmId, userId: scope.userId, userEmail: email ?? null };
}

/** Field-by-field difference of two flat records, for the audit log's "what changed". */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const to = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

export interface AuditFilters {
  action?: string;
  entityType?: string;
  entityId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
}

export async function listAudit(scope: Scope, filters: AuditFilters = {}) {
  if (!can(scope, "audit.read")) throw new ForbiddenError();
  const pageSize = Math.min(filters.pageSize ?? 50, 200);
  const page = Math.max(filters.page ?? 1, 1);
  const where = auditWhere(scope, {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } } : {}),
  });
  const [rows, total] = await Promise.all([
    prisma().auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma().auditLog.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, id: r.id.toString() })), total, page, pageSize };
}

/** Audit entries about one record (a client's trail), for anyone who may see the record. */
export async function listAuditForEntity(scope: Scope, entityType: string, entityId: string, take = 100) {
  const rows = await prisma().auditLog.findMany({
    where: auditWhere(scope, { entityType, entityId }),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

export async function listAuditActions(scope: Scope): Promise<string[]> {
  if (!can(scope, "audit.read")) throw new ForbiddenError();
  const rows = await prisma().auditLog.findMany({ where: auditWhere(scope), distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
