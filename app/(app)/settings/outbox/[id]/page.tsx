import type { Metadata } from "next";
import { notFound } from "next/navigation";
import styles from "@/components/mail/Mail.module.css";
import { MAIL_KIND_LABELS, MailStatusBadge } from "@/components/mail/MailStatusBadge";
import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { formatInstant } from "@/lib/dates/format-instant";
import { NotFoundError } from "@/lib/errors";
import { getFirm } from "@/lib/db/firms";
import { getOutboxMessage } from "@/lib/db/mail/outbox";
import { requireViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "E-mail" };

async function load(...args: Parameters<typeof getOutboxMessage>) {
  try {
    return await getOutboxMessage(...args);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("mail.read");
  const { id } = await params;
  const [firm, message] = await Promise.all([getFirm(viewer.scope), load(viewer.scope, id)]);
  return (
    <div className="stack-lg">
      <PageHeader title={message.subject} eyebrow={MAIL_KIND_LABELS[message.kind] ?? message.kind} actions={<ButtonLink href="/settings/outbox" variant="secondary">Back to the outbox</ButtonLink>} />
      <Card>
        <dl className="stack-sm">
          <div>
            <dt>To</dt>
            <dd>{message.to}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <MailStatusBadge status={message.status} /> after {message.attempts} {message.attempts === 1 ? "attempt" : "attempts"}
              {message.sentAt ? `, sent ${formatInstant(message.sentAt, firm.timeZone)}` : ""}
            </dd>
          </div>
          <div>
            <dt>Queued</dt>
            <dd>{formatInstant(message.createdAt, firm.timeZone)}</dd>
          </div>
          {message.lastError && (
            <div>
              <dt>Last error</dt>
              <dd>{message.lastError}</dd>
            </div>
          )}
          <div>
            <dt>Message-ID</dt>
            <dd>
              <code>{message.messageId}</code>
            </dd>
          </div>
          {message.attachments.length > 0 && (
            <div>
              <dt>Attachments</dt>
              <dd>{message.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size.toLocaleString("en-CA")} characters)`).join("; ")}</dd>
            </div>
          )}
        </dl>
      </Card>
      <Card>
        <h2>Message</h2>
        <pre className={styles.body} aria-label="Message text">
          {message.text}
        </pre>
        {message.kind === "password_reset" && <p className="muted">The reset link is hidden: only the person it was sent to may use it.</p>}
      </Card>
    </div>
  );
}
