import Link from "next/link";

/** Why mail stays in the outbox: shown to admins on the dashboard and the outbox page. */
export function MailNotConfiguredNotice({ outboxLink = true }: { outboxLink?: boolean }) {
  return (
    <>
      <code>SMTP_URL</code> is not set, so digests, invitations and password reset e-mails are kept in the outbox instead of being sent.
      {outboxLink && (
        <>
          {" "}
          <Link href="/settings/outbox">Open the outbox</Link>.
        </>
      )}
    </>
  );
}
