/**
 * The SMTP side of the outbox: which server and sender DrawDesk uses, read from the environment
 * (SMTP_URL, MAIL_FROM), and the deterministic Message-ID of a message. No database here —
 * lib/db/mail/queue.ts records every message before this sends it.
 */
import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { MailEnv } from "./app-url";

export const DEFAULT_MAIL_FROM = "DrawDesk <drawdesk@localhost>";

// A server that does not answer must not hold a worker for nodemailer's default hour.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
  messageId: string;
}

/** True when SMTP_URL is set: without it messages stay in the outbox for admins to read. */
export function mailConfigured(env: MailEnv = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

export function mailFrom(env: MailEnv = process.env): string {
  return env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}

/**
 * The Message-ID for an idempotency key. The same key always gives the same id, so a message
 * re-sent after a crash between the server's acceptance and our "sent" record is recognised as a
 * duplicate by receivers that dedupe on Message-ID.
 */
export function messageIdFor(idempotencyKey: string, from = mailFrom()): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.includes("@") ? address.slice(address.lastIndexOf("@") + 1).trim() : "drawdesk.local";
  const digest = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  return `<${digest}@${domain || "drawdesk.local"}>`;
}

let cached: { url: string; transporter: nodemailer.Transporter<SMTPTransport.SentMessageInfo> } | null = null;

function transporter(url: string) {
  if (cached?.url !== url) {
    cached?.transporter.close();
    cached = { url, transporter: nodemailer.createTransport({ ...parseConnectionUrl(url), ...TIMEOUTS }) };
  }
  return cached.transporter;
}

/** The SMTP reply that made a send fail, as recorded in the outbox (never the password). */
export function describeSmtpError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const parts = [e.code, e.responseCode ? String(e.responseCode) : null, e.response ?? e.message].filter(Boolean);
  return (parts.join(" ") || String(error)).slice(0, 1000);
}

/**
 * Hands one message to the SMTP server. Resolves only when the server accepted it for the
 * recipient; any refusal, timeout or dropped connection rejects.
 */
export async function sendThroughSmtp(mail: OutgoingMail, env: MailEnv = process.env): Promise<{ messageId: string }> {
  const url = env.SMTP_URL?.trim();
  if (!url) throw new Error("SMTP_URL is not set");
  const info = await transporter(url).sendMail({
    from: mailFrom(env),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    messageId: mail.messageId,
  });
  if (info.rejected.length > 0 || info.accepted.length === 0) throw new Error(`Recipient refused: ${info.response}`);
  return { messageId: info.messageId };
}
