import "server-only";
import { z } from "@/lib/zod";
import { can, type Scope } from "@/lib/auth/scope";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { redactForAdmin } from "@/lib/mail/redact";
import type { MailAttachment } from "./queue";
import { prisma, type Prisma } from "../prisma";

/** The admins' view of the firm's outbox: every message with its delivery status. */

export const OUTBOX_PAGE_SIZE = 50;

function outboxWhere(scope: Scope, extra: Prisma.MailMessageWhereInput = {}): Prisma.MailMessageWhereInput {
  return { ...extra, firmId: scope.firmId };
}

/** Keyset cursor: the last row's createdAt and id, so paging stays fast and stable while mail arrives. */
export function outboxCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

function parseCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const match = cursor ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/.exec(cursor) : null;
  return match ? { createdAt: new Date(match[1]), id: match[2] } : null;
}

export async function listOutbox(scope: Scope, options: { before?: string; limit?: number } = {}) {
  if (!can(scope, "mail.read")) throw new ForbiddenError();
  const limit = Math.min(Math.max(options.limit ?? OUTBOX_PAGE_SIZE, 1), 200);
  const after = parseCursor(options.before);
  const rows = await prisma().mailMessage.findMany({
    where: outboxWhere(scope, after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, kind: true, to: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, sentAt: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? outboxCursor(page[page.length - 1]) : null };
}

/** Messages per status, for the page's summary. */
export async function outboxCounts(scope: Scope): Promise<Record<string, number>> {
  if (!can(scope, "mail.read")) throw new ForbiddenError();
  const groups = await prisma().mailMessage.groupBy({ by: ["status"], where: outboxWhere(scope), _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** One message with its bodies, as an admin may read it (reset links hidden). */
export async function getOutboxMessage(scope: Scope, id: string) {
  if (!can(scope, "mail.read")) throw new ForbiddenError();
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("Message");
  const message = await prisma().mailMessage.findFirst({ where: outboxWhere(scope, { id }) });
  if (!message) throw new NotFoundError("Message");
  const attachments = (message.attachments as MailAttachment[]).map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length }));
  return { ...message, text: redactForAdmin(message.kind, message.text), html: redactForAdmin(message.kind, message.html), attachments };
}
