/**
 * The account e-mails: an invitation to join a firm and a password reset link. Pure: the
 * callers (lib/db/users/invitations.ts, lib/db/users/password-reset.ts) queue the result in the
 * outbox.
 */
import { escapeHtml, mailLayout, mailLink } from "./html";

export interface AccountMail {
  subject: string;
  text: string;
  html: string;
}

function render(subject: string, paragraphs: string[], link: { url: string; label: string }, after: string[]): AccountMail {
  const text = [...paragraphs, "", link.url, "", ...after, ""].join("\n");
  const html = mailLayout(
    subject,
    [
      ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      `<p>${mailLink(link.url, link.label)}<br>${escapeHtml(link.url)}</p>`,
      ...after.map((p) => `<p>${escapeHtml(p)}</p>`),
    ].join("\n"),
  );
  return { subject, text, html };
}

export function renderInvitationMail(input: { name: string; firmName: string; inviterName: string | null; role: string; url: string; validDays: number }): AccountMail {
  const by = input.inviterName ? `${input.inviterName} invited you` : "You are invited";
  return render(
    `You are invited to ${input.firmName} on DrawDesk`,
    [`Hello ${input.name},`, `${by} to join ${input.firmName} on DrawDesk as ${input.role}. Open this link to choose your password:`],
    { url: input.url, label: "Accept the invitation" },
    [`The link works once and expires in ${input.validDays} days. If you did not expect this invitation, ignore this e-mail.`],
  );
}

export function renderPasswordResetMail(input: { name: string; url: string; validMinutes: number }): AccountMail {
  return render(
    "Reset your DrawDesk password",
    [`Hello ${input.name},`, "Someone (hopefully you) asked to reset the password of your DrawDesk account. Open this link to choose a new one:"],
    { url: input.url, label: "Choose a new password" },
    [
      `The link works once and expires in ${input.validMinutes} minutes. Setting a new password signs you out everywhere.`,
      "If you did not ask for this, ignore this e-mail: your password stays as it is.",
    ],
  );
}
