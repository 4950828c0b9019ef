import "server-only";
import { z } from "@/lib/zod";
import type { MailEnv } from "@/lib/mail/app-url";
import { decideRetry } from "@/lib/mail/retry";
import { describeSmtpError, mailConfigured, messageIdFor, sendThroughSmtp } from "@/lib/mail/transport";
import { NotFoundError } from "@/lib/errors";
import { prisma, type Prisma } from "../prisma";

/**
 * The outbox. Every e-mail is recorded here first (the intent, status queued), then delivered by
 * deliverMail — from the worker's "mail.deliver" job and its sweep over dueMailIds (lib/jobs).
 * Sending is idempotent: a row is claimed before the SMTP conversation, so two processes never
 * send one message; a crash after the server accepted but before the "sent" record leaves the
 * claim to expire and the message is sent again with the same Message-ID, which receivers dedupe.
 */

export type MailKind = "draw_digest" | "invitation" | "password_reset";
export type MailAttachment = { filename: string; contentType: string; content: string };

export interface MailToQueue {
  firmId: string;
  /** The recipient user when known. */
  userId: string | null;
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** Unique per firm: queueing the same key again is a no-op that returns the existing id. */
  idempotencyKey: string;
}

export type DeliveryResult = "sent" | "retry" | "outbox" | "failed" | "already_sent";

/** How long a claim holds: longer than nodemailer's connection + socket timeouts together. */
const CLAIM_MS = 5 * 60_000;
/** Outbox messages are sent once SMTP is configured, unless older than this (stale by then). */
const OUTBOX_DELIVERY_WINDOW_MS = 24 * 60 * 60_000;

const address = z.email();

type Tx = Prisma.TransactionClient;

/** Records the intent (status queued) — inside the caller's transaction when `tx` is given. */
export async function queueMail(mail: MailToQueue, tx: Tx = prisma()): Promise<{ id: string; created: boolean }> {
  const to = mail.to.trim();
  const valid = address.safeParse(to).success;
  if (!valid) console.warn(`mail: ${mail.kind} for user ${mail.userId ?? "?"} skipped: invalid address "${to}"`);
  const [created] = await tx.mailMessage.createManyAndReturn({
    data: [
      {
        firmId: mail.firmId,
        userId: mail.userId,
        kind: mail.kind,
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments ?? [],
        idempotencyKey: mail.idempotencyKey,
        messageId: messageIdFor(mail.idempotencyKey),
        ...(valid ? {} : { status: "skipped" as const, lastError: "No valid e-mail address: not sent." }),
      },
    ],
    // ON CONFLICT DO NOTHING: a concurrent or repeated queue of the same key records nothing new.
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) return { id: created.id, created: true };
  const existing = await tx.mailMessage.findUniqueOrThrow({
    where: { firmId_idempotencyKey: { firmId: mail.firmId, idempotencyKey: mail.idempotencyKey } },
    select: { id: true },
  });
  return { id: existing.id, created: false };
}

function terminalResult(status: string): DeliveryResult | null {
  if (status === "sent") return "already_sent";
  if (status === "failed" || status === "skipped") return "failed";
  return null;
}

export interface DeliveryOptions {
  now?: Date;
  env?: MailEnv;
}

/**
 * Delivers one queued message, idempotently (see the file comment). Without SMTP_URL the message
 * stays in the outbox (status "outbox"); a refusal or dropped connection records the error and
 * the next try (backoff) and returns "retry"; after the last attempt, "failed".
 */
export async function deliverMail(id: string, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const env = options.env ?? process.env;
  const row = await prisma().mailMessage.findFirst({ where: { id }, select: { firmId: true, status: true } });
  if (!row) throw new NotFoundError("Message");
  const terminal = terminalResult(row.status);
  if (terminal) return terminal;

  if (!mailConfigured(env)) {
    await prisma().mailMessage.updateMany({ where: { firmId: row.firmId, id, status: "queued" }, data: { status: "outbox" } });
    return row.status === "sending" ? "retry" : "outbox";
  }

  // The claim: one UPDATE whose WHERE only one concurrent caller can satisfy.
  const claim = await prisma().mailMessage.updateMany({
    where: {
      firmId: row.firmId,
      id,
      OR: [
        { status: "queued", nextAttemptAt: { lte: now } },
        { status: "outbox", createdAt: { gte: new Date(now.getTime() - OUTBOX_DELIVERY_WINDOW_MS) } },
        { status: "sending", claimedUntil: { lt: now } },
      ],
    },
    data: { status: "sending", claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  const message = await prisma().mailMessage.findFirstOrThrow({ where: { firmId: row.firmId, id } });
  if (claim.count === 0) return terminalResult(message.status) ?? (message.status === "outbox" ? "outbox" : "retry");

  try {
    await sendThroughSmtp(
      {
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments as MailAttachment[],
        messageId: message.messageId,
      },
      env,
    );
  } catch (error) {
    const decision = decideRetry(message.attempts, now);
    await prisma().mailMessage.updateMany({
      where: { firmId: row.firmId, id, status: "sending" },
      data:
        decision.give === "up"
          ? { status: "failed", claimedUntil: null, lastError: describeSmtpError(error) }
          : { status: "queued", claimedUntil: null, nextAttemptAt: decision.at, lastError: describeSmtpError(error) },
    });
    return decision.give === "up" ? "failed" : "retry";
  }
  await prisma().mailMessage.updateMany({
    where: { firmId: row.firmId, id, status: "sending" },
    data: { status: "sent", sentAt: new Date(), claimedUntil: null, lastError: null },
  });
  return "sent";
}

/** Ids of messages due for a (re)try now, oldest first (every firm: for the worker's sweep). */
export async function dueMailIds(limit: number, options: DeliveryOptions = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  const configured = mailConfigured(options.env ?? process.env);
  const rows = await prisma().mailMessage.findMany({
    where: {
      OR: [
        { status: "queued", nextAttemptAt: { lte: now } },
        { status: "sending", claimedUntil: { lt: now } },
        ...(configured ? [{ status: "outbox" as const, createdAt: { gte: new Date(now.getTime() - OUTBOX_DELIVERY_WINDOW_MS) } }] : []),
      ],
    },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
