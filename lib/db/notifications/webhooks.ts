import "server-only";
import { can, type Scope } from "@/lib/auth/scope";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { ForbiddenError } from "@/lib/errors";
import type { WebhookRound } from "@/lib/webhooks/policy";
import { actorOf, recordAudit } from "../audit";
import { getDraw } from "../draws";
import { prisma } from "../prisma";

/**
 * A firm's draw-day webhook: its address (notifications settings, owners and admins) and one
 * delivery per firm and round — the row is the idempotency key, so a retried or repeated job
 * never posts a delivered round again.
 */

export async function firmWebhookUrl(scope: Scope): Promise<string | null> {
  const firm = await prisma().firm.findUnique({ where: { id: scope.firmId }, select: { webhookUrl: true } });
  return firm?.webhookUrl ?? null;
}

/** Sets or (null) removes the webhook; the caller validated it with firmWebhookSchema. Audited. */
export async function setFirmWebhook(scope: Scope, email: string, webhookUrl: string | null): Promise<void> {
  if (!can(scope, "firm.manage")) throw new ForbiddenError();
  await prisma().$transaction(async (tx) => {
    const before = await tx.firm.findUniqueOrThrow({ where: { id: scope.firmId }, select: { webhookUrl: true } });
    if (before.webhookUrl === webhookUrl) return;
    await tx.firm.update({ where: { id: scope.firmId }, data: { webhookUrl } });
    // The address may carry a secret token (Slack's does): the audit says that it changed, not to what.
    await recordAudit(actorOf(scope, email), { action: webhookUrl ? "firm.webhook.set" : "firm.webhook.remove", entityType: "Firm", entityId: scope.firmId, metadata: { host: webhookUrl ? new URL(webhookUrl).host : null } }, tx);
  });
}

/**
 * Records that the round's counts are due at the firm's webhook (when it has one and the round's
 * kind notifies). Returns whether a delivery is pending. Idempotent.
 */
export async function recordWebhookIntent(firmId: string, drawNumber: string): Promise<boolean> {
  await prisma().$executeRawUnsafe(
    `INSERT INTO "WebhookDelivery" ("firmId", "drawNumber", "url")
     SELECT f."id", d."number", f."webhookUrl" FROM "Firm" f CROSS JOIN "Draw" d
     WHERE f."id" = $1::uuid AND d."number" = $2 AND f."webhookUrl" IS NOT NULL
       AND (coalesce(cardinality(f."notifyKinds"), 0) = 0 OR d."kind" = ANY(f."notifyKinds"))
     ON CONFLICT DO NOTHING`,
    firmId,
    drawNumber,
  );
  const row = await prisma().webhookDelivery.findUnique({ where: { firmId_drawNumber: { firmId, drawNumber } }, select: { status: true } });
  return row?.status === "pending";
}

export interface WebhookDue {
  url: string;
  round: WebhookRound;
  counts: { above: number; newlyAbove: number; nearMiss: number };
}

/** What to post, or null when nothing is due (delivered already, or never recorded). */
export async function webhookDue(firmId: string, drawNumber: string): Promise<WebhookDue | null> {
  const delivery = await prisma().webhookDelivery.findUnique({ where: { firmId_drawNumber: { firmId, drawNumber } } });
  if (!delivery || delivery.status !== "pending") return null;
  const [draw, match] = await Promise.all([
    getDraw(drawNumber),
    prisma().drawMatch.findUnique({ where: { firmId_drawNumber: { firmId, drawNumber } }, select: { above: true, newlyAbove: true, nearMiss: true } }),
  ]);
  return {
    url: delivery.url,
    round: { number: draw.number, kindLabel: draw.kindLabel ?? DRAW_KIND_LABELS[draw.kind as DrawKind] ?? draw.kind, date: draw.date, cutoff: draw.cutoff, size: draw.size },
    counts: match ?? { above: 0, newlyAbove: 0, nearMiss: 0 },
  };
}

export async function recordWebhookAttempt(firmId: string, drawNumber: string, outcome: { ok: true } | { ok: false; error: string; final: boolean }): Promise<void> {
  await prisma().webhookDelivery.updateMany({
    where: { firmId, drawNumber, status: "pending" },
    data: outcome.ok
      ? { status: "delivered", deliveredAt: new Date(), attempts: { increment: 1 }, lastError: null }
      : { status: outcome.final ? "failed" : "pending", attempts: { increment: 1 }, lastError: outcome.error.slice(0, 1000) },
  });
}
