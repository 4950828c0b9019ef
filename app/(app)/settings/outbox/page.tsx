import type { Metadata } from "next";
import Link from "next/link";
import { MailNotConfiguredNotice } from "@/components/mail/MailNotConfiguredNotice";
import { MAIL_KIND_LABELS, MailStatusBadge } from "@/components/mail/MailStatusBadge";
import { Alert, ButtonLink, PageHeader, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { formatInstant } from "@/lib/dates/format-instant";
import { getFirm } from "@/lib/db/firms";
import { listOutbox, outboxCounts } from "@/lib/db/mail/outbox";
import { mailConfigured } from "@/lib/mail/transport";
import { requireViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewer("mail.read");
  const { before } = await searchParams;
  const [firm, page, counts] = await Promise.all([getFirm(viewer.scope), listOutbox(viewer.scope, { before }), outboxCounts(viewer.scope)]);
  const summary = Object.entries(counts)
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  return (
    <div className="stack-lg">
      <PageHeader title="Outbox" description={`Every e-mail DrawDesk sent or will send for your firm, with its delivery status.${summary ? ` ${summary}.` : ""}`} />
      {!mailConfigured() && (
        <Alert tone="warning" title="E-mail is not configured">
          <MailNotConfiguredNotice outboxLink={false} /> They are sent once it is configured (messages up to a day old).
        </Alert>
      )}
      <Table caption="E-mails, newest first">
        <THead>
          <TR>
            <TH>Queued</TH>
            <TH>Kind</TH>
            <TH>To</TH>
            <TH>Subject</TH>
            <TH>Status</TH>
            <TH numeric>Attempts</TH>
            <TH>Last error</TH>
          </TR>
        </THead>
        <TBody>
          {page.rows.length === 0 && <TableEmptyRow colSpan={7}>No e-mails yet.</TableEmptyRow>}
          {page.rows.map((m) => (
            <TR key={m.id}>
              <TD className="num">{formatInstant(m.createdAt, firm.timeZone)}</TD>
              <TD>{MAIL_KIND_LABELS[m.kind] ?? m.kind}</TD>
              <TD>{m.to}</TD>
              <TD className="wrap">
                <Link href={`/settings/outbox/${m.id}`}>{m.subject}</Link>
              </TD>
              <TD>
                <MailStatusBadge status={m.status} />
                {m.status === "queued" && m.attempts > 0 && <div className="muted">next try {formatInstant(m.nextAttemptAt, firm.timeZone)}</div>}
                {m.sentAt && <div className="muted">{formatInstant(m.sentAt, firm.timeZone)}</div>}
              </TD>
              <TD numeric>{m.attempts}</TD>
              <TD className="wrap">{m.lastError ?? ""}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {page.next && (
        <div>
          <ButtonLink variant="secondary" href={`/settings/outbox?before=${encodeURIComponent(page.next)}`}>
            Older e-mails
          </ButtonLink>
        </div>
      )}
    </div>
  );
}
