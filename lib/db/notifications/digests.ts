import "server-only";
import type { Role } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { appUrl, type MailEnv } from "@/lib/mail/app-url";
import { renderDrawDigest, type DigestRow } from "@/lib/mail/digest";
import { getDraw } from "../draws";
import { queueMail } from "../mail";
import { poolMovementForDraw } from "../draws/pool-movement";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";

/**
 * After a firm's match (lib/db/draws/results-store.ts): one digest and one bell notification per active
 * user whose scope holds at least one stored result. Exactly once: the mail is queued under the
 * key `digest:<round>:<user>` in the same transaction as the notification (unique per user and
 * round), so a repeat — a retried job, a second worker, a restart — records nothing new.
 */

const STATUS: Record<string, DigestRow["status"]> = { newly_above: "newly-above", above: "above", near_miss: "near-miss" };

/** The stored results in the user's scope, as digest rows (a client appears once). */
export async function digestRowsFor(scope: Scope, drawNumber: string): Promise<DigestRow[]> {
  const scopeSql = clientScopeSql(scope, 2);
  const rows = await prisma().$queryRawUnsafe<{ status: string; profileNumber: string | null; client: string; crs: number; margin: number; cutoff: number }[]>(
    `SELECT r."status", c."profileNumber", c."lastName" || ', ' || c."firstName" AS "client", r."crs", r."margin", d."cutoff"
     FROM "DrawResult" r
     JOIN "Client" c ON c."firmId" = r."firmId" AND c."id" = r."clientId"
     JOIN "Draw" d ON d."number" = r."drawNumber"
     WHERE r."drawNumber" = $1 AND r."firmId" = $2::uuid AND r."status" <> 'ineligible_close' AND ${scopeSql.sql}
     ORDER BY r."margin" DESC, c."lastName", c."firstName", c."id"`,
    drawNumber,
    ...scopeSql.params,
  );
  return rows.map((r) => ({ status: STATUS[r.status], profileNumber: r.profileNumber, client: r.client, crs: r.crs, cutoff: r.cutoff, margin: r.margin }));
}

export interface DigestOutcome {
  /** Outbox ids of the digests queued by this call (not those queued before). */
  queued: string[];
  notified: number;
  skipped: { userId: string; reason: string }[];
}

/** Queues the round's digests and notifications for the firm (idempotent; see the file comment). */
export async function queueDrawDigests(firmId: string, drawNumber: string, env: MailEnv = process.env): Promise<DigestOutcome> {
  const outcome: DigestOutcome = { queued: [], notified: 0, skipped: [] };
  const [firm, draw] = await Promise.all([
    prisma().firm.findUniqueOrThrow({ where: { id: firmId }, select: { name: true, notifyKinds: true } }),
    getDraw(drawNumber),
  ]);
  // The firm chose which kinds notify (empty: all).
  if (firm.notifyKinds.length > 0 && !firm.notifyKinds.includes(draw.kind)) return outcome;
  const users = await prisma().user.findMany({
    where: { firmId, active: true },
    select: { id: true, email: true, name: true, role: true, digestEnabled: true, digestNearMisses: true, memberships: { select: { teamId: true } } },
    orderBy: { id: "asc" },
  });
  const kindLabel = draw.kindLabel ?? DRAW_KIND_LABELS[draw.kind as DrawKind] ?? draw.kind;
  let poolSummary: string | null | undefined;
  for (const user of users) {
    const scope: Scope = { userId: user.id, firmId, role: user.role as Role, teamIds: user.memberships.map((m) => m.teamId) };
    const rows = await digestRowsFor(scope, draw.number);
    if (rows.length === 0) continue;
    const title = `Draw #${draw.number} (${kindLabel}): ${rows.filter((r) => r.status !== "near-miss").length} of your clients above the cut-off`;
    const wantsMail = user.digestEnabled && (user.digestNearMisses || rows.some((r) => r.status !== "near-miss"));
    if (!wantsMail) outcome.skipped.push({ userId: user.id, reason: user.digestEnabled ? "only near misses, which they turned off" : "digests turned off" });
    if (wantsMail && poolSummary === undefined) poolSummary = (await poolMovementForDraw(draw.number))?.summary ?? null;
    const mail = wantsMail
      ? renderDrawDigest({
          recipientName: user.name,
          firmName: firm.name,
          draw: { number: draw.number, kindLabel, date: draw.date, cutoff: draw.cutoff, size: draw.size },
          rows,
          includeNearMisses: user.digestNearMisses,
          drawUrl: appUrl(`/draws/${encodeURIComponent(draw.number)}`, env),
          poolSummary,
        })
      : null;
    await prisma().$transaction(async (tx) => {
      const created = await tx.notification.createMany({ data: [{ firmId, userId: user.id, drawNumber: draw.number, title }], skipDuplicates: true });
      outcome.notified += created.count;
      if (!mail) return;
      const queued = await queueMail({ firmId, userId: user.id, kind: "draw_digest", to: user.email, ...mail, idempotencyKey: `digest:${draw.number}:${user.id}` }, tx);
      if (queued.created) outcome.queued.push(queued.id);
    });
  }
  for (const s of outcome.skipped) console.log(`draw day: no digest of #${draw.number} for user ${s.userId}: ${s.reason}`);
  return outcome;
}
