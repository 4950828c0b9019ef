import { Badge, type Tone } from "@/components/ui";

const STATUS: Record<string, { label: string; tone: Tone }> = {
  queued: { label: "Queued", tone: "info" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  outbox: { label: "In outbox (mail not configured)", tone: "warning" },
  failed: { label: "Failed", tone: "danger" },
  skipped: { label: "Skipped", tone: "neutral" },
};

export const MAIL_KIND_LABELS: Record<string, string> = {
  draw_digest: "Draw digest",
  invitation: "Invitation",
  password_reset: "Password reset",
};

export function MailStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
